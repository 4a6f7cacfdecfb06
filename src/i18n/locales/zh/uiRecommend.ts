import type { CatalogShape } from '../../catalog';
import type { uiRecommend as english } from '../en/uiRecommend';

export const uiRecommend: CatalogShape<typeof english> = {
  recommend: {
    heading: '商品推荐',
  },
};
