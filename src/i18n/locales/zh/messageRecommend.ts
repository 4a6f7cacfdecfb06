import type { CatalogShape } from '../../catalog';
import type { messageRecommend as english } from '../en/messageRecommend';

export const messageRecommend: CatalogShape<typeof english> = {
  recommendNoMethod: '请至少选择一种方法：热门商品、基于商品或基于客户。',
  recommendNoRepeat:
    '没有客户下过两次订单，因此没有后续订单可用来检验推荐：请使用订单时间跨度更长的文件。',
  recommendNothingNew:
    '没有客户的最后一笔订单中含有之前没买过的商品，因此没有可用来检验推荐的内容：请使用订单时间跨度更长的文件。',
  recommendBlankItems: '所有可用订单行的商品列都是空的：请选择存放商品编码的列。',
  recommendNeedItem: '推荐需要知道买了什么：请选择商品列（每行的商品编码）。',
  recommendBadMethod: '方法必须是 popularity、item、user 或 all，而不是 {value}。',
  recommendBadSimilarity: '相似度必须是 cosine 或 pearson，而不是 {value}。',
  recommendBadCount: '{what}必须是 1 到 {most} 之间的整数：{value} 不是。',
  recommendNeighboursItem: '每个商品的邻居数',
  recommendNeighboursUser: '每个客户的邻居数',
  recommendTop: '每个客户的推荐数',
};
