import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import {
  classificationReport,
  confusionMatrix,
  type ClassificationReport,
} from './classificationMetrics';
import {
  fitTree,
  predictTree,
  prepareTreeData,
  singlePrecision,
  type DecisionTree,
  type Predictions,
} from './decisionTree';
import { logisticImportances, treeImportances } from './featureImportance';
import { fitLogistic, predictLogistic, type LogisticModel } from './logisticRegression';
import { ForestGrower, joinForestParts } from './randomForest';
import { rocAuc, rocCurve, thresholdTable, type RocCurve, type ThresholdTable } from './roc';
import { stratifiedSplit, type Split } from './stratifiedSplit';
import { throwIfCancelled, type CancelCheck } from './cancel';
import type { StageProgress } from '../common/progress';

export type ModelKind = 'logistic' | 'tree' | 'forest';
export const MODEL_KINDS: readonly ModelKind[] = ['logistic', 'tree', 'forest'];
/** Each model's name, for the page and the command line to render. */
export const MODEL_LABELS: Record<ModelKind, Message> = {
  logistic: message('modelLogistic'),
  tree: message('modelTree'),
  forest: message('modelForest'),
};

export interface PredictInput {
  /** n x d row-major features in the user's units after cleaning (the target is not one). */
  matrix: Float64Array;
  n: number;
  d: number;
  /** Class of each row (an index into `classes`); -1 where the target is missing. */
  target: Int32Array;
  /** The target's values, in class order (see encodeClasses). */
  classes: string[];
}

export interface PredictOptions {
  models: ModelKind[];
  /** Share of each class kept for testing (see stratifiedSplit). */
  testShare: number;
  seed: number;
  /** The decision tree's depth. */
  treeDepth: number;
  /** The forest's trees. */
  trees: number;
  /** Logistic regression's inverse penalty. */
  C: number;
  /** Bins of values the forest's trees split between (see prepareTreeData). */
  forestBins: number;
}

export const DEFAULT_PREDICT_OPTIONS: PredictOptions = {
  models: ['logistic', 'tree', 'forest'],
  testShare: 0.25,
  seed: 0,
  treeDepth: 5,
  trees: 100,
  C: 1,
  forestBins: 256,
};

/** One model's figures; figures named without a part are on the test rows. */
export interface ModelResult {
  model: ModelKind;
  accuracy: number;
  /** Of the positive class for a binary target; macro averages for more classes. */
  precision: number;
  recall: number;
  f1: number;
  /** Binary targets: ROC AUC (null if the test rows are all of one class); else null. */
  rocAuc: number | null;
  roc: RocCurve | null;
  /** Binary targets: the counts behind the threshold slider (see metricsAtThreshold). */
  thresholds: ThresholdTable | null;
  report: ClassificationReport;
  /** classCount x classCount, actual in rows. */
  confusion: Int32Array;
  trainAccuracy: number;
  /** Per feature, summing to 1 (see featureImportance). */
  importances: Float64Array;
  /** Per row (train, test and unknown target alike): the predicted class. */
  prediction: Int32Array;
  /** Per row: the positive class's probability (binary), else the predicted class's. */
  probability: Float64Array;
  /** n x classCount. */
  probabilities: Float64Array;
}

export interface PredictResult {
  classes: string[];
  /** The class whose probability and precision are reported for a binary target; else null. */
  positive: number | null;
  split: Split;
  models: ModelResult[];
  /** The fitted models that are small enough to keep (the forest is not kept). */
  tree: DecisionTree | null;
  logistic: LogisticModel | null;
}

/**
 * Trains the chosen models on one seeded stratified split and reports every figure on the test
 * rows: logistic regression (L2, z-scored on the training rows), a decision tree (CART, as
 * scikit-learn's), and a random forest. Progress is reported per model, 0 to 1 each; the work
 * stops (WorkCancelled) between models and between trees once `isCancelled` says so.
 */
export function predictModels(
  input: PredictInput,
  options: Partial<PredictOptions> = {},
  onProgress?: (model: ModelKind, fraction: number) => void,
  isCancelled?: CancelCheck,
): PredictResult {
  const settings = { ...DEFAULT_PREDICT_OPTIONS, ...options };
  const { matrix, classes } = input;
  checkInput(input, settings);
  const split = stratifiedSplit(input.target, classes.length, settings.testShare, settings.seed);
  const single = settings.models.some((m) => m !== 'logistic') ? singlePrecision(matrix) : null;
  const trained = MODEL_KINDS.filter((kind) => settings.models.includes(kind)).map((kind) => {
    throwIfCancelled(isCancelled);
    return trainModel(
      kind,
      input,
      split,
      settings,
      (fraction) => onProgress?.(kind, fraction),
      isCancelled,
      single ?? undefined,
    );
  });
  return {
    classes,
    positive: positiveClass(classes),
    split,
    models: trained.map((model) => model.result),
    tree: trained.find((model) => model.tree !== null)?.tree ?? null,
    logistic: trained.find((model) => model.logistic !== null)?.logistic ?? null,
  };
}

/** One model trained and measured, with the fitted model where it is small enough to keep. */
export interface TrainedModel {
  result: ModelResult;
  tree: DecisionTree | null;
  logistic: LogisticModel | null;
}

/** Words that say "yes" in a two-class target. */
const YES_WORDS = new Set(['yes', 'y', 'true', 't']);

/**
 * The class whose probability, precision, recall and ROC a binary target reports (null for more
 * classes): of two numbers the larger (1 of 0/1); of two texts the one that says yes ("Yes",
 * "true", "Y", in any case) when exactly one does, else the second in sorted order ("Yes" of
 * No/Yes, "churned" of active/churned).
 */
export function positiveClass(classes: readonly string[]): number | null {
  if (classes.length !== 2) return null;
  if (classes.every((value) => Number.isFinite(Number(value.trim())))) return 1;
  const yes = classes.map((value) => YES_WORDS.has(value.trim().toLowerCase()));
  return yes[0] !== yes[1] ? (yes[0] ? 0 : 1) : 1;
}

/**
 * One model on a split (see predictModels; the input is checked there). `single` is the matrix
 * in single precision, if the caller has it already.
 */
export function trainModel(
  kind: ModelKind,
  input: PredictInput,
  split: Split,
  settings: PredictOptions,
  onProgress?: StageProgress,
  isCancelled?: CancelCheck,
  single?: Float32Array,
): TrainedModel {
  const { matrix, n, d, target, classes } = input;
  const K = classes.length;
  const progress = (fraction: number) => onProgress?.(fraction);
  progress(0);
  let predictions: Predictions;
  let importances: Float64Array;
  let tree: DecisionTree | null = null;
  let logistic: LogisticModel | null = null;
  if (kind === 'logistic') {
    logistic = fitLogistic(matrix, d, target, K, split.train, { C: settings.C }, (f) =>
      progress(0.9 * f),
    );
    predictions = predictLogistic(logistic, matrix, n, d);
    importances = logisticImportances(logistic.coefficients, logistic.coefficientRows, d);
  } else if (kind === 'tree') {
    const data = prepareTreeData(matrix, n, d);
    progress(0.2);
    tree = fitTree(data, target, K, { maxDepth: settings.treeDepth, rows: split.train }, (f) =>
      progress(0.2 + 0.7 * f),
    );
    predictions = predictTree(tree, single ?? singlePrecision(matrix), n, d);
    importances = treeImportances(tree);
  } else {
    const data = prepareTreeData(matrix, n, d, { bins: settings.forestBins });
    progress(0.05);
    const grower = new ForestGrower(
      data,
      single ?? singlePrecision(matrix),
      target,
      K,
      split.train,
      {
        trees: settings.trees,
        seed: settings.seed,
      },
    );
    const part = grower.part(0, settings.trees, (f) => progress(0.05 + 0.9 * f), isCancelled);
    ({ predictions, importances } = joinForestParts([part], n, K, d));
  }
  const result = describeModel(
    kind,
    predictions,
    importances,
    target,
    K,
    positiveClass(classes),
    split,
  );
  progress(1);
  return { result, tree, logistic };
}

/** Refuses what no model can be trained on: no model, no feature, one class, a class of one row. */
export function checkInput(input: PredictInput, settings: PredictOptions): void {
  const { d, target, classes } = input;
  if (settings.models.length === 0) throw new UserError('bad-option', 'classifyNoModel');
  if (d === 0) throw new UserError('no-features', 'classifyNoFeatures');
  if (!Number.isInteger(settings.treeDepth) || settings.treeDepth < 1 || settings.treeDepth > 30)
    throw new UserError('bad-option', 'classifyTreeDepth', { value: String(settings.treeDepth) });
  const counts = new Int32Array(classes.length);
  for (let i = 0; i < target.length; i++) if (target[i] >= 0) counts[target[i]]++;
  const present = Array.from(counts).filter((count) => count > 0).length;
  if (present < 2)
    throw present === 0
      ? new UserError('single-class', 'classifyTargetEmpty')
      : new UserError('single-class', 'classifySingleClass', {
          value: classes[counts.findIndex((c) => c > 0)],
        });
  const rare = Array.from(counts).findIndex((count) => count < 2);
  if (rare !== -1)
    throw new UserError('rare-class', 'classifyRareClass', {
      value: classes[rare],
      rows: counts[rare],
    });
}

/** A model's figures on the test rows from its predictions of every row. */
export function describeModel(
  model: ModelKind,
  predictions: Predictions,
  importances: Float64Array,
  target: Int32Array,
  K: number,
  positive: number | null,
  split: Split,
): ModelResult {
  const { classes: prediction, probabilities } = predictions;
  const n = prediction.length;
  const confusion = confusionMatrix(target, prediction, K, split.test);
  const report = classificationReport(confusion, K);
  const trainReport = classificationReport(confusionMatrix(target, prediction, K, split.train), K);
  const probability = new Float64Array(n);
  for (let i = 0; i < n; i++) probability[i] = probabilities[i * K + (positive ?? prediction[i])];
  let thresholds: ThresholdTable | null = null;
  if (positive !== null) {
    const scores = Float64Array.from(split.test, (i) => probability[i]);
    const isPositive = Uint8Array.from(split.test, (i) => (target[i] === positive ? 1 : 0));
    thresholds = thresholdTable(scores, isPositive);
  }
  return {
    model,
    accuracy: report.accuracy,
    precision: positive === null ? report.macro.precision : report.precision[positive],
    recall: positive === null ? report.macro.recall : report.recall[positive],
    f1: positive === null ? report.macro.f1 : report.f1[positive],
    rocAuc: thresholds === null ? null : rocAuc(thresholds),
    roc: thresholds === null ? null : rocCurve(thresholds),
    thresholds,
    report,
    confusion,
    trainAccuracy: trainReport.accuracy,
    importances,
    prediction,
    probability,
    probabilities,
  };
}

/**
 * Classes from a target column's cells ('' for missing): numbers in numeric order when every
 * value is a number (0/1 targets: 1 is then the positive class), else texts in code-unit order
 * (as numpy sorts them: "No" before "Yes"). Returns each row's class (-1 when missing).
 */
export function encodeClasses(cells: readonly string[]): { codes: Int32Array; classes: string[] } {
  const texts = cells.map((cell) => cell.trim());
  const numeric = texts.every((text) => text === '' || Number.isFinite(Number(text)));
  // One class per number (1 and 1.0 are one), named as first written; else per text.
  const keyOf = (text: string) => (numeric ? String(Number(text)) : text);
  const names = new Map<string, string>();
  for (const text of texts)
    if (text !== '' && !names.has(keyOf(text))) names.set(keyOf(text), text);
  const keys = [...names.keys()].sort(
    numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const index = new Map(keys.map((key, i) => [key, i]));
  const codes = Int32Array.from(texts, (text) => (text === '' ? -1 : index.get(keyOf(text))!));
  return { codes, classes: keys.map((key) => names.get(key)!) };
}
