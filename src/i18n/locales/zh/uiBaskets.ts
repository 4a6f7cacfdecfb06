import type { CatalogShape } from '../../catalog';
import type { uiBaskets as english } from '../en/uiBaskets';

export const uiBaskets: CatalogShape<typeof english> = {
  baskets: {
    heading: '一起购买的商品',
  },
};
