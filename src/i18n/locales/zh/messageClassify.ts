import type { CatalogShape } from '../../catalog';
import type { messageClassify as english } from '../en/messageClassify';

export const messageClassify: CatalogShape<typeof english> = {
  classifyNoModel: '尚未选择模型：请至少选择一个要训练的模型。',
  classifyNoFeatures: '尚未选择特征：请至少选择一列用于预测（目标列本身不能作为特征）。',
  classifyTreeDepth: '树的深度必须是 1 到 30 之间的整数（而不是 {value}）：通常取 5。',
  classifyTargetEmpty: '目标列在所有可用行上都没有值：请选择一个有两个或更多取值的列。',
  classifySingleClass:
    '目标列在所有可用行上只有一个取值（“{value}”），没有可预测的内容：请选择一个有两个或更多取值的列。',
  classifyRareClass:
    '目标值“{value}”只出现在 {rows, number} 行上：每个取值至少需要两行（一行用于训练，一行用于测试），请合并稀有取值或选择其他目标列。',
  classifyTrees: '树的数量必须是 1 到 10,000 之间的整数（而不是 {value}）：通常取 100。',
  classifyTestShare:
    '测试集比例必须介于 0 和 1 之间（而不是 {value}）：0.25 表示留出四分之一的行用于测试。',
  classifyFewTrainingRows:
    '只剩 {train, number} 行用于训练，另有 {test, number} 行留作测试：模型从这么少的行里学不到多少，所以各项指标只是粗略的。请少留一些行用于测试（通常为 0.25），或使用更多的行。',
  classifyC: 'C 必须是正数（而不是 {value}）：通常取 1。',
  classifyClassNeedsRows:
    '目标列的每个类别都需要训练行：请选择至少有两个类别、且每个类别至少两行的目标列。',
  classifyUnknownModel: '没有名为 "{value}" 的模型：请在 logistic、tree 和 forest 中选择。',
  classifySeed: '随机种子必须是不小于 0 的整数（而不是 {value}）。',
  classifyTargetIsFeature: '“{name}”是要预测的列，不能同时作为特征：请把它从特征中去掉。',
  classifyFeatureKind:
    '“{name}”是{kind, select, identifier {标识符} datetime {日期} other {文本}}列：只能用数值列和分类列来预测。',
  classifyTooManyClasses:
    '“{name}”有 {classes, number} 个不同的取值，而预测需要一个有 2 到 {most} 个类别的列（例如是/否或某个分类）：{numeric, select, yes {取值很多的数值列需要回归，SegmentLens 不做回归} other {请选择取值更少的列}}。',
  classifyUnlabelled:
    '有 {rows, number} 行没有“{target}”的值：模型没有用这些行训练或测试，但也会为它们给出预测。',
  classifySegmentsOfRows: '按细分群统计比率需要对文件的行分群，而不是对 RFM 客户分群。',
  classifyRates: '{target} = {value}：{rates}',
  classifyRateIn: '{segment} 中为 {share, number, share}',
  classifyCliTarget: '请用 --target COL 指定要预测的列。',
  explainDepth: '解释树的深度必须是 1 到 6 之间的整数（而不是 {value}）：3 最易读。',
  explainMinRowsPerLeaf: '每个叶节点的最少行数必须是不小于 1 的整数（而不是 {value}）。',
  explainSampleRows: '样本至少需要 2 行（而不是 {value}）。',
  explainNoFeatures: '没有可用于解释细分群的特征：请至少选择一个。',
  explainOneSegment: '只有一个细分群，没有可区分的内容：请选择两个或更多细分群来解释。',
  explainImmOneSegment: '阈值树需要两个或更多细分群才能区分：请至少选择两个细分群。',
  explainMethod:
    '方法必须是 "tree"（决策树）或 "imm"（每个细分群一个叶节点的阈值树），而不是 "{value}"。',
  explainNoK: '这次分群没有 {k} 个细分群的结果：请从已有的细分群数量中选择（{choices}）。',
  explainNoiseLeftOut: 'DBSCAN 判为噪声的 {rows, number} 行不属于任何细分群，已排除在解释之外。',
  exportExplained: '细分群解释，{k} 个细分群，{method, select, imm {阈值树} other {决策树}}',
  exportPredictions: '{target} 的预测',
  modelLogistic: '逻辑回归',
  modelTree: '决策树',
  modelForest: '随机森林',
  rfmFeatureRecency: '最近购买天数',
  rfmFeatureFrequency: '购买频次',
  rfmFeatureMonetary: '消费金额',
  featureLog1p: 'log1p({feature})',
  explainAtMost: '{feature} <= {threshold, number, exact}',
  explainAbove: '{feature} > {threshold, number, exact}',
  explainBetween: '{low, number, exact} < {feature} <= {high, number, exact}',
  explainIs: '{column} 为 {category}',
  explainIsNot: '{column} 不为 {category}',
  explainNeither: '{column} 既不为 {first} 也不为 {second}',
  explainNoneOf: '{column} 不为 {categories} 中的任何一个',
  explainListMore: '{first}、{rest}',
  explainAnd: '{first} 且 {rest}',
  explainEveryRow: '所有行',
  explainSegmentLabelled: '细分群 {id}：{label}',
  explainSegmentName: '细分群 {id}',
  explainRule:
    '{conditions} → {segment}（{noun, select, rows {{rows, number} 行中有 {matching, number} 行} other {{rows, number} 位客户中有 {matching, number} 位}}）',
  explainImmRule:
    '{conditions} → {segment}（{noun, select, rows {{rows, number} 行} other {{rows, number} 位客户}}）',
  explainSampled:
    '这棵树是在 {total, number} 行中按固定种子抽取的 {sample, number} 行样本上拟合和检验的；“全部行”上的忠实度涵盖每一行。',
  explainPoor:
    '{name} 没有得到很好的解释（留出行上的 F1 为 {f1, number, ::.00}）：这些特征上的几个阈值无法把它的{noun, select, rows {行} other {客户}}区分出来，所以它的规则只描述了其中一部分。',
  explainNoRule:
    '{name} 没有自己的规则（留出行上的 F1 为 {f1, number, ::.00}）：在树的每个叶节点中，其他细分群的数量都超过它，所以这些特征上的几个阈值无法描述它；更深的树也许可以。',
  explainSameCentre: '{segments} 的中心相同，所以阈值树只给它们一个叶节点（{segment}）。',
};
