import { messageBaskets } from './messageBaskets';
import { messageRecommend } from './messageRecommend';
import { messageClassify } from './messageClassify';
import { messageColumns } from './messageColumns';
import { messageValue } from './messageValue';
import { messageWorkbooks } from './messageWorkbooks';
import { messageModel } from './messageModel';
import { messageReport } from './messageReport';
import { messageExports } from './messageExports';
import { messageCleaning } from './messageCleaning';
import { messageProfiles } from './messageProfiles';
import { messageClusterQuality } from './messageClusterQuality';

import type { CatalogShape } from '../../catalog';
import type { message as english } from '../en/message';

/** 核心说的话：错误、说明、原因、标签。 */
export const message: CatalogShape<typeof english> = {
  // 读取文件
  readEmptyFile: '这个文件是空的：请选择一个有表头行和数据行的 CSV 文件。',
  readNoText: '这个文件里没有文字：请选择一个有表头行和数据行的 CSV 文件。',
  readNoRows: '这个文件只有表头，没有数据行：请在表头下面添加数据后再试。',
  readTooLarge:
    '这个文件有 {size}，超过了本页面能处理的 {limit}：这么大的文件请使用命令行（npx segmentlens analyze FILE）。',
  readTooManyColumns:
    '此文件有 {count, number} 列（第 {line} 行），SegmentLens 最多读取 {most, number} 列：请只保留需要的列，另存为较小的文件。',
  readRecordTooLong:
    '第 {line} 行超过 {most} 仍未结束：这不是按行排列的表格（请检查分隔符和换行符，或把文件重新另存为 CSV）。',
  readHeaderQuotes: '表头（第 {line} 行）的引号不成对：请修正文件的第一行后再试。',
  readFileChanged:
    '文件在读取之后被修改或移动了，无法再次读取其中的行：请重新选择这个文件，然后再做一次。',
  readWorkbook:
    '这个文件是 {what}，不是 CSV：请先另存为 CSV（在 Excel 中选择“文件 > 另存为 > CSV UTF-8”），再选择这个 CSV 文件。',
  readBinaryKind: '这个文件是 {what}，不是 CSV：请改选一个 CSV 文件。',
  readBinary: '这个文件不是文本（含有二进制数据）：请改选一个 CSV 文件。',
  fileXlsx: 'Excel 工作簿（.xlsx）',
  fileXls: 'Excel 工作簿（.xls）',
  filePng: 'PNG 图片',
  fileJpeg: 'JPEG 图片',
  fileGif: 'GIF 图片',
  filePdf: 'PDF 文档',
  fileGzip: 'gzip 压缩包',
  noColumn: '没有名为“{name}”的列：请从这些列中选择：{names}。',
  // 编码是如何确定的
  encodingChosen: '已按您选择的编码读取。',
  encodingRfmTable: '由此处的 RFM 数据计算得出，并非从文件读取。',
  encodingBom: '已按文件开头的字节顺序标记（BOM）读取。',
  encodingUtf16: '已按 UTF-16 读取：文件的字符之间有零字节。',
  encodingValidUtf8: '文件是有效的 UTF-8。',
  encodingNotUtf8:
    '文件不是有效的 UTF-8，已按 {codePage, select, gb18030 {GB18030} other {Windows-1252}} 读取。',
  encodingNotUtf8After:
    '文件在前 {size} 之后不是有效的 UTF-8，已按 {codePage, select, gb18030 {GB18030} other {Windows-1252}} 读取。',
  // 无法读取的行
  rowNul: '含有 NUL 字节，正常文本不会出现（此行已损坏）',
  rowQuotes: '引号不成对或位置不对',
  rowStrayQuote: '未加引号的字段中出现了引号，按原样读取',
  rowFieldCount: '有 {count, number} 个字段，而表头有 {expected} 个',
  rowFieldCountShort: '字段数量不对',
  // 读取说明
  noteUnnamedColumns: '有 {count, number} 列没有名称，已自动命名（column_N）。',
  noteRenamedColumns: '有 {count, number} 个重复的列名已改为唯一名称（name_2、name_3……）。',
  noteDroppedEmptyColumns: '已删除每行末尾 {count, number} 个没有名称的空列。',
  noteExtraEmptyFields: '有 {count, number} 行末尾有多余的空字段，已忽略。',
  noteBlankLines: '已跳过 {count, number} 个空行。',
  noteStrayQuotes:
    '有 {count, number} 行在未加引号的字段中出现了引号（第 {lines} 行），已按原样读取。',
  noteManyIssues: '有 {count} 行无法读取，下面列出了前 {listed} 行。',
  noteNumericHeader: '第一行是数字而不是列名：各列已命名为 column_1、column_2……',
  // 列类型
  kindMixedDecimals:
    '此列的数字同时使用了小数点和小数逗号（例如“{example}”），两种读法都不对：文件目前按{separator, select, point {小数点} other {小数逗号}}读取；请更正文件，或选择小数分隔符。',
  kindAllMissing: '所有单元格都为空：不作为特征使用。',
  kindNotNumbers: '有 {count, number} 个单元格不是数字（例如“{example}”），按缺失值处理。',
  kindIdentifierName: '列名看起来是标识符：不作为特征使用。',
  kindRowNumber: '每行依次为 1、2、3……：这是标识符，不是特征。',
  kindConstant: '每一行的值都相同：不作为特征使用。',
  kindAmbiguousDates: '没有大于 12 的日或月：请确认日期是“日在前”还是“月在前”。',
  kindUnique: '每一行的值都不同：这是标识符，不是特征。',
  kindSameCategory: '每一行的值都相同。',
  kindTooManyValues: '有 {count} 个不同的值：太多，不能作为类别使用。',
  kindMostlyNumbers:
    '{numbers, number} 个单元格是数字，但有 {texts, number} 个不是（例如“{example}”），因此“{name}”按文本读取：把它的类型改为数值即可使用，那些单元格算作缺失。',
  // 特征与清洗
  featureCategorical: '“{name}”是分类列，不是数值列：请选择数值特征，或对它进行独热编码。',
  featureAlsoOneHot: '“{name}”是分类列，已经进行了独热编码：请不要再把它选为数值特征。',
  featureWrongKind:
    '“{name}”是{kind, select, identifier {标识符} datetime {日期} text {文本} other {{kind}}}列，不是数值列：请选择数值特征，或把它的类型改为数值。',
  featureNoneChosen: '没有选择任何特征：请至少为一个数值列勾选“用作特征”。',
  featureOneRow: '这个文件只有一行数据：客户细分至少需要两个客户，每行一个。',
  featureAllConstant: '所有数值列在每一行的值都相同，无法区分客户：请选择数值有变化的文件。',
  featureNoNumeric: '这个文件没有可用于聚类的数值列：至少需要一列数字（例如消费金额或访问次数）。',
  featureChosenConstant: '所选特征在每一行的值都相同，无法聚类：请选择其他特征。',
  featureNoNumbers: '所选特征中没有数字：请至少选择一个数值列作为特征。',
  featureUnusedNote: '{column}：{note}',
  featureLeftOut: '{column} 未被用作特征：{reason}。',
  featureNoNumbersReason: '其中没有数字',
  log1pNotFeature: '{name} 不在所选特征中，因此没有对它取 log(1 + x)。',
  log1pNotNumeric: '{name} 不是数值特征，因此没有对它取 log(1 + x)。',
  log1pNegative: '{name} 含有负值，因此没有对它取 log(1 + x)。',
  scaleConstant: '{name} 在每一行的值都相同，因此不作为特征使用。',
  scaleNoSpread: '{name} 的四分位距为 0，因此只按中位数居中，没有缩放。',
  cleanNoRowsMissing:
    '每一行的某个特征都有缺失值（{count} 行）：请改为填补缺失值而不是删除行，或选择其他特征。',
  cleanNoRowsMalformed:
    '没有任何一行能被读取（{count} 行格式错误）：请检查分隔符和引号，或允许补齐过短的行。',
  cleanNoRows: '清洗后没有剩下任何行：请放宽清洗选项（重复行、缺失值、异常值）。',
  featureNotFinite:
    '第 {line} 行 {column} 的值无法缩放为有限数值：请更正该单元格，或把 {column} 移出特征。',
  oneHotGrouped:
    '{column} 有 {count, number} 个类别：出现最多的 {kept, number} 个各成一个 0/1 特征，其余 {other, number} 个（{rows, number} 行）合并为“{label}”。',
  featuresTooMany:
    '特征矩阵将有 {rows, number} 行 × {features, number} 列（{size}），超出可容纳的大小：请选择更少的特征（或减少独热编码的分类列）。',
  detailNotANumber: '不是数字：{column} 中的“{cell}”',
  detailOutOfRange:
    '{column} 中的“{cell}”超出可分析的数值范围（绝对值须在 1e-100 到 1e100 之间，或为 0）',
  detailMissing: '{column} 没有值',
  detailRepeats: '与第 {line} 行重复',
  detailBelow: '{column} 低于 {limit, number, precise}',
  detailAbove: '{column} 高于 {limit, number, precise}',
  detailBelowLog: '{column} 低于 {limit, number, precise}（取 log1p 后）',
  detailAboveLog: '{column} 高于 {limit, number, precise}（取 log1p 后）',
  // 聚类
  tooFewRowsForK:
    '只有 {rows, number} 行可用，少于要求的 {k, number} 个细分群：最多只能选择 {rows, number} 个细分群。',
  kNotWhole: '细分群数量必须是不小于 1 的整数，而不是 {k}。',
  clusteredOnComponents:
    '{auto, select, yes {特征有 {features, number} 个，因此} other {}}聚类按前 {count, number} 个主成分计算距离（占方差的 {share, number, ::percent .0}）{auto, select, yes {：特征这么多时，按全部特征计算距离既慢又以噪声为主。如需按全部特征聚类，请在“主成分”中选择“全部特征”。} other {。}}',
  kRangeShrank:
    '只剩 {rows, number} 行可供分析，因此 k 的范围是 1 到 {kMax}：请增加行数或减少细分群数量。',
  noRowsToCluster: '没有可以聚类的行。',
  wardEuclideanOnly: 'Ward 连接只能使用欧氏距离：请选择欧氏距离，或改用其他连接方法。',
  wardNote: 'Ward 连接只用欧氏距离构建聚类树；所选的距离用于计算轮廓系数。',
  cutTooLow:
    '在高度 {height} 处切割聚类树会得到 {count} 个细分群：请选择至少 {least} 的高度，最多得到 {most} 个细分群。',
  hierarchySampled:
    '层次聚类是在 {total, number} 行中按固定种子抽取的 {rows, number} 行样本上进行的（聚类树需要所有两两距离，因此最多基于 {most, number} 行构建；最多可以选择 {ceiling, number} 行）；其余各行归入中心最近的细分群。',
  treeRowsRange:
    '聚类树的行数必须是 {fewest, number} 到 {most, number} 之间的整数，而不是 {rows}。',
  treeOutOfMemory:
    '内存不足，无法为基于 {rows, number} 行的聚类树分配所需的 {megabytes, number} MB：请减少聚类树的行数，或关闭其他标签页或程序后重试。',
  epsNotPositive: 'eps 必须是大于 0 的数字，而不是 {eps}。',
  minPtsNotWhole: '最小点数必须是不小于 1 的整数，而不是 {minPts}。',
  epsIdentical: '大多数行完全相同，无法建议邻域大小：请输入一个大于 0 的 eps。',
  dbscanAllNoise:
    '在 eps 为 {eps}、最小点数为 {minPts} 时所有行都是噪声：请增大 eps（k-距离图建议 {suggested}）或减小最小点数。',
  dbscanSampled:
    'DBSCAN 是在 {total, number} 行中按固定种子抽取的 {rows, number} 行样本上运行的（在合理时间内最多处理 {most, number} 行）；其余各行归入 eps 范围内某个核心行所在的细分群，附近没有核心行的则为噪声。',
  // 选择 k
  reasonTooFewRows: '行数太少，无法比较不同的细分群数量。',
  reasonNoBend: '肘部曲线没有明显拐点；轮廓系数在 k = {silhouetteK} 时最高（{best}）。',
  reasonBend: '肘部曲线在 k = {elbowK} 处弯折。',
  reasonAgree: '肘部曲线在 k = {elbowK} 处弯折，轮廓系数也在此处最高（{best}）：两者一致。',
  reasonNearlyAgree:
    '肘部曲线在 k = {elbowK} 处弯折，轮廓系数在相邻的 k = {silhouetteK} 处最高（{best}）：两者基本一致；推荐 k = {k}。',
  reasonElbowGoodEnough:
    '肘部曲线在 k = {elbowK} 处弯折；轮廓系数在 k = {silhouetteK} 处最高（{best}），但在 k = {elbowK} 处几乎一样好（{atElbow}），因此推荐肘部的 k。',
  reasonSilhouetteWins:
    '肘部曲线在 k = {elbowK} 处弯折，但那里的轮廓系数（{atElbow}）明显低于 k = {silhouetteK} 处（{best}），因此推荐 k = {silhouetteK}。',
  reasonHeightCut: '{reason}在高度 {height} 处切割聚类树得到 {count, number} 个细分群。',
  reasonDbscan:
    'DBSCAN 在 eps 为 {eps}、最小点数为 {minPts} 时找到 {clusters, number} 个细分群；{noise, number} 行（{share, number, share}）是噪声。',
  metricEuclidean: '欧氏距离',
  metricManhattan: '曼哈顿距离',
  metricChebyshev: '切比雪夫距离',
  metricCosine: '余弦距离',
  // 比较算法时的设置
  compareKmeans: 'k = {k}，{nInit} 次初始化中的最优结果',
  compareHierarchy:
    '{linkage, select, ward {Ward} complete {全} average {平均} single {单} other {{linkage}}}连接，{metric}，k = {k}',
  compareHierarchyWard:
    '{linkage, select, ward {Ward} complete {全} average {平均} single {单} other {{linkage}}}连接，{metric}（Ward 只用欧氏距离），k = {k}',
  compareHierarchySampled: '{settings}，聚类树基于 {rows, number} 行',
  compareDbscan: 'eps {eps}，最小点数 {minPts}，{metric}',
  compareDbscanSuggested: 'eps {eps}（建议值），最小点数 {minPts}，{metric}',
  // 细分群标签
  labelHigh: '{feature}高',
  labelLow: '{feature}低',
  labelAboveAverage: '{feature}高于平均',
  labelBelowAverage: '{feature}低于平均',
  labelMostly: '多为{value}',
  labelTypical: '普通客户',
  labelNoise: '噪声',
  labelJoin: '{first}，{second}',
  labelRepeat: '{label}（{count}）',
  rfmLapsed: '久未购买',
  rfmRecent: '近期购买',
  rfmFairlyLapsed: '较久未购买',
  rfmFairlyRecent: '较近购买',
  rfmFrequent: '购买频繁',
  rfmRare: '购买稀少',
  rfmFairlyFrequent: '购买较频繁',
  rfmFairlyRare: '购买较少',
  rfmHighSpend: '消费高',
  rfmLowSpend: '消费低',
  rfmAboveAverageSpend: '消费高于平均',
  rfmBelowAverageSpend: '消费低于平均',
  // 订单行与 RFM
  mappingNeedsCustomer: '请选择标识客户的列。',
  mappingNeedsDate: '请选择订单日期所在的列。',
  mappingNeedsQuantity: '请选择与单价相配的数量列，或者改选一个金额列。',
  mappingNeedsPrice: '请选择与数量相配的单价列，或者改选一个金额列。',
  mappingTwice: '“{name}”被选作两种用途：请为每种用途选择不同的列。',
  mappingLooksLikeLines:
    '每个客户（{customer}）出现在多行中，并有日期（{date}）和金额（{amount}）：这看起来是每行一条订单明细。',
  mappingLooksLikeLinesPrice:
    '每个客户（{customer}）出现在多行中，并有日期（{date}）以及数量和单价（{quantity} x {price}）：这看起来是每行一条订单明细。',
  mappingLooksLikeLinesNoMoney:
    '每个客户（{customer}）出现在多行中，并有日期（{date}），但没有金额：这看起来是每行一次购买，RFM 将只使用最近一次消费（R）和消费频率（F）。',
  mappingNotLinesCustomer: '未识别出重复出现的客户列，因此按每行一个客户来读取。',
  mappingNotLinesDate: '未识别出日期列，因此按每行一个客户来读取。',
  mappingNotLinesBoth: '未识别出重复出现的客户列和日期列，因此按每行一个客户来读取。',
  cliMappingMissing:
    '有 {count, number} 个列未被识别或不完整：请加上 {flags}（--help 列出了所有列参数）。',
  rfmNoteNoMoney:
    '没有选择金额列，因此这是不含 M 的 RFM：只按最近一次消费（R）和消费频率（F）评分和细分，所有地方都不显示消费金额。',
  rfmNoteOrdersByDay: '没有选择订单列，因此每位客户在同一天的购买算作一个订单。',
  rfmMeanSchemeNeedsMoney:
    '按 R、F、M 高于或低于平均值划分的八类客户需要金额列：请选择金额列，或使用 R×F 网格的细分。',
  valueNeedsMoney:
    '消费金额和客户终身价值（Gamma-Gamma）需要金额列：请选择金额列（或数量和单价列）。客户是否仍活跃和预期购买次数不需要金额，照常显示。',
  rfmModelNeedsMoney:
    'RFM 模型会保存金额的分界点，因此需要金额列：请选择金额列（或数量和单价列）后再保存模型。',
  linesNoneUsable: '没有可用的订单行（大多数被排除的原因是：{reason}）：请检查列的选择。',
  linesDatesAreNumbers:
    '“{column}”中是数字而不是日期：请选择订单日期所在的列，日期应写成 2010-12-01 08:26、12/1/2010 或 01.12.2010 这样的形式。',
  linesNoDates:
    '“{column}”中没有任何值：请选择订单日期所在的列，日期应写成 2010-12-01 08:26、12/1/2010 或 01.12.2010 这样的形式。',
  linesUnreadableDates:
    '“{column}”中没有可读取的日期（例如 {example} 不是日期）：请选择订单日期所在的列，日期应写成 2010-12-01 08:26、12/1/2010 或 01.12.2010 这样的形式。',
  linesAmbiguousDates:
    '“{column}”中的日期（例如 {example}）可能是日在前，也可能是月在前：请指明是哪一种。',
  dropUnreadableRow: '该行无法按列读取',
  dropNoCustomer: '没有客户编号',
  dropCancellation: '已取消的订单（订单号为 C 加发票号的数字）',
  dropUnreadableDate: '日期缺失或无法读取',
  dropMissingAmount: '数量、单价或金额缺失、不是数字或超出范围',
  dropNotPositive: '数量、单价或金额为零或负数（退货、调整、赠品）',
  applySnapshotBeforeLastOrder:
    '这个模型把最近购买天数计算到保存时的快照日期 {snapshot, date, day}，但这些订单行一直到 {last, date, minute}：请只应用到快照日期之前的订单，或重新保存模型，使用更晚的快照日期或不设快照日期（此时计算到最后一笔订单的次日）。',
  sqlSnapshotBeforeLastOrder:
    'SegmentLens：这个模型把最近购买天数计算到保存时的快照日期 {snapshot, date, day}，但表中有之后的订单：请只对这一天之前的订单评分，或重新保存模型，使用更晚的快照日期或不设快照日期。',
  snapshotBeforeLastOrder:
    '快照日期早于最后一笔订单（{last, date, minute}）：请选择之后的日期，或留空以使用最后一笔订单的次日。',
  rfmNoteOneValue:
    '所有客户的{which, select, recency {最近购买间隔相同（{value, number} 天）} frequency {购买次数相同（{value, number} 单）} other {消费金额相同（{value, number}）}}，{which, select, recency {R} frequency {F} other {M}} 分无法区分客户：每位客户都得中间分 3（满分 5）。',
  rfmNoteSharedOrderIds:
    '有 {count, number} 个订单号被多个客户或在多天中使用（例如每天重新编号），因此一个订单按“同一订单号、同一客户、同一天”计算。',
  rfmNoteCancellations:
    '有 {count, number} 行被视为取消订单而未计入：订单号如 {examples}，即 C 加发票号的数字。如果这些是普通订单，请取消勾选“识别取消订单”。',
  rfmOneCustomer: '只有一个客户有可用的订单，无法聚类：请检查列的选择。',
  segmentMapCells: '网格需要 {count} 个单元格。',
  segmentMapBlank: '每个细分群都需要名称：请输入一个名称。',
  segmentMapTwice: '有两个细分群都叫“{name}”：请为每个细分群取不同的名称。',
  segmentMapUnassigned: '网格中的每个单元格都必须属于某个细分群。',
  rfmChampions: '冠军客户',
  rfmLoyalCustomers: '忠诚客户',
  rfmPotentialLoyalists: '潜在忠诚客户',
  rfmNewCustomers: '新客户',
  rfmPromising: '有潜力的客户',
  rfmNeedAttention: '需要关注的客户',
  rfmAboutToSleep: '即将沉睡的客户',
  rfmAtRisk: '有流失风险的客户',
  rfmCantLoseThem: '不能失去的客户',
  rfmHibernating: '沉睡客户',
  rfmImportantValue: '重要价值客户',
  rfmImportantDevelopment: '重要发展客户',
  rfmImportantRetention: '重要保持客户',
  rfmImportantWinBack: '重要挽留客户',
  rfmGeneralValue: '一般价值客户',
  rfmGeneralDevelopment: '一般发展客户',
  rfmGeneralRetention: '一般保持客户',
  rfmGeneralWinBack: '一般挽留客户',
  // 导出
  exportNoSegmentation: '没有可导出的 {k} 个细分群的结果。',
  exportNoClusters: '请先对客户进行聚类，再导出单个聚类。',
  exportAllSegments: '全部细分群（k={k}）',
  exportAllSegmentsOf:
    '全部细分群（{algorithm, select, dbscan {DBSCAN} hierarchical {层次聚类} other {{algorithm}}}，k={k}）',
  exportSegment: '细分群 {id} - {label}',
  exportCleaningReport: '清洗报告（排除的行）',
  exportRfmTable: 'RFM 表',
  exportRfmSegment: 'RFM - {segment}',
  exportRfmCluster: 'RFM - 聚类 {cluster}（共 {k} 个）',
  exportRfmSetAside: 'RFM 未使用的订单行',
  noSession: '分析进程中没有打开这个文件。',
  // 页面自己的句子（状态、进度、问题）
  pageFileNotRead: '没有读取 {name}，页面上仍是之前的文件。{reason}',
  pageUnexpected: '{activity}时出了问题（{detail}）：请重试；如果一直出现，请使用命令行。',
  activityAnalysing: '分析文件',
  activityComparing: '比较算法',
  activityDownload: '准备下载',
  activityCleaningReport: '准备清洗报告',
  activitySample: '加载示例',
  activityReading: '读取 {name}',
  activityCustomerTable: '显示客户表',
  workerCannotStart: '分析无法在这个浏览器中启动（{detail}）：请换一个浏览器。',
  workerStopped: '分析意外停止：请重试；很大的文件请使用命令行。',
  workerStoppedBecause: '分析意外停止（{detail}）：请重试；很大的文件请使用命令行。',
  workerNotStarted: '分析没有启动：请刷新页面后重试。',
  sampleNotLoaded: '无法加载示例 {name}（{status}）',
  statusAnalysing: '正在分析……',
  statusRfmDone: '已完成 {customers, number} 个客户的 RFM；正在对他们聚类……',
  statusDoneDbscan: '分析完成：DBSCAN 找到 {k, number} 个细分群。',
  statusDoneRecommended: '分析完成：推荐 {k} 个细分群。',
  statusCancelledKeeping: '已取消：页面显示的是上一次完成的结果。',
  statusCancelled: '已取消。',
  statusAnalysisCancelled: '分析已取消。',
  statusComparing: '正在比较算法……',
  statusCompared: '比较完成。',
  statusComparisonCancelled: '比较已取消。',
  statusDownloaded: '已下载 {file}。',
  statusRereadForDownload: '分析已被取消，正在重新读取文件以准备下载……',
  statusReading: '正在读取 {name}……',
  statusRead: '已读取 {rows, number} 行。',
  rfmSayDateOrder: '请说明 {column} 中的日期是怎么写的：日在前还是月在前。',
  // 命令行自己的拒绝
  cliOneFile: '请只给一个文件（CSV、Excel 工作簿或 Parquet）：segmentlens {command} FILE [选项]。',
  cliBadArguments: '{problem}：请查看 segmentlens --help。',
  cliUnknownOption: '没有 {option} 这个选项：请查看 segmentlens --help。',
  cliOptionNeedsValue: '{option} 需要一个值：请把值紧跟在选项后面（{option} 值）。',
  cliOptionValueIsOption:
    '{option} 需要一个值，但它后面是 {value}：请把值紧跟在 {option} 后面；如果 {value} 就是要给的值，请写成 {option}={value}。',
  cliOptionTakesNoValue: '{option} 不带值：请只写 {option}。',
  cliStrayNumber:
    '{value} 不是选项，也不是某个选项的值：请把它紧跟在它所属的选项后面（--选项 {value}）。',
  cliWholeNumberAtLeast: '--{name} 必须是不小于 {min} 的整数，而不是“{value}”。',
  cliWholeNumberRange: '--{name} 必须是 {min} 到 {max} 之间的整数，而不是“{value}”。',
  cliNumberAtLeast: '--{name} 必须是不小于 {min} 的数字，而不是“{value}”。',
  cliChoice: '--{name} 必须是 {choices} 之一，而不是“{value}”。',
  cliNoSuchFile: '无法读取 {path}：没有这个文件；请检查路径。',
  cliFolder: '无法读取 {path}：这是一个文件夹；请给出文件的路径。',
  cliCannotOpen: '无法读取 {path}：无法打开；请检查路径。',
  // 写入选项指定的位置（--out DIR、--report FILE、--save-model FILE、sql --out FILE）
  cliWriteNotFolder:
    '{path} 是一个文件，不是文件夹：请给 {flag} {what, select, folder {一个可以写入的文件夹} other {一个位于文件夹中的文件路径}}。',
  cliWriteDenied:
    '您无法在文件夹 {path} 中写入：请给 {flag} {what, select, folder {一个您可以写入的文件夹} other {一个位于您可以写入的文件夹中的文件路径}}。',
  cliWriteCannotCreate: '无法创建文件夹 {path}：请给 {flag} 一个您可以写入的文件夹。',
  cliWriteNoFolder:
    '文件夹 {path} 不存在：请先创建它，或给 {flag} 一个位于已有文件夹中的文件路径。',
  cliWriteIsFolder:
    '{path} 是一个文件夹，不是文件：{what, select, folder {请把它移走，或给 {flag} 另一个文件夹} other {请给 {flag} 一个文件的路径}}。',
  cliWriteFailed:
    '无法写入 {path}：请检查您是否可以在那里写入、磁盘是否还有空间，或给 {flag} 另一个{what, select, folder {文件夹} other {文件}}。',
  cliSheetNotWorkbook:
    '--sheet 用于选择 Excel 工作簿中的工作表，而 {path} 是 {format, select, parquet {Parquet} other {CSV}} 文件：请去掉 --sheet。',
  cliStaleSegmentFile:
    '{path} 是之前运行留下的细分群文件，无法删除：请删除它，或用 --out 指定另一个文件夹，以免文件夹中混有两次细分的结果。',
  cliDayAndMonth: '请给出 --day-first 或 --month-first，不要两个都给。',
  cliSnapshot: '--snapshot 必须是像 2011-12-10 或“2011-12-10 12:50”这样的日期，而不是“{value}”。',
  cliDbscanK:
    'DBSCAN 会自己确定细分群数量：请去掉 --k，或选择 --algorithm kmeans 或 hierarchical。',
  cliMisplacedDbscan: '{flag} 只用于 DBSCAN：请加上 --algorithm dbscan。',
  cliMisplacedHierarchy: '{flag} 只用于层次聚类：请加上 --algorithm hierarchical。',
  cliEps: '--eps 必须是大于 0 的数字，例如 0.5。',
  cliFillValue: '--fill-value 必须是数字，例如 0 或 -1，而不是“{value}”。',
  cliFillValueUnused:
    '--fill-value 是填补缺失值用的数字：请加上 --missing constant，或 --missing-by 列名=constant。',
  ...messageBaskets,
  ...messageRecommend,
  ...messageValue,
  ...messageClassify,
  ...messageWorkbooks,
  ...messageModel,
  ...messageColumns,
  ...messageReport,
  ...messageExports,
  ...messageCleaning,
  ...messageProfiles,
  ...messageClusterQuality,
};
