import type { CatalogShape } from '../../catalog';
import type { cliClassify as english } from '../en/cliClassify';

export const cliClassify: CatalogShape<typeof english> = {};
