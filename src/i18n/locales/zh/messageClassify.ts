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
  classifyC: 'C 必须是正数（而不是 {value}）：通常取 1。',
  classifyClassNeedsRows:
    '目标列的每个类别都需要训练行：请选择至少有两个类别、且每个类别至少两行的目标列。',
  explainDepth: '解释树的深度必须是 1 到 6 之间的整数（而不是 {value}）：3 最易读。',
  explainMinRowsPerLeaf: '每个叶节点的最少行数必须是不小于 1 的整数（而不是 {value}）。',
  explainSampleRows: '样本至少需要 2 行（而不是 {value}）。',
  explainNoFeatures: '没有可用于解释分群的特征：请至少选择一个。',
  explainOneSegment: '只有一个分群，没有可区分的内容：请选择两个或更多分群来解释。',
  explainImmOneSegment: '阈值树需要两个或更多分群才能区分：请至少选择两个分群。',
};
