import type { CatalogShape } from '../../catalog';
import type { messageReport as english } from '../en/messageReport';

/** 可以邮寄给同事的 HTML 报告（#18）：标题、表格和图表。 */
export const messageReport: CatalogShape<typeof english> = {
  // 文档
  reportLanguage: 'zh-CN',
  reportTitle: '客户细分：{file}',
  reportTitleRfm: '来自订单明细的客户细分：{file}',
  reportIntro:
    '由 SegmentLens 在浏览器或命令行中生成：数据从未离开分析它的那台电脑。下面的每个数字都来自 {file}。',
  reportContents: '目录',
  reportFileSuffix: '报告',
  reportMissingValue: '–',
  // 按读者的语言写数字、日期和比例
  reportCount: '{value, number}',
  reportNumber: '{value, number, ::.##}',
  reportPrecise: '{value, number, precise}',
  reportShare: '{value, number, share}',
  reportDate: '{value, date, day}',
  reportZ: '{value, number, ::.## sign-always} 个标准差',
  // 文件
  reportFileHeading: '文件',
  reportFileField: '项目',
  reportFileValue: '值',
  reportFileNameLabel: '文件',
  reportFormat: '格式',
  reportFormatValue:
    '{format, select, csv {CSV 文本} xlsx {Excel 工作簿（.xlsx）} xls {Excel 工作簿（.xls）} parquet {Parquet} other {{format}}}',
  reportSheet: '读取的工作表',
  reportEncoding: '编码',
  reportEncodingValue: '{encoding}。{reason}',
  reportDelimiter: '分隔符',
  reportDelimiterValue:
    '{delimiter, select, comma {逗号（,）} semicolon {分号（;）} tab {制表符} pipe {竖线（|）} other {{delimiter}}}',
  reportDecimal: '小数点',
  reportDecimalValue: '{decimal, select, comma {逗号（,）} other {句点（.）}}',
  reportRowsRead: '读取的行',
  reportRowsUnreadable: '无法读入各列的行',
  reportRowsShort: '字段太少的行',
  reportColumnsHeading: '列',
  reportColumnsCaption: '共 {count, number} 列，以及 SegmentLens 识别出的每列类型。',
  reportColumn: '列',
  reportKind: '类型',
  reportKindValue:
    '{kind, select, numeric {数值} categorical {类别} datetime {日期} identifier {标识符} text {文本} other {{kind}}}',
  reportMissingCells: '缺失',
  reportDistinct: '不同值',
  reportMin: '最小值',
  reportMean: '平均值',
  reportMedian: '中位数',
  reportMax: '最大值',
  reportNote: '说明',
  reportFileNotes: '关于这个文件',
  // 清洗
  reportCleaningHeading: '清洗',
  reportCleaningSummary:
    '读取了 {read, number} 行；分析了 {kept, number} 行，排除了 {setAside, number} 行。',
  reportReason: '原因',
  reportRows: '行数',
  reportDropReason:
    '{reason, select, malformed {无法读取} duplicate {与前面的行重复} missing {有缺失值} outlier {离群值} other {{reason}}}',
  reportNothingSetAside: '没有排除任何行。',
  reportImputedHeading: '填补的缺失值',
  reportStrategy: '填补方式',
  reportStrategyValue:
    '{strategy, select, mean {平均值} median {中位数} mode {最常见的值} constant {常数} drop {不填补（排除这些行）} other {{strategy}}}',
  reportFilledValue: '填入的值',
  reportCells: '单元格',
  reportClippedHeading: '截断到常见范围的离群值',
  reportLow: '保留的最低值',
  reportHigh: '保留的最高值',
  reportExcludedHeading: '没有用作特征的列',
  reportCleaningNotes: '说明',
  // 分析
  reportAnalysisHeading: '分析',
  reportFeaturesHeading: '特征',
  reportFeature: '特征',
  reportFromColumn: '来自列',
  reportTransform: '变换',
  reportTransformValue:
    '{transform, select, none {原样使用} log1p {log(1 + x)} onehot {“{category}”为 1，否则为 0} other {{transform}}}',
  reportScaling:
    '缩放：{method, select, zscore {z 分数（平均值 0，标准差 1）} minmax {最小–最大缩放到 0…1} robust {稳健缩放（中位数和四分位距）} other {{method}}}。',
  reportAlgorithm:
    '聚类：对 {rows, number} 行使用{algorithm, select, kmeans {k-means} dbscan {DBSCAN} hierarchical {层次聚类} other {{algorithm}}}，{metric, select, euclidean {欧氏} manhattan {曼哈顿} chebyshev {切比雪夫} cosine {余弦} other {{metric}}}距离，随机种子 {seed}。',
  reportPcaHeading: '主成分',
  reportPcaCaption: '每个主成分承载的特征方差比例，以及累计比例。',
  reportComponent: '主成分',
  reportComponentName: '主成分 {n}',
  reportVarianceShare: '方差比例',
  reportCumulativeShare: '累计',
  reportScreeDescription:
    '每个主成分一根柱，共 {count, number} 个：第一个承载 {first}，前两个合计 {two}。',
  reportElbowHeading: '分成几个细分群',
  reportElbowCaption:
    '尝试过的每个细分群数量 k：惯性（越低越紧凑；找拐点）和轮廓系数（越高分得越开）。',
  reportInertia: '惯性',
  reportSilhouette: '轮廓系数',
  reportDaviesBouldin: 'Davies–Bouldin 指数',
  reportCalinskiHarabasz: 'Calinski–Harabasz 指数',
  reportSegmentsK: 'k',
  reportInertiaDescription:
    '一条从 k = {from} 到 {to} 的折线；惯性从 {high} 降到 {low}。标出了选定的 k = {k}。',
  reportSilhouetteDescription:
    '一条从 k = {from} 到 {to} 的折线；轮廓系数在 k = {best} 时最高（{value}）。标出了选定的 k = {k}。',
  reportChosenK: '显示的细分群数量：{k}。',
  reportChosenKByUser: '显示的细分群数量：{k}（按所选；推荐的是 {recommended}）。',
  reportDensity:
    'DBSCAN 找到了 {clusters, number} 个细分群和 {noise, number} 行噪声（半径 {eps}，至少 {minPts} 行）。',
  // 细分群
  reportSegmentsHeading: '细分群',
  reportSegment: '细分群',
  reportSegmentName: '{id}：{name}',
  reportNoise: '噪声',
  reportSize: '行数',
  reportShareOfRows: '比例',
  reportSizesTitle: '细分群规模',
  reportSizesDescription:
    '每个细分群一根条，共 {count, number} 个，最大的有 {largest} 行，最小的有 {smallest} 行。',
  reportScatterTitle: '细分群在前两个主成分上的分布',
  reportScatterDescription:
    '从每个细分群抽取的 {points, number} 行各是一个点，按细分群着色，横轴是{x}，纵轴是{y}；每个细分群的中心是带圈的点。',
  reportScatterCaption: '每个细分群在两个主成分上的中心（图中画了 {points, number} 行的样本）。',
  reportMeansHeading: '各细分群的平均值',
  reportMeansCaption: '每个特征在每个细分群中的平均值，使用文件自己的单位。',
  reportAllRows: '全部行',
  reportProfileHeading: '细分群 {id}：{name}',
  reportProfileSize: '{size, number} 行（占分析行数的 {share}）。',
  reportVersusAll: '与全部行相比',
  reportTopValues: '最常见的值',
  reportValue: '值',
  reportShareInSegment: '在这个细分群中',
  reportShareInAll: '在全部行中',
  // RFM
  reportRfmHeading: 'RFM：最近一次购买、购买频率、消费金额',
  reportRfmCustomers: '客户',
  reportRfmPeriod: '订单从 {first} 到 {last}；最近一次购买按 {snapshot} 计算。',
  reportRfmRevenue: '收入',
  reportRfmLines:
    '读取了 {read, number} 条订单明细；使用了 {used, number} 条，排除了 {setAside, number} 条。',
  reportRfmSegmentsTitle: '各命名细分群的客户数',
  reportRfmSegmentsDescription:
    '每个有客户的命名细分群一根条，共 {count, number} 个；最大的是 {largest}。',
  reportRfmSegmentsCaption:
    '命名细分群：客户数、平均最近一次购买（天）、平均购买频率（订单数）、平均消费金额，以及收入占比。',
  reportRfmRecency: '平均最近一次购买（天）',
  reportRfmFrequency: '平均购买频率（订单）',
  reportRfmMonetary: '平均消费金额',
  reportRfmRevenueShare: '收入占比',
  reportRfmClustersNote: '下面的细分群是对客户 RFM 数值的聚类。',
  activityReport: '准备报告',
  reportChartTable: '图表中的数字',
  // 后来加入的内容（#18）：每列的代码与截断、比例、未参与聚类的列、警告
  reportMissingCodesHeading: '被当作缺失值的代码',
  reportCode: '代码',
  reportClippedBelow: '提高到下限',
  reportClippedAbove: '降低到上限',
  reportSentinelsHeading: '发现的“无值”代码，仍按数值计算',
  reportShareOfValues: '占该列数值的比例',
  reportOtherValues: '其他数值',
  reportRange: '{low} – {high}',
  reportRatesHeading: '与全体相比',
  reportDifference: '差距',
  reportPoints: '{value, number, ::.0 sign-always} 个百分点',
  reportLift: '倍数',
  reportLiftValue: '×{value, number, ::.00}',
  reportLeftOutHeading: '未参与聚类的标识列和目标列',
  reportWhy: '原因',
  reportWarningsHeading: '关于这些细分群的警告',
  reportNoiseNamed: '噪声：{name}',
  reportRfmHeadingNoMoney: '最近一次购买与购买频率',
  reportRfmSegmentsCaptionNoMoney:
    '命名细分群：客户数、平均最近一次购买（天）和平均购买频率（订单数）。',
  reportRfmClustersNoteNoMoney: '下面的细分群是对客户最近一次购买和购买频率的聚类。',
};
