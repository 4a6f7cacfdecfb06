import type { CatalogShape } from '../../catalog';
import type { messageClassify as english } from '../en/messageClassify';

export const messageClassify: CatalogShape<typeof english> = {};
