/** The command line's lines for its classify command(s) (part of `cli`). */
export const cliClassify = {
  explainSummary:
    '{rows, number} rows in {k, plural, one {# segment} other {# segments}} ({algorithm}), explained by {method, select, imm {a threshold tree with one leaf per segment (IMM)} other {a decision tree of depth {depth}, at least {leaf, number} rows per leaf}}',
  explainSample: 'Fitted on {train, number} rows, tested on {test, number} held-out rows.',
  explainFidelity:
    'Fidelity (rows whose segment the tree gets right): {test, number, share} of the held-out rows, {train, number, share} of the training rows, {all, number, share} of all rows.',
  explainImmCost:
    'k-means cost: {cost, number} for the threshold tree, {clustering, number} for the clustering ({ratio, number, ::.000} times); {moved, plural, one {# row moves} other {# rows move}} to another segment.',
  explainRules: 'Rules:',
  explainReportTitle: 'Per segment, on the held-out rows:',
  explainConfusion:
    "Confusion matrix on the held-out rows (rows: the segment, columns: the tree's segment):",
  explainPoor: 'Poorly explained:',
  wroteExplain: 'Wrote explained.csv to {out}',
  columnName: 'name',
  columnPrecision: 'precision',
  columnRecall: 'recall',
  columnF1: 'F1',
  columnSupport: 'support',
  rowMacro: 'macro average',
  rowWeighted: 'weighted average',
  modelName:
    '{model, select, prepare {preparing the rows} logistic {logistic regression} tree {decision tree} forest {random forest} other {{model}}}',
  predictSummary:
    '{path}: predicting {target} (classes {classes}) from {features, plural, one {# feature} other {# features}}',
  predictSummaryBinary:
    '{path}: predicting {target} (classes {classes}; positive class {positive}) from {features, plural, one {# feature} other {# features}}',
  predictRows:
    'Rows: {read, number} read; trained on {train, number}, tested on {test, number} held-out rows{unlabelled, plural, =0 {} other {; {unlabelled, number} without a value of {target} (predicted only)}}',
  predictSetAside: 'Set aside by cleaning: {dropped}',
  predictModelTitle: '{model}, on the held-out rows:',
  predictConfusion: 'Confusion matrix (rows: the actual class, columns: the predicted one):',
  predictImportances: 'Most important: {features}',
  predictImportance: '{feature} {share, number, share}',
  wrotePredict: 'Wrote predictions.csv to {out}',
  columnModel: 'model',
  columnClass: 'class',
  columnAccuracy: 'accuracy',
  columnRocAuc: 'ROC AUC',
  columnTrainAccuracy: 'training accuracy',
  columnSeconds: 'seconds',
} as const;
