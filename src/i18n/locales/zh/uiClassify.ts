import type { CatalogShape } from '../../catalog';
import type { uiClassify as english } from '../en/uiClassify';

export const uiClassify: CatalogShape<typeof english> = {
  classify: {
    heading: '解释与预测',
  },
};
