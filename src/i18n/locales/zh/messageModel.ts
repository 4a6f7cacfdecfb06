import type { CatalogShape } from '../../catalog';
import type { messageModel as english } from '../en/messageModel';

/** 保存、读取和应用模型文件时说的话（`message` 的一部分）。 */
export const messageModel: CatalogShape<typeof english> = {
  // 读取模型文件
  modelTooLarge:
    '这个文件有 {size}，超过了模型文件最多 {limit} 的大小：请选择 SegmentLens 保存的 .json 文件。',
  modelNotJson:
    '这个文件不是 SegmentLens 模型（它不是 JSON）：请选择“保存分析”（或 --save-model）写出的 .json 文件。',
  modelOtherJson:
    '这个文件是 JSON，但不是 SegmentLens 模型：请选择“保存分析”（或 --save-model）写出的 .json 文件。',
  modelNewer:
    '这个模型是由更新版本的 SegmentLens 保存的（{app}，模型格式 {version}）：请更新 SegmentLens 后再读取。',
  modelUnknownVersion:
    '这个模型文件声称格式为 {version}，SegmentLens 从未写过这种格式：请重新保存分析。',
  modelDamaged: '这个模型文件已被改动或损坏（{field} {problem}）：请重新保存分析并使用新文件。',
  modelProblemMissing: '缺失',
  modelProblemNotGroup: '不是一组字段',
  modelProblemNotText: '不是文本',
  modelProblemTooLong: '超过 {max, number} 个字符',
  modelProblemEmpty: '为空',
  modelProblemNotNumber: '不是数字',
  modelProblemNotWhole: '不是整数',
  modelProblemBelow: '小于 {min, number}',
  modelProblemAbove: '大于 {max, number}',
  modelProblemRange: '不在 {min, number} 到 {max, number} 之间',
  modelProblemNotYesNo: '不是 true 或 false',
  modelProblemChoice: '是“{value}”，不是 {choices} 之一',
  modelProblemNotList: '不是列表',
  modelProblemTooMany: '超过 {max, number} 项',
  modelProblemLength: '有 {count, number} 个值，应有 {expected, number} 个',
  modelProblemRepeated: '重复了“{value}”',
  modelProblemLabel: '不是 SegmentLens 写出的标签',
  modelProblemOrder: '顺序不对',
  modelProblemCentre: '不能整分为每个 {dims, number} 个值的中心',
  modelProblemSegments: '有 {centres, number} 个中心，却对应 {segments, number} 个细分群',
  modelProblemMoney: '需要一个金额列，或者同时有数量列和单价列',
  modelProblemRfmColumn: '不属于 RFM 模型',
  modelProblemRfm: '与模型是否为 RFM 模型不一致',
  modelProblemVersion: '不是像 1.0 这样的版本号',
  // 保存
  modelNoFill:
    '列“{column}”没有可用来填补缺失单元格的值：请为它选择另一种缺失值处理方式，然后再保存。',
  // 把模型应用到文件
  modelMissingColumns:
    '这个文件缺少{count, plural, other {列 {columns}}}，因此没有应用任何内容：请选择与 {file} 列相同的文件。',
  modelNoNumbers:
    '列“{column}”在这个文件中没有数字，但模型要从中读取数字：请选择与 {file} 列相同的文件。',
  applyReasonMalformed: '无法读取',
  applyReasonInColumn: '{column}：{reason}',
  applyReasonMissing: '缺失值',
  applyReasonNegative: 'log1p 列中的负值',
  applyReasonOutlier: '离群值',
  applyDrift:
    '{feature}：均值为 {now, number, precise}，保存时为 {saved, number, precise}，相差 {shift, number, precise} 个标准差',
  applyHierarchicalMeans:
    '层次聚类模型按各细分群的均值应用（不保存聚类树本身）：每一行归入均值最近的细分群，因此靠近边界的行可能落入与保存时不同的细分群，即使是同一个文件，规模也可能不同。',
  applyUnseen: '{column}：有 {count, number} 行的值在保存模型时从未出现过（{values}）',
  applyExportAll: '已应用模型，全部细分群',
  applyExportSegment: '已应用模型，细分群 {id} {label}',
  applyExportSetAside: '已应用模型，被排除的行',
  applyExportRfm: '已应用模型，RFM 客户',
  // 命令行的拒绝
  cliApplyFiles: '请给出一个模型文件和一个 CSV 文件：segmentlens apply MODEL FILE [选项]。',
  cliSqlOneModel:
    '请给出一个模型文件：segmentlens sql MODEL --dialect duckdb|postgres [--table NAME] [--id COL]。',
  cliSqlDialect: '请说明查询用于哪个数据库：--dialect duckdb 或 --dialect postgres。',
  cliSqlIdRfm: '--id 只用于按行的模型：RFM 模型的查询每位客户返回一行，由客户列标识。',
  sqlHeaderTitle: 'SegmentLens {version}：把保存的模型写成一条查询，用于 {dialect}。',
  sqlHeaderSaved: '模型格式 {format}，于 {saved} 从 {file} 保存。',
  sqlHeaderClusters:
    '{rfm, select, yes {RFM 客户} other {行}}：{algorithm, select, kmeans {k-means} dbscan {DBSCAN（eps {eps}，{metric}）} other {层次聚类（{linkage}，{metric}）}}，基于 {features, number} 个特征{pca, select, yes {（{components, number} 个主成分）} other {}}的 {segments, number} 个细分群。',
  sqlHeaderReads: '读取表 {table} 的列 {columns}。',
  sqlHeaderRowsColumns:
    '数值列必须是数字（NULL 或 NaN 算作缺失）；独热编码列必须是文本（NULL 或空白算作缺失）。',
  sqlHeaderRowsReturns:
    '返回每一行及其 segment、segment_label、到中心的距离 distance 和 set_aside（missing、negative、outlier：保存的清洗排除了这一行，此时 segment 为 NULL）。',
  sqlHeaderRfmDate: '日期列 {column} 必须是 DATE 或 TIMESTAMP（不带时区）：这里不解析文本日期。',
  sqlHeaderRfmNumbers: '数量、单价和金额必须是数字；编号按文本比较，去掉末尾的“.0”。',
  sqlHeaderRfmReturns:
    '每位客户返回一行：recency、frequency、monetary、R、F、M、命名细分群和聚类。',
  sqlHeaderDbscan:
    '包含 DBSCAN 的 {count, number} 个核心行（缩放后的特征，不含编号），与模型文件相同。',
  exportModel: '模型',
};
