import type { CatalogShape } from '../../catalog';
import type { cliRecommend as english } from '../en/cliRecommend';

export const cliRecommend: CatalogShape<typeof english> = {};
