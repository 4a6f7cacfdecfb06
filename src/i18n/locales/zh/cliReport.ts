import type { CatalogShape } from '../../catalog';
import type { cliReport as english } from '../en/cliReport';

/** 命令行关于 HTML 报告（#18）说的话（`cli` 的一部分）。 */
export const cliReport: CatalogShape<typeof english> = {
  reportSaved: '已将报告保存到 {path}',
};
