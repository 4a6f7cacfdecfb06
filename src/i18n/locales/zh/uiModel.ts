import type { CatalogShape } from '../../catalog';
import type { uiModel as english } from '../en/uiModel';

export const uiModel: CatalogShape<typeof english> = {
  model: {
    heading: '保存与应用',
  },
};
