import { defaultFeatures } from '../analysis/analysisOptions';
import { throwIfCancelled, type CancelCheck } from '../classify/cancel';
import type { ClassificationReport } from '../classify/classificationMetrics';
import { prepareTreeData, singlePrecision } from '../classify/decisionTree';
import {
  checkInput,
  DEFAULT_PREDICT_OPTIONS,
  describeModel,
  encodeClasses,
  MODEL_KINDS,
  MODEL_LABELS,
  positiveClass,
  trainModel,
  type ModelKind,
  type PredictInput,
  type PredictOptions,
  type TrainedModel,
} from '../classify/predictModels';
import {
  appendForestPart,
  ForestGrower,
  joinForestParts,
  type ForestJob,
  type ForestPart,
} from '../classify/randomForest';
import type { RocCurve, ThresholdTable } from '../classify/roc';
import { stratifiedSplit, type Split } from '../classify/stratifiedSplit';
import {
  DEFAULT_CLEANING,
  type Cleaning,
  type CleanReport,
  type FeatureSource,
} from '../clean/cleanOptions';
import { cleanRows } from '../clean/cleanRows';
import { message, type Message } from '../common/message';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { describeFeatures, featureName } from '../explain/featureSpace';
import { cellText, requireColumn } from '../read/table';
import type { AnalysisSession } from './session';
import { StageCache, stageKey } from './stageCache';

/** What to predict, from what, with which models, on which split. */
export interface PredictRequest {
  /** The column to predict: two or more classes (text, categories, 0/1, yes/no). */
  target: string;
  /** Numeric columns, and categorical ones (one-hot encoded); never the target. */
  features: string[];
  cleaning: Cleaning;
  models: ModelKind[];
  /** Share of each class kept for testing, strictly between 0 and 1. */
  testShare: number;
  seed: number;
  /** The decision tree's depth. */
  treeDepth: number;
  /** The random forest's trees. */
  trees: number;
}

/** A target with more classes than this is refused: predicting is classification, not regression. */
export const MAX_CLASSES = 20;

/** The ROC curve and the threshold table the page gets have at most this many points. */
export const CURVE_POINTS = 500;

/** The page's default features for a target: every usable numeric column but the target. */
export function defaultPredictFeatures(session: AnalysisSession, target: string): string[] {
  const { columns } = session;
  return defaultFeatures(
    columns,
    columns.map((c) => c.kind),
  ).filter((name) => name !== target);
}

/** The request the page starts from for a target (the defaults, the analysis's cleaning). */
export function defaultPredictRequest(session: AnalysisSession, target: string): PredictRequest {
  return {
    target,
    features: defaultPredictFeatures(session, target),
    cleaning: DEFAULT_CLEANING,
    models: [...MODEL_KINDS],
    testShare: DEFAULT_PREDICT_OPTIONS.testShare,
    seed: DEFAULT_PREDICT_OPTIONS.seed,
    treeDepth: DEFAULT_PREDICT_OPTIONS.treeDepth,
    trees: DEFAULT_PREDICT_OPTIONS.trees,
  };
}

/** The rows, features and target of a request, cleaned once per target, features and cleaning. */
export interface PredictData {
  key: string;
  input: PredictInput;
  /** Record index of each row of `input` (the cleaned rows, ascending). */
  records: Int32Array;
  features: FeatureSource[];
  positive: number | null;
  cleaning: CleanReport;
  /** Rows kept by cleaning whose target is missing (not trained or tested on; still predicted). */
  unlabelled: number;
  notes: Message[];
}

/** One model as the page shows it. */
export interface ModelView {
  model: ModelKind;
  label: Message;
  /** Figures on the test rows (precision, recall, F1: of the positive class, or macro). */
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number | null;
  /** Binary targets: at most CURVE_POINTS points of the ROC curve (its ends kept). */
  roc: RocCurve | null;
  /** Binary targets: the threshold slider's counts, at most CURVE_POINTS thresholds. */
  thresholds: ThresholdTable | null;
  report: ClassificationReport;
  /** classes x classes, row-major, actual class in rows. */
  confusion: Int32Array;
  trainAccuracy: number;
  /** Per feature, most important first, summing to 1. */
  importances: { feature: string | Message; column: string; importance: number }[];
  /** Time to train and predict, in ms (0 when it was kept from before). */
  trainingMs: number;
  /**
   * Logistic regression: its coefficients on the z-scored features (rows x features: one row,
   * the second class's log-odds, for a binary target; one per class for more), and intercepts.
   */
  coefficients: { rows: number; values: Float64Array; intercepts: Float64Array } | null;
  /** The decision tree, node 0 the root; else null. */
  tree: PredictTreeNode[] | null;
}

/** A node of the predict decision tree (values in the features' cleaned units). */
export interface PredictTreeNode {
  /** Split feature (an index into `features`); -1 at a leaf. */
  feature: number;
  threshold: number | null;
  left: number;
  right: number;
  /** Training rows at the node, and per class (scikit-learn's tree_.value). */
  rows: number;
  counts: number[];
  /** Another feature's split was as good here. */
  tied: boolean;
}

export interface PredictView {
  target: string;
  /** The target's values in class order; `positive` is the class a binary target reports. */
  classes: string[];
  positive: { index: number; value: string } | null;
  features: { name: string | Message; column: string }[];
  rows: {
    /** Records in the file. */
    read: number;
    /** Rows trained and tested on. */
    used: number;
    train: number;
    test: number;
    /** Kept by cleaning but without a target value: predicted, not trained or tested on. */
    unlabelled: number;
    /** Set aside by cleaning, by reason (missing is a missing feature). */
    leftOut: CleanReport['dropped'];
  };
  split: { train: number; test: number };
  models: ModelView[];
  notes: Message[];
}

/** How predictView reports progress: preparing the rows, then each model from 0 to 1. */
export type PredictProgress = (step: ModelKind | 'prepare', fraction: number) => void;

/**
 * Grows a forest's trees 0..job.to (in parts, on other threads, say) and hands back parts that
 * hold each tree once; joinForestParts makes them one forest, the same however they were cut.
 */
export type ForestRunner = (job: ForestJob, onProgress: StageProgress) => Promise<ForestPart[]>;

export interface PredictControl {
  /** Checked between models and between a few trees: once true, the work stops (WorkCancelled). */
  isCancelled?: CancelCheck;
  /** Where the forest grows; by default here, a few trees at a time. */
  forest?: ForestRunner;
}

interface PredictCaches {
  data: StageCache<PredictData>;
  models: StageCache<{ model: TrainedModel; ms: number }>;
  views: StageCache<PredictView>;
}

const cachesOf = new WeakMap<AnalysisSession, PredictCaches>();

function caches(session: AnalysisSession): PredictCaches {
  let known = cachesOf.get(session);
  if (known === undefined) {
    known = { data: new StageCache(1), models: new StageCache(6), views: new StageCache(2) };
    cachesOf.set(session, known);
  }
  return known;
}

/** Forgets every prediction of a session (to free memory; the next request trains again). */
export function forgetPredictions(session: AnalysisSession): void {
  cachesOf.delete(session);
}

/**
 * Predicting a column, as the page shows it: the chosen models trained on one seeded stratified
 * split of the cleaned rows whose target is known, each with its figures on the test rows,
 * ROC and threshold table (binary targets), confusion matrix and named importances. Each model
 * is trained once per request parts that decide it (a change of tree depth retrains the tree
 * only). Between models and every few trees the thread is given back for a moment, so a worker
 * can take a cancel, and `control.isCancelled` is checked.
 */
export async function predictView(
  session: AnalysisSession,
  request: PredictRequest,
  onProgress?: PredictProgress,
  control: PredictControl = {},
): Promise<PredictView> {
  const cache = caches(session);
  const viewKey = stageKey(request);
  const known = cache.views.get(viewKey);
  if (known !== undefined) return known;
  const data = predictData(session, request, (f) => onProgress?.('prepare', f));
  const { split, models } = await trainedModels(session, request, data, onProgress, control);
  const view = describeView(session, request, data, split, models);
  return cache.views.set(viewKey, view);
}

/** The models of a request, each trained once (shared by the view, the export and the rates). */
export async function trainedModels(
  session: AnalysisSession,
  request: PredictRequest,
  data: PredictData = predictData(session, request),
  onProgress?: PredictProgress,
  control: PredictControl = {},
): Promise<{ split: Split; models: { model: TrainedModel; ms: number }[] }> {
  const settings = predictOptions(request);
  checkInput(data.input, settings);
  const split = stratifiedSplit(
    data.input.target,
    data.input.classes.length,
    settings.testShare,
    settings.seed,
  );
  const cache = caches(session).models;
  const pause = pacer();
  const models: { model: TrainedModel; ms: number }[] = [];
  for (const kind of MODEL_KINDS) {
    if (!request.models.includes(kind)) continue;
    await pause();
    throwIfCancelled(control.isCancelled);
    const key = stageKey(
      data.key,
      kind,
      settings.testShare,
      settings.seed,
      modelSetting(kind, settings),
    );
    let trained = cache.get(key);
    if (trained === undefined) {
      const progress = (f: number) => onProgress?.(kind, f);
      const started = Date.now();
      const model =
        kind === 'forest'
          ? await trainForest(data, split, settings, progress, control, pause)
          : trainModel(kind, data.input, split, settings, progress, control.isCancelled);
      trained = cache.set(key, { model, ms: Date.now() - started });
    } else {
      onProgress?.(kind, 1);
      trained = { model: trained.model, ms: 0 };
    }
    models.push(trained);
  }
  return { split, models };
}

function modelSetting(kind: ModelKind, settings: PredictOptions): number | null {
  return kind === 'tree' ? settings.treeDepth : kind === 'forest' ? settings.trees : null;
}

function predictOptions(request: PredictRequest): PredictOptions {
  const { models, testShare, seed, treeDepth, trees } = request;
  for (const model of models)
    if (!MODEL_KINDS.includes(model))
      throw new UserError('bad-option', 'classifyUnknownModel', { value: String(model) });
  if (!(Number.isInteger(seed) && seed >= 0))
    throw new UserError('bad-option', 'classifySeed', { value: String(seed) });
  if (!(testShare > 0 && testShare < 1))
    throw new UserError('bad-option', 'classifyTestShare', { value: String(testShare) });
  if (!Number.isInteger(trees) || trees < 1 || trees > 10_000)
    throw new UserError('bad-option', 'classifyTrees', { value: String(trees) });
  return { ...DEFAULT_PREDICT_OPTIONS, models, testShare, seed, treeDepth, trees };
}

/** Lets the thread take messages (a cancel) between steps: at most every 50 ms. */
function pacer(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}

/** The forest, grown by the runner given or here a few trees at a time, and measured. */
async function trainForest(
  data: PredictData,
  split: Split,
  settings: PredictOptions,
  onProgress: StageProgress,
  control: PredictControl,
  pause: () => Promise<void>,
): Promise<TrainedModel> {
  const { matrix, n, d, target, classes } = data.input;
  const K = classes.length;
  onProgress(0);
  const job: ForestJob = {
    matrix,
    n,
    d,
    target,
    classCount: K,
    rows: split.train,
    trees: settings.trees,
    seed: settings.seed,
    bins: settings.forestBins,
    from: 0,
    to: settings.trees,
  };
  let parts: ForestPart[];
  if (control.forest !== undefined) {
    parts = await control.forest(job, (f) => onProgress(0.95 * f));
    throwIfCancelled(control.isCancelled);
  } else {
    const grower = new ForestGrower(
      prepareTreeData(matrix, n, d, { bins: settings.forestBins }),
      singlePrecision(matrix),
      target,
      K,
      split.train,
      { trees: settings.trees, seed: settings.seed },
    );
    onProgress(0.05);
    // A few trees at a time, giving the thread back in between (a cancel can come in).
    const step = Math.max(1, Math.ceil(settings.trees / 25));
    let grown: ForestPart | null = null;
    for (let from = 0; from < settings.trees; from += step) {
      await pause();
      const to = Math.min(settings.trees, from + step);
      const part = grower.part(from, to, undefined, control.isCancelled);
      grown = grown === null ? part : appendForestPart(grown, part);
      onProgress(0.05 + (0.9 * to) / settings.trees);
    }
    parts = [grown!];
  }
  const { predictions, importances } = joinForestParts(parts, n, K, d);
  const result = describeModel(
    'forest',
    predictions,
    importances,
    target,
    K,
    positiveClass(classes),
    split,
  );
  onProgress(1);
  return { result, tree: null, logistic: null };
}

/**
 * The rows, features and target of a request: the features cleaned as the analysis cleans them
 * (numeric columns as they are, categorical ones one-hot), the target's classes on those rows
 * (missing where the cell is empty).
 */
export function predictData(
  session: AnalysisSession,
  request: PredictRequest,
  onProgress?: StageProgress,
): PredictData {
  const { target, features, cleaning } = request;
  const key = stageKey(target, features, cleaning);
  const cache = caches(session);
  return cache.data.obtain(key, () => {
    cache.models.clear();
    cache.views.clear();
    const { table, columns } = session;
    const targetIndex = requireColumn(table, target, 'bad-option');
    if (features.includes(target))
      throw new UserError('bad-option', 'classifyTargetIsFeature', { name: target });
    if (features.length === 0) throw new UserError('no-features', 'classifyNoFeatures');
    const numeric: string[] = [];
    const categorical: string[] = [];
    for (const name of features) {
      const kind = columns[requireColumn(table, name, 'bad-option')].kind;
      if (kind === 'numeric') numeric.push(name);
      else if (kind === 'categorical') categorical.push(name);
      else throw new UserError('bad-option', 'classifyFeatureKind', { name, kind });
    }
    const cleaned = cleanRows(
      table,
      { ...cleaning, features: numeric, oneHot: categorical },
      onProgress,
    );
    const column = table.columns[targetIndex];
    const { codes, classes } = encodeClasses(
      Array.from(cleaned.rows, (row) => cellText(column, row)),
    );
    if (classes.length > MAX_CLASSES)
      throw new UserError('bad-option', 'classifyTooManyClasses', {
        name: target,
        classes: classes.length,
        most: MAX_CLASSES,
        numeric: columns[targetIndex].kind === 'numeric' ? 'yes' : 'no',
      });
    let unlabelled = 0;
    for (const code of codes) if (code < 0) unlabelled++;
    const notes: Message[] = [
      ...cleaned.report.excluded.map((excluded) =>
        message('featureLeftOut', { column: excluded.column, reason: excluded.reason }),
      ),
      ...cleaned.report.notes,
    ];
    if (unlabelled > 0) notes.push(message('classifyUnlabelled', { rows: unlabelled, target }));
    return {
      key,
      input: {
        matrix: cleaned.matrix,
        n: cleaned.rows.length,
        d: cleaned.features.length,
        target: codes,
        classes,
      },
      records: cleaned.rows,
      features: cleaned.features,
      positive: positiveClass(classes),
      cleaning: cleaned.report,
      unlabelled,
      notes,
    };
  });
}

function describeView(
  session: AnalysisSession,
  request: PredictRequest,
  data: PredictData,
  split: Split,
  models: { model: TrainedModel; ms: number }[],
): PredictView {
  const { classes } = data.input;
  const names = describeFeatures(data.features).map(featureName);
  return {
    target: request.target,
    classes,
    positive:
      data.positive === null ? null : { index: data.positive, value: classes[data.positive] },
    features: data.features.map((f, j) => ({ name: names[j], column: f.column })),
    rows: {
      read: session.table.rowCount,
      used: split.train.length + split.test.length,
      train: split.train.length,
      test: split.test.length,
      unlabelled: data.unlabelled,
      leftOut: { ...data.cleaning.dropped },
    },
    split: { train: split.train.length, test: split.test.length },
    models: models.map(({ model, ms }) => modelView(model, data, names, ms)),
    notes: data.notes,
  };
}

function modelView(
  trained: TrainedModel,
  data: PredictData,
  names: (string | Message)[],
  ms: number,
): ModelView {
  const { result, logistic, tree } = trained;
  const { model, accuracy, precision, recall, f1, rocAuc, roc, thresholds } = result;
  const K = data.input.classes.length;
  return {
    model,
    label: MODEL_LABELS[model],
    accuracy,
    precision,
    recall,
    f1,
    rocAuc,
    roc: roc === null ? null : thinCurve(roc),
    thresholds: thresholds === null ? null : thinTable(thresholds),
    report: result.report,
    confusion: result.confusion,
    trainAccuracy: result.trainAccuracy,
    importances: Array.from(result.importances, (importance, f) => ({
      feature: names[f],
      column: data.features[f].column,
      importance,
    })).sort((a, b) => b.importance - a.importance),
    trainingMs: ms,
    coefficients:
      logistic === null
        ? null
        : {
            rows: logistic.coefficientRows,
            values: logistic.coefficients,
            intercepts: logistic.intercepts,
          },
    tree:
      tree === null
        ? null
        : Array.from({ length: tree.nodeCount }, (_, node) => ({
            feature: tree.feature[node],
            threshold: tree.feature[node] < 0 ? null : tree.threshold[node],
            left: tree.left[node],
            right: tree.right[node],
            rows: tree.rows[node],
            counts: Array.from(tree.counts.subarray(node * K, node * K + K)),
            tied: tree.tied[node] === 1,
          })),
  };
}

/** At most `most` indices of 0..length-1, evenly spread, the first and last among them. */
function spread(length: number, most: number): Int32Array {
  if (length <= most) return Int32Array.from({ length }, (_, i) => i);
  return Int32Array.from({ length: most }, (_, i) => Math.round((i * (length - 1)) / (most - 1)));
}

function thinCurve(curve: RocCurve): RocCurve {
  const kept = spread(curve.thresholds.length, CURVE_POINTS);
  return {
    falsePositiveRate: Float64Array.from(kept, (i) => curve.falsePositiveRate[i]),
    truePositiveRate: Float64Array.from(kept, (i) => curve.truePositiveRate[i]),
    thresholds: Float64Array.from(kept, (i) => curve.thresholds[i]),
  };
}

/** The counts at some of the thresholds: exact there (see metricsAtThreshold). */
function thinTable(table: ThresholdTable): ThresholdTable {
  const kept = spread(table.thresholds.length, CURVE_POINTS);
  return {
    thresholds: Float64Array.from(kept, (i) => table.thresholds[i]),
    truePositives: Int32Array.from(kept, (i) => table.truePositives[i]),
    falsePositives: Int32Array.from(kept, (i) => table.falsePositives[i]),
    positives: table.positives,
    negatives: table.negatives,
  };
}
