import type { CatalogShape } from '../../catalog';
import type { uiProfiles as english } from '../en/uiProfiles';

export const uiProfiles: CatalogShape<typeof english> = {
  rates: {
    heading: '各细分群与全体的差异',
    intro:
      '是/否、类别和 0/1 列中每个取值在细分群内的占比与全部已分析客户的占比之比较，以百分点和提升度（是全体的几倍）表示。真正的差异至少 5 个百分点且超出偶然（5% 水平的双侧检验）；与全体一样的五五开不算差异。',
    matches: '{segment} 与全体一致：没有任何取值相差 5 个百分点以上且超出偶然。',
    filterSegment: '细分群',
    allSegments: '全部细分群',
    segmentNumber: '细分群 {id}',
    filterColumn: '列',
    allColumns: '全部列',
    findingsOnly: '只显示真正的差异',
    caption: '各细分群与全体的占比（显示 {total, number} 项中的 {count, number} 项）',
    segment: '细分群',
    value: '取值',
    inSegment: '细分群内',
    overall: '全体',
    points: '差异（百分点）',
    lift: '提升度',
    columnValue: '{column} = {value}',
    flagValue: '{column} = 1',
    counted: '有取值的 {rows, number} 位客户中的 {count, number} 位',
    pointsValue: '{sign}{points}',
    noneShown: '没有符合这些选择的占比：请显示全部占比，或选择其他细分群或列。',
  },
  distribution: {
    title: '各细分群中某列的分布',
    feature: '数值列',
    show: '显示分布',
    prompt:
      '选择一个数值列并显示其分布：每个细分群一个箱体，从下四分位数到上四分位数，中位数为一条线，须线延伸到最小值和最大值。',
    working: '正在计算分布…',
    summary:
      '{feature} 在各细分群中的分布，基于全部 {rows} 行已分析数据{missing, plural, =0 {} other {，不计 # 个无值的行}}。四分位数按线性插值法计算。',
    summarySampled:
      '{feature} 在各细分群中的分布，基于 {rows} 行已分析数据中随机抽取的 {sample} 行{missing, plural, =0 {} other {，不计 # 个无值的行}}。四分位数按线性插值法计算。',
    chartName: '箱线图，每个细分群一个箱体（共 {count, number} 个细分群）',
    valuesCaption: '{feature} 在各细分群中的分布',
    count: '行数',
    min: '最小值',
    q1: '下四分位数',
    median: '中位数',
    q3: '上四分位数',
    max: '最大值',
    view: '图表',
    viewBox: '箱线图',
    viewHistogram: '直方图',
    histogramName:
      '直方图，每个细分群一个（共 {count, number} 个细分群），{bins, number} 个等宽区间，各按自身最高的区间缩放',
    histogramCaption: '{feature} 在各区间和各细分群中的行数',
    bin: '区间',
    binRange: '{from} 至 {to}',
  },
};
