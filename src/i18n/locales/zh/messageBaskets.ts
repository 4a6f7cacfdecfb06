import type { CatalogShape } from '../../catalog';
import type { messageBaskets as english } from '../en/messageBaskets';

export const messageBaskets: CatalogShape<typeof english> = {
  basketsNeedItem:
    '请选择商品列（每行的商品编码，例如 StockCode 或 SKU），才能看出哪些商品一起售出。',
  basketsMinSupport:
    '最小支持度必须是大于 0、不超过 1 的购物篮比例（例如 0.01 表示 1%），而不是 {value}。',
  basketsMaxLen: '最大项集长度必须是 1 到 {most} 之间的整数，而不是 {value}。',
  basketsMaxItemsets: '频繁项集的上限必须是不小于 1 的整数，而不是 {value}。',
  basketsNone: '这个范围内没有任何购物篮含有商品：请选择其他范围，或检查商品列。',
  basketsTooMany:
    '在最小支持度为 {support} 时，频繁项集超过 {most, number} 个：请提高最小支持度（或降低最大项集长度）。',
  basketsMinConfidence: '最小置信度必须是 0 到 1 之间的比例（例如 0.3 表示 30%），而不是 {value}。',
  basketsDefaultSupport:
    '最小支持度为默认值，即 1% 与 10 个购物篮中较大者：{baskets, number} 个购物篮中的 {support, number, precise}。',
  basketsNoSegment: '细分群方案中没有细分群 {segment}：请从它的 {count, number} 个细分群中选择。',
  basketsNoCluster: '{k} 个聚类中没有聚类 {cluster}：请选择 0 到 {last} 之间的聚类。',
  basketsScopeAll: '全部购物篮',
  basketsScopeCluster: '聚类 {cluster}（共 {k} 个）',
  exportRulesAll: '关联规则（全部购物篮）',
  exportRulesOf: '关联规则 - {scope}',
  exportItemsetsAll: '频繁项集',
  exportItemsetsOf: '频繁项集 - {scope}',
  rulesNeedItemFlag:
    '未识别出商品列：请用 --item COL 指定（每行的商品编码，例如 StockCode 或 SKU）。',
  rulesBadScope:
    '--scope 必须是 all、rfm:NAME（一个命名的 RFM 细分群）或 cluster:N（聚类编号），而不是“{value}”。',
  rulesUnknownSegment: '没有名为“{name}”的 RFM 细分群：请从 {names} 中选择。',
  rulesMisplacedK: '--k 只用于聚类：请加上 --scope cluster:N，或去掉 --k。',
  rulesMisplacedSegmentMap:
    '--segment-map 只用于 RFM 细分群：请加上 --scope rfm:NAME，或去掉 --segment-map。',
};
