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
  recommendMethodName:
    '{method, select, popularity {热门商品} item {基于商品} user {基于客户} other {{method}}}',
  recommendSplit:
    '{customers, number} 个客户中有 {twoOrders, number} 个至少下过两次订单；留出他们的最后一笔订单，其中 {evaluated, number} 个客户的最后一笔订单含有之前没买过的商品，就用这 {testItems, number} 件商品来检验，模型从其余所有订单中学习（{catalogue, number} 件商品上的 {training, number} 个客户–商品组合）。',
  recommendVerdictWins:
    '{winner, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{winner}}}在 NDCG@{n} 上胜出：{best, number, ::.000}，{runnerUp, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{runnerUp}}}为 {second, number, ::.000}（高 {gain, number, ::percent .0}）。',
  recommendVerdictWinsOverBaseline:
    '{winner, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{winner}}}在 NDCG@{n} 上胜出：{best, number, ::.000}，{runnerUp, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{runnerUp}}}为 {second, number, ::.000}（高 {gain, number, ::percent .0}），热门商品为 {baseline, number, ::.000}。',
  recommendVerdictOnlyHits:
    '{winner, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{winner}}}在 NDCG@{n} 上胜出，为 {best, number, ::.000}：其他方法的前 {n} 名中都没有留出的商品。',
  recommendVerdictTie:
    '{winner, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{winner}}}与{runnerUp, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{runnerUp}}}在 NDCG@{n} 上持平，均为 {best, number, ::.000}。',
  recommendVerdictNoHits: '对这些客户，没有任何方法把留出的商品排进前 {n} 名。',
  recommendVerdictOne:
    '{winner, select, popularity {热门商品} item {基于商品的推荐} user {基于客户的推荐} other {{winner}}}：NDCG@{n} 为 {best, number, ::.000}（只评估了这一种方法）。',
  recommendVerdictNotEvaluated: '这里没有可检验的客户：没有人的最后一笔订单含有之前没买过的商品。',
  recommendUnknownCustomer:
    '订单行的 {customers, number} 个客户中没有“{id}”：请按客户列中的写法输入编号。',
  recommendNoSuchGroup: '没有可导出的第 {group} 组：请选择 0 到 {last} 之间的组。',
  recommendNeighboursTwice:
    '--neighbours 会同时设置两种邻居数：请单独使用它，或改用 --item-neighbours 和 --user-neighbours。',
  recommendExportAll:
    '推荐（{method, select, popularity {热门商品} item {基于商品} user {基于客户} other {{method}}}）',
  recommendExportSegment:
    '推荐（{method, select, popularity {热门商品} item {基于商品} user {基于客户} other {{method}}}）- {segment}',
  recommendExportCluster:
    '推荐（{method, select, popularity {热门商品} item {基于商品} user {基于客户} other {{method}}}）- 第 {cluster} 簇（共 {k} 簇）',
};
