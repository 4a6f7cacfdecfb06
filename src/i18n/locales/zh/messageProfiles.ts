import type { CatalogShape } from '../../catalog';
import type { messageProfiles as english } from '../en/messageProfiles';

export const messageProfiles: CatalogShape<typeof english> = {
  rateValue:
    '{column} = {value}：{share, number, ::percent .#}，全体为 {overall, number, ::percent .#}',
  rateFlag: '{column}：{share, number, ::percent .#} 为 1，全体为 {overall, number, ::percent .#}',
  ratesMatchBase:
    '与全体一致：没有任何是/否、类别或 0/1 列的差异达到 {points, number} 个百分点以上且超出偶然。',
  ratesDiffer: '有 {count, number} 个值与全体相差 {points, number} 个百分点以上且超出偶然。',
  labelRateMostly: '{column}：多为 {value}',
  labelRateShare: '{column} = {value}：{share, number, ::percent}',
  labelFlagShare: '{column}：{share, number, ::percent} 为 1',
  activityDistribution: '显示各细分群中某列的分布',
  distributionNotNumeric: '“{name}”不是本次分析的数值列：请从 {columns} 中选择。',
  distributionNoK: '这里没有 {k, number} 个细分群的分群结果：请选择分析已计算的细分群数量。',
};
