import type { CatalogShape } from '../../catalog';
import type { cliColumns as english } from '../en/cliColumns';

export const cliColumns: CatalogShape<typeof english> = {
  leftOutHeader: '未作为特征的列（可用 --features 指定）：',
  leftOutLine: '  - {column}：{reason}',
};
