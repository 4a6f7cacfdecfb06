import type { CatalogShape } from '../../catalog';
import type { cliModel as english } from '../en/cliModel';

/** 命令行在保存、应用模型和生成 SQL 时说的话（`cli` 的一部分）。 */
export const cliModel: CatalogShape<typeof english> = {
  modelSaved: '已将模型保存到 {path}',
  applySummary:
    '{path}：来自 {saved} 的模型（{algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {层次聚类} other {{algorithm}}}，{k, number} 个细分群）',
  applyRows:
    '{kind, select, rfm {{read, number} 位客户中已打分 {scored, number} 位} other {读取 {read, number} 行，已打分 {scored, number} 行}}',
  applyRowsSetAside:
    '{kind, select, rfm {{read, number} 位客户中已打分 {scored, number} 位} other {读取 {read, number} 行，已打分 {scored, number} 行}}（被排除：{setAside}）',
  applyOrderLines: '读取 {read, number} 条订单行，使用 {used, number} 条',
  applyCustomers:
    '{customers, number} 位客户（保存时：{saved, number} 位）；最近购买天数计算到 {snapshot, date, minute}',
  applySetAsideItem: '{count, number} 行{reason}',
  applyColumnSaved: '保存时',
  applyColumnNow: '现在',
  applyNoise: '噪声（细分群 -1）：现在 {now, number} 行，保存时 {saved, number} 行',
  applyNamedSegments: '命名细分群：',
  applyClusters: '聚类：',
  applyDrift: '漂移：',
  applyNoDrift: '没有漂移：每个特征的均值与保存时相差都不到 0.5 个标准差，也没有新的类别。',
  applyWrote: '已将 {files} 写入 {out}',
  sqlWrote:
    '已将 {dialect, select, duckdb {DuckDB} postgres {PostgreSQL} other {{dialect}}} 查询写入 {path}',
};
