import type { CatalogShape } from '../../catalog';
import type { uiValue as english } from '../en/uiValue';

export const uiValue: CatalogShape<typeof english> = {
  value: {
    heading: '客户价值',
  },
};
