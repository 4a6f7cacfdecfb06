import type { CatalogShape } from '../../catalog';
import type { cliRules as english } from '../en/cliRules';

export const cliRules: CatalogShape<typeof english> = {};
