import type { CatalogShape } from '../../catalog';
import type { messageClusterQuality as english } from '../en/messageClusterQuality';

/** 关于聚类把各行分得好不好的警告（`message` 的一部分）。 */
export const messageClusterQuality: CatalogShape<typeof english> = {
  warnKAtTopOfRange:
    '推荐的细分群数量 {k} 是所搜索范围中最大的：更多的细分群可能更合适。请扩大范围（设置中的最大细分群数量）。',
  warnWeakStructure:
    '各细分群相互重叠：在每个细分群数量下轮廓系数都低于 {weak}（最高 {best}），数据的结构很弱。请把这些细分群看作粗略的分组，或选择其他特征。',
  warnDbscanManySegments:
    '{suggested, select, yes {建议的 eps（{eps}）在这里效果不好：它得到} other {eps {eps} 得到}} {clusters, number} 个细分群，超过了可以据此行动的 {most} 个。请增大 eps 或增加最少点数。',
  warnDbscanOverlap:
    '{suggested, select, yes {建议的 eps（{eps}）在这里效果不好：得到的} other {eps 为 {eps} 时，}}细分群重叠多于分离（轮廓系数 {silhouette}）。请换一个 eps，或改用 k-means。',
  warnDbscanMostlyNoise:
    '{suggested, select, yes {建议的 eps（{eps}）在这里效果不好：} other {eps 为 {eps} 时，}}{share, number, ::percent .#} 的行是噪声。请增大 eps 或减少最少点数（目前为 {minPts}）。',
};
