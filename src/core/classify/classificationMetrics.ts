import { pairwiseSum } from '../common/pairwiseSum';

/**
 * The confusion matrix of `rows` (all rows when omitted): classCount x classCount, row-major,
 * rows are the actual class and columns the predicted one (as scikit-learn's confusion_matrix).
 * Rows whose actual class is negative (unknown) are not counted.
 */
export function confusionMatrix(
  actual: ArrayLike<number>,
  predicted: Int32Array,
  classCount: number,
  rows?: Int32Array,
): Int32Array {
  const confusion = new Int32Array(classCount * classCount);
  const count = rows ? rows.length : actual.length;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    if (actual[i] >= 0) confusion[actual[i] * classCount + predicted[i]]++;
  }
  return confusion;
}

export interface AverageScores {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** What scikit-learn's classification_report says, for every class (none left out). */
export interface ClassificationReport {
  /** Per class. */
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  /** Rows of each actual class. */
  support: Int32Array;
  /** Predicted rows of each class. */
  predicted: Int32Array;
  accuracy: number;
  macro: AverageScores;
  /** Averages weighted by support. */
  weighted: AverageScores;
  /** Rows counted. */
  total: number;
}

/**
 * Precision, recall, F1 and support per class, accuracy, and the macro and support-weighted
 * averages, exactly as scikit-learn's classification_report computes them with every class
 * listed (`labels=range(classCount)`) and zero_division=0: a ratio whose denominator is zero is 0,
 * F1 is 2pr / (p + r) from the rounded precision and recall, and averages sum as numpy does.
 * With no rows at all every figure is 0.
 */
export function classificationReport(
  confusion: Int32Array,
  classCount: number,
): ClassificationReport {
  const precision = new Float64Array(classCount);
  const recall = new Float64Array(classCount);
  const f1 = new Float64Array(classCount);
  const support = new Int32Array(classCount);
  const predicted = new Int32Array(classCount);
  let correct = 0;
  let total = 0;
  for (let a = 0; a < classCount; a++) {
    for (let p = 0; p < classCount; p++) {
      const count = confusion[a * classCount + p];
      support[a] += count;
      predicted[p] += count;
      total += count;
      if (a === p) correct += count;
    }
  }
  for (let c = 0; c < classCount; c++) {
    const hits = confusion[c * classCount + c];
    precision[c] = predicted[c] === 0 ? 0 : hits / predicted[c];
    recall[c] = support[c] === 0 ? 0 : hits / support[c];
    const denominator = precision[c] + recall[c];
    f1[c] = denominator === 0 ? 0 : (2 * precision[c] * recall[c]) / denominator;
  }
  const weights = Float64Array.from(support);
  return {
    precision,
    recall,
    f1,
    support,
    predicted,
    accuracy: total === 0 ? 0 : correct / total,
    macro: {
      precision: mean(precision),
      recall: mean(recall),
      f1: mean(f1),
      support: total,
    },
    weighted: {
      precision: weightedMean(precision, weights),
      recall: weightedMean(recall, weights),
      f1: weightedMean(f1, weights),
      support: total,
    },
    total,
  };
}

/** numpy's mean: its pairwise sum over the count. */
function mean(values: Float64Array): number {
  return values.length === 0 ? 0 : pairwiseSum(values, 0, values.length, 1) / values.length;
}

/** numpy's average with weights: sum(values x weights) / sum(weights); 0 when the weights are. */
function weightedMean(values: Float64Array, weights: Float64Array): number {
  const scale = pairwiseSum(weights, 0, weights.length, 1);
  if (scale === 0) return 0;
  const products = values.map((value, i) => value * weights[i]);
  return pairwiseSum(products, 0, products.length, 1) / scale;
}

export interface GroupRates {
  /** Rows of each group counted. */
  rows: Int32Array;
  /** Per group: the share of its rows whose actual class is `cls` (0 for an empty group). */
  actual: Float64Array;
  /** Per group: the share of its rows predicted as `cls`. */
  predicted: Float64Array;
}

/**
 * How often one class occurs, and is predicted, within each group (a segment): "Response: 31%
 * in segment 2, 6% in segment 0". Rows whose group or actual class is negative are not counted.
 */
export function groupRates(
  groups: Int32Array,
  groupCount: number,
  actual: Int32Array,
  predicted: Int32Array,
  cls: number,
  rows?: Int32Array,
): GroupRates {
  const counts = new Int32Array(groupCount);
  const actualHits = new Float64Array(groupCount);
  const predictedHits = new Float64Array(groupCount);
  const count = rows ? rows.length : groups.length;
  for (let r = 0; r < count; r++) {
    const i = rows ? rows[r] : r;
    const group = groups[i];
    if (group < 0 || actual[i] < 0) continue;
    counts[group]++;
    if (actual[i] === cls) actualHits[group]++;
    if (predicted[i] === cls) predictedHits[group]++;
  }
  for (let g = 0; g < groupCount; g++) {
    actualHits[g] = counts[g] === 0 ? 0 : actualHits[g] / counts[g];
    predictedHits[g] = counts[g] === 0 ? 0 : predictedHits[g] / counts[g];
  }
  return { rows: counts, actual: actualHits, predicted: predictedHits };
}
