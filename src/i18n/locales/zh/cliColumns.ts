import type { CatalogShape } from '../../catalog';
import type { cliColumns as english } from '../en/cliColumns';

export const cliColumns: CatalogShape<typeof english> = {
  leftOutHeader: '未作为特征的列（可用 --kind 和 --features 改变）：',
  leftOutLine: '  - {column}：{reason}',
};
