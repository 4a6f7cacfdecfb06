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
};
