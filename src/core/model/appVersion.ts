// Only the version field is read: Vite inlines it alone, and tsx and Vitest read package.json.
import { version } from '../../../package.json';

/**
 * The app's version, from package.json (the one place it is written), as saved model files
 * record it. The page does not show a version anywhere yet; this is the constant it would use.
 */
export const APP_VERSION: string = version;
