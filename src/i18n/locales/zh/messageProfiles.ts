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
};
