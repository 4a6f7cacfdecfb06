import type { CatalogShape } from '../../catalog';
import type { cliValue as english } from '../en/cliValue';

export const cliValue: CatalogShape<typeof english> = {};
