import type { ClassificationReport } from '../classify/classificationMetrics';
import {
  MODEL_LABELS,
  positiveClass,
  type ModelKind,
  type TrainedModel,
} from '../classify/predictModels';
import type { RocCurve } from '../classify/roc';
import { thresholdSteps, type ThresholdSteps } from '../classify/thresholdSteps';
import type { Split } from '../classify/stratifiedSplit';
import type { CleanReport } from '../clean/cleanOptions';
import { message, type Message } from '../common/message';
import { describeFeatures, featureName } from '../explain/featureSpace';
import type { PredictData } from './predictData';
import type { PredictRequest } from './predictRequest';
import type { AnalysisSession } from './session';

/** The ROC curve the page gets has at most this many points. */
export const CURVE_POINTS = 500;

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
  /** Binary targets: the threshold slider's counts at each of its positions. */
  thresholds: ThresholdSteps | null;
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

/** A request's trained models as the page shows them, the rows accounted for. */
export function describeView(
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
    notes: [...data.notes, ...trainingNotes(split, classes.length)],
  };
}

/** Fewer training rows than this per class, and the figures say more about the split than the models. */
const FEW_TRAINING_ROWS_PER_CLASS = 10;

/** A note when the models learned from very few rows (a high test share, or a small file). */
function trainingNotes(split: Split, classCount: number): Message[] {
  const train = split.train.length;
  return train < FEW_TRAINING_ROWS_PER_CLASS * classCount
    ? [message('classifyFewTrainingRows', { train, test: split.test.length })]
    : [];
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
    // The models give a tie to the first class, so a positive first class takes the ties.
    thresholds:
      thresholds === null
        ? null
        : thresholdSteps(thresholds, positiveClass(data.input.classes) === 0),
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

/** The curve at most CURVE_POINTS of its thresholds, evenly spread, the first and last kept. */
export function thinCurve(curve: RocCurve): RocCurve {
  const kept = spread(curve.thresholds.length, CURVE_POINTS);
  return {
    falsePositiveRate: Float64Array.from(kept, (i) => curve.falsePositiveRate[i]),
    truePositiveRate: Float64Array.from(kept, (i) => curve.truePositiveRate[i]),
    thresholds: Float64Array.from(kept, (i) => curve.thresholds[i]),
  };
}
