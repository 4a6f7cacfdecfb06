import type { CatalogShape } from '../../catalog';
import type { ui as english } from '../en/ui';

/** 页面自己的话：标题、控件、无障碍名称、图表、提示。 */
export const ui: CatalogShape<typeof english> = {};
