import { pairwiseColumnSums } from '../common/pairwiseSum';
import type { StageProgress } from '../common/progress';
import { quantile } from '../common/quantiles';
import { message, type Message } from '../common/message';
import { shareableFloat64Array } from '../common/sharedArrays';

export type ScaleMethod = 'zscore' | 'minmax' | 'robust';
export const SCALE_METHODS: readonly ScaleMethod[] = ['zscore', 'minmax', 'robust'];

export interface ScaleResult {
  method: ScaleMethod;
  /** n x d row-major, the scaled features that were kept. */
  matrix: Float64Array;
  n: number;
  d: number;
  /** Indices (into the input features) of the features kept. */
  kept: Int32Array;
  /** Per kept feature: subtracted, then divided by. */
  center: Float64Array;
  scale: Float64Array;
  /** Per kept feature: the mean and population standard deviation before scaling. */
  mean: Float64Array;
  std: Float64Array;
  /** Input features left out (constant), with a sentence each. */
  warnings: Message[];
}

/**
 * Scales each feature: z-score with the population standard deviation (as scikit-learn's
 * StandardScaler), min-max to [0, 1], or robust (median and IQR). A constant feature carries
 * no information and would divide by zero: it is left out with a warning.
 */
export function scaleFeatures(
  matrix: Float64Array,
  n: number,
  d: number,
  names: readonly string[],
  method: ScaleMethod,
  onProgress?: StageProgress,
): ScaleResult {
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  const min = new Float64Array(d).fill(Infinity);
  const max = new Float64Array(d).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = matrix[row + j];
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
  }
  // The mean and the corrected two-pass variance, summed as numpy sums (pairwise), exactly as
  // scikit-learn's StandardScaler computes them: the scaled values come out bit for bit the same
  // as its, so that methods sensitive to exact ties (Chebyshev distances on whole-number data,
  // say) agree with it too.
  // Every column in one pass over the rows for each of the three sums.
  const sums = pairwiseColumnSums(matrix, n, d);
  for (let j = 0; j < d; j++) mean[j] = sums[j] / n;
  const corrections = pairwiseColumnSums(matrix, n, d, mean);
  const squares = pairwiseColumnSums(matrix, n, d, mean, true);
  for (let j = 0; j < d; j++)
    std[j] = Math.sqrt((squares[j] - (corrections[j] * corrections[j]) / n) / n);
  onProgress?.(0.4);

  const warnings: Message[] = [];
  const kept: number[] = [];
  for (let j = 0; j < d; j++) {
    // A column whose spread is too small for doubles to divide by (values that differ only
    // below 1e-300, say) is as constant as one with a single value: dividing would overflow.
    const spread = method === 'zscore' ? std[j] : max[j] - min[j];
    if (min[j] === max[j] || !(spread > 0 && Number.isFinite((max[j] - min[j]) / spread)))
      warnings.push(message('scaleConstant', { name: names[j] }));
    else kept.push(j);
  }
  const dk = kept.length;
  const center = new Float64Array(dk);
  const scale = new Float64Array(dk);
  kept.forEach((j, k) => {
    if (method === 'zscore') {
      center[k] = mean[j];
      scale[k] = std[j];
    } else if (method === 'minmax') {
      center[k] = min[j];
      scale[k] = max[j] - min[j];
    } else {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = matrix[i * d + j];
      center[k] = quantile(column, 0.5);
      const iqr = quantile(column, 0.75) - quantile(column, 0.25);
      if (iqr > 0) {
        scale[k] = iqr;
      } else {
        // Mostly one value: the IQR is zero although the column varies. Like scikit-learn's
        // RobustScaler, do not divide then.
        scale[k] = 1;
        warnings.push(message('scaleNoSpread', { name: names[j] }));
      }
    }
  });
  const out = dk === d ? matrix : shareableFloat64Array(n * dk);
  for (let i = 0; i < n; i++) {
    const from = i * d;
    const to = i * dk;
    for (let k = 0; k < dk; k++) out[to + k] = (matrix[from + kept[k]] - center[k]) / scale[k];
  }
  onProgress?.(1);
  return {
    method,
    matrix: out,
    n,
    d: dk,
    kept: Int32Array.from(kept),
    center,
    scale,
    mean: Float64Array.from(kept, (j) => mean[j]),
    std: Float64Array.from(kept, (j) => std[j]),
    warnings,
  };
}
