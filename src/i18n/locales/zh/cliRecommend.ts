import type { CatalogShape } from '../../catalog';
import type { cliRecommend as english } from '../en/cliRecommend';

export const cliRecommend: CatalogShape<typeof english> = {
  recommendSummary:
    '{path}：读取 {read, number} 条订单行，使用 {used, number} 条：{customers, number} 个客户，{items, number} 件商品，{interactions, number} 个客户–商品组合',
  recommendSettings:
    '每个客户推荐前 {n} 名；每件商品 {itemNeighbours, number} 个邻居（余弦），每个客户 {userNeighbours, number} 个邻居（{similarity, select, pearson {皮尔逊} other {余弦}}）。',
  recommendColumnMethod: '方法',
  recommendColumnEvaluated: '参与评估',
  recommendColumnHitRate: '命中率',
  recommendColumnPrecision: '精确率@{n}',
  recommendColumnRecall: '召回率@{n}',
  recommendColumnNdcg: 'NDCG@{n}',
  recommendColumnMap: 'MAP@{n}',
  recommendColumnCoverage: '覆盖率',
  recommendColumnWinner: '胜出',
  recommendColumnMargin: '领先',
  recommendNoWinner: '-',
  recommendBySegment:
    '各命名细分群（{scheme, select, mean {R、F、M 与均值比较} other {R×F 网格}}）的 NDCG@{n}，按各群中参与评估的客户计算：',
  recommendWrote:
    '已将 recommendations.csv 写入 {out}：共 {rows, number} 行，为每个客户列出前 {n} 名推荐（方法：{method}，基于全部历史）。',
  recommendWroteBest:
    '已将 recommendations.csv 写入 {out}：共 {rows, number} 行，为每个客户列出前 {n} 名推荐（方法：{method}，NDCG@{n} 最高；基于全部历史）。',
};
