import type { CatalogShape } from '../../catalog';
import type { cliClassify as english } from '../en/cliClassify';

export const cliClassify: CatalogShape<typeof english> = {
  explainSummary:
    '{k, number} 个细分群（{algorithm}）中的 {rows, number} 行，用{method, select, imm {每个细分群一个叶节点的阈值树（IMM）} other {深度为 {depth}、每个叶节点至少 {leaf, number} 行的决策树}}来解释',
  explainSample: '在 {train, number} 行上拟合，在 {test, number} 个留出行上检验。',
  explainFidelity:
    '忠实度（树判对细分群的行所占比例）：留出行 {test, number, share}，训练行 {train, number, share}，全部行 {all, number, share}。',
  explainImmCost:
    'k-means 代价：阈值树为 {cost, number}，聚类本身为 {clustering, number}（{ratio, number, ::.000} 倍）；{moved, number} 行被移到了另一个细分群。',
  explainRules: '规则：',
  explainReportTitle: '各细分群在留出行上的表现：',
  explainConfusion: '留出行上的混淆矩阵（行：细分群，列：树给出的细分群）：',
  explainPoor: '解释得不好的细分群：',
  wroteExplain: '已将 explained.csv 写入 {out}',
  columnName: '名称',
  columnPrecision: '精确率',
  columnRecall: '召回率',
  columnF1: 'F1',
  columnSupport: '样本数',
  rowMacro: '宏平均',
  rowWeighted: '加权平均',
  modelName:
    '{model, select, prepare {准备数据行} logistic {逻辑回归} tree {决策树} forest {随机森林} other {{model}}}',
  predictSummary: '{path}：用 {features, number} 个特征预测 {target}（类别：{classes}）',
  predictSummaryBinary:
    '{path}：用 {features, number} 个特征预测 {target}（类别：{classes}；正类：{positive}）',
  predictRows:
    '行：读取 {read, number} 行；{train, number} 行用于训练，{test, number} 个留出行用于测试{unlabelled, plural, =0 {} other {；{unlabelled, number} 行没有 {target} 的值（只做预测）}}',
  predictSetAside: '清洗时排除：{dropped}',
  predictModelTitle: '{model}，留出行上的表现：',
  predictConfusion: '混淆矩阵（行：实际类别，列：预测类别）：',
  predictImportances: '最重要的特征：{features}',
  predictImportance: '{feature} {share, number, share}',
  wrotePredict: '已将 predictions.csv 写入 {out}',
  columnModel: '模型',
  columnClass: '类别',
  columnAccuracy: '准确率',
  columnRocAuc: 'ROC AUC',
  columnTrainAccuracy: '训练准确率',
  columnSeconds: '秒',
};
