import type { CatalogShape } from '../../catalog';
import type { cliProfiles as english } from '../en/cliProfiles';

export const cliProfiles: CatalogShape<typeof english> = {
  rateLine:
    '      {description}（{points, number, ::sign-always .0} 个百分点，×{lift, number, ::.00}）',
  ratesVerdictLine: '      {verdict}',
  distributionAll:
    '{feature} 在各细分群中的分布，基于全部 {rows, number} 行已分析数据{missing, plural, =0 {} other {，不计 # 个无值的行}}（四分位数：线性插值，与 pandas 相同）：',
  distributionSampled:
    '{feature} 在各细分群中的分布，基于 {rows, number} 行已分析数据中按种子抽取的 {sample, number} 行{missing, plural, =0 {} other {，不计 # 个无值的行}}（四分位数：线性插值，与 pandas 相同）：',
  columnRows: '行数',
  columnMin: '最小值',
  columnQ1: '下四分位数',
  columnMedian: '中位数',
  columnQ3: '上四分位数',
  columnMax: '最大值',
};
