import { pairwiseSum } from '../common/pairwiseSum';

/**
 * Counts of true and false positives when every row scoring at least a threshold is called
 * positive, at each distinct score, highest first (scikit-learn's _binary_clf_curve).
 */
export interface ThresholdTable {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Positive rows scoring at least thresholds[i]. */
  truePositives: Int32Array;
  /** Negative rows scoring at least thresholds[i]. */
  falsePositives: Int32Array;
  positives: number;
  negatives: number;
}

/** `scores[i]` is the score of row i, `positive[i]` 1 when its actual class is the positive one. */
export function thresholdTable(scores: Float64Array, positive: Uint8Array): ThresholdTable {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (positive[i] === 1) tp++;
    else fp++;
    if (r === n - 1 || scores[order[r + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return {
    thresholds: Float64Array.from(thresholds),
    truePositives: Int32Array.from(tps),
    falsePositives: Int32Array.from(fps),
    positives: tp,
    negatives: fp,
  };
}

export interface RocCurve {
  falsePositiveRate: Float64Array;
  truePositiveRate: Float64Array;
  /** Descending; the first is the highest score + 1, where nothing is called positive. */
  thresholds: Float64Array;
}

/**
 * The ROC curve as scikit-learn 1.2's roc_curve with drop_intermediate=True: points where the
 * curve does not bend are dropped, and (0, 0) is added at threshold max + 1. Null when the rows
 * are all of one class (a rate would divide by zero).
 */
export function rocCurve(table: ThresholdTable): RocCurve | null {
  if (table.positives === 0 || table.negatives === 0) return null;
  const { thresholds, truePositives: tps, falsePositives: fps } = table;
  const m = thresholds.length;
  const kept: number[] = [];
  for (let i = 0; i < m; i++) {
    const bends =
      i === 0 ||
      i === m - 1 ||
      fps[i - 1] - 2 * fps[i] + fps[i + 1] !== 0 ||
      tps[i - 1] - 2 * tps[i] + tps[i + 1] !== 0;
    if (bends || m <= 2) kept.push(i);
  }
  const size = kept.length + 1;
  const falsePositiveRate = new Float64Array(size);
  const truePositiveRate = new Float64Array(size);
  const curveThresholds = new Float64Array(size);
  curveThresholds[0] = thresholds[0] + 1;
  kept.forEach((i, k) => {
    falsePositiveRate[k + 1] = fps[i] / table.negatives;
    truePositiveRate[k + 1] = tps[i] / table.positives;
    curveThresholds[k + 1] = thresholds[i];
  });
  return { falsePositiveRate, truePositiveRate, thresholds: curveThresholds };
}

/**
 * The area under the ROC curve by the trapezoidal rule, as roc_auc_score (numpy's trapz over the
 * dropped-intermediate curve, summed pairwise). Null when the rows are all of one class.
 */
export function rocAuc(table: ThresholdTable): number | null {
  const curve = rocCurve(table);
  if (curve === null) return null;
  const x = curve.falsePositiveRate;
  const y = curve.truePositiveRate;
  const terms = new Float64Array(x.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = ((x[i + 1] - x[i]) * (y[i + 1] + y[i])) / 2;
  return pairwiseSum(terms, 0, terms.length, 1);
}

export interface ThresholdMetrics {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Of the positive class; 0 where nothing is called positive (zero division). */
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

/**
 * Precision, recall and F1 of the positive class when rows scoring above `threshold` are called
 * positive, and those scoring exactly `threshold` too when `positiveTakesTies` (scikit-learn's
 * curves: at least the threshold). A binary search in the table.
 */
export function metricsAtThreshold(
  table: ThresholdTable,
  threshold: number,
  positiveTakesTies = true,
): ThresholdMetrics {
  const { thresholds } = table;
  // The number of distinct scores that are called positive (thresholds are descending).
  let low = 0;
  let high = thresholds.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const called = positiveTakesTies
      ? thresholds[middle] >= threshold
      : thresholds[middle] > threshold;
    if (called) low = middle + 1;
    else high = middle;
  }
  const tp = low === 0 ? 0 : table.truePositives[low - 1];
  const fp = low === 0 ? 0 : table.falsePositives[low - 1];
  return metricsOfCounts(threshold, tp, fp, table.positives, table.negatives);
}

/** The figures of a threshold from its counts of rows called positive, and the class totals. */
export function metricsOfCounts(
  threshold: number,
  tp: number,
  fp: number,
  positives: number,
  negatives: number,
): ThresholdMetrics {
  const fn = positives - tp;
  const tn = negatives - fp;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = positives === 0 ? 0 : tp / positives;
  const total = positives + negatives;
  return {
    threshold,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    accuracy: total === 0 ? 0 : (tp + tn) / total,
  };
}
