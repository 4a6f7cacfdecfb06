import { reusableInt32 } from '../../common/reusableArrays';
import type { SegmentLabels } from '../segmentLabels';

/**
 * Cluster quality indices computed as scikit-learn computes them, on all rows (they are
 * linear in the number of rows). Labels may be any integers; -1 is a label like any other,
 * unless `leaveOutNoise` is set: then rows labelled below 0 (DBSCAN's noise) are left out, as
 * the comparison of algorithms does (noise is not a cluster whose quality means anything).
 */

interface ClusterMeans {
  /** Dense cluster of each row; -1 for a row left out. */
  labels: Int32Array;
  /** Rows kept. */
  kept: number;
  count: number;
  sizes: Float64Array;
  means: Float64Array;
  overall: Float64Array;
}

/**
 * Per-cluster means, with labels renumbered 0..count-1. Labels are small integers (k-means
 * segments, -1 for noise), so they index arrays directly (no map lookup per row); the dense
 * labels live in a scratch array that the caller must not keep.
 */
function clusterMeans(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: SegmentLabels,
  leaveOutNoise: boolean,
): ClusterMeans {
  const floor = leaveOutNoise ? 0 : -Infinity;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (label < floor) continue;
    if (label < min) min = label;
    if (label > max) max = label;
  }
  const span = max >= min ? max - min + 1 : 0;
  const slotSizes = new Float64Array(span);
  for (let i = 0; i < n; i++) if (labels[i] >= floor) slotSizes[labels[i] - min]++;
  const slotToCluster = new Int32Array(span).fill(-1);
  let count = 0;
  for (let s = 0; s < span; s++) if (slotSizes[s] > 0) slotToCluster[s] = count++;
  const dense = reusableInt32('metrics.labels', n);
  const sizes = new Float64Array(count);
  const means = new Float64Array(count * d);
  const overall = new Float64Array(d);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] < floor) {
      dense[i] = -1;
      continue;
    }
    const c = slotToCluster[labels[i] - min];
    dense[i] = c;
    sizes[c]++;
    kept++;
    for (let j = 0; j < d; j++) {
      means[c * d + j] += matrix[i * d + j];
      overall[j] += matrix[i * d + j];
    }
  }
  for (let c = 0; c < count; c++) for (let j = 0; j < d; j++) means[c * d + j] /= sizes[c];
  for (let j = 0; j < d; j++) overall[j] /= kept;
  return { labels: dense, kept, count, sizes, means, overall };
}

export interface SeparationIndices {
  /** Average over clusters of the worst ratio of spreads to separation. Lower is better. */
  daviesBouldin: number;
  /** Between-cluster over within-cluster dispersion, scaled by degrees of freedom. Higher is better. */
  calinskiHarabasz: number;
}

/**
 * Davies-Bouldin and Calinski-Harabasz together: they share the cluster means and one pass over
 * the rows (each row's squared distance to its mean gives both), which halves their cost at
 * every k of the elbow. Each is NaN where scikit-learn refuses it (fewer than two clusters, or a
 * cluster per row).
 */
export function separationIndices(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: SegmentLabels,
  leaveOutNoise = false,
): SeparationIndices {
  const {
    labels: dense,
    kept,
    count,
    sizes,
    means,
    overall,
  } = clusterMeans(matrix, n, d, labels, leaveOutNoise);
  if (count < 2 || count >= kept) return { daviesBouldin: NaN, calinskiHarabasz: NaN };
  const spread = new Float64Array(count);
  let within = 0;
  for (let i = 0; i < n; i++) {
    const c = dense[i];
    if (c < 0) continue;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const term = (matrix[i * d + j] - means[c * d + j]) ** 2;
      s += term;
      within += term;
    }
    spread[c] += Math.sqrt(s);
  }
  let between = 0;
  for (let c = 0; c < count; c++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (means[c * d + j] - overall[j]) ** 2;
    between += sizes[c] * s;
  }
  const calinski = within === 0 ? 1 : (between * (kept - count)) / (within * (count - 1));
  for (let c = 0; c < count; c++) spread[c] /= sizes[c];
  return { daviesBouldin: daviesBouldinOf(spread, means, count, d), calinskiHarabasz: calinski };
}

/** Between-cluster over within-cluster dispersion, scaled by degrees of freedom. Higher is better. */
export function calinskiHarabasz(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: SegmentLabels,
  leaveOutNoise = false,
): number {
  return separationIndices(matrix, n, d, labels, leaveOutNoise).calinskiHarabasz;
}

/** Average over clusters of the worst ratio of spreads to separation. Lower is better. */
export function daviesBouldin(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: SegmentLabels,
  leaveOutNoise = false,
): number {
  return separationIndices(matrix, n, d, labels, leaveOutNoise).daviesBouldin;
}

/** Davies-Bouldin from each cluster's mean distance to its centre (spread) and the centres. */
function daviesBouldinOf(
  spread: Float64Array,
  means: Float64Array,
  count: number,
  d: number,
): number {
  const separation = new Float64Array(count * count);
  let allSeparationsZero = true;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (means[a * d + j] - means[b * d + j]) ** 2;
      separation[a * count + b] = Math.sqrt(s);
      if (a !== b && !isClose(separation[a * count + b], 0)) allSeparationsZero = false;
    }
  }
  if (spread.every((s) => isClose(s, 0)) || allSeparationsZero) return 0;
  let total = 0;
  for (let a = 0; a < count; a++) {
    let worst = 0;
    for (let b = 0; b < count; b++) {
      if (a === b) continue;
      const distance = separation[a * count + b];
      const ratio = distance === 0 ? 0 : (spread[a] + spread[b]) / distance;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / count;
}

function isClose(value: number, target: number): boolean {
  return Math.abs(value - target) <= 1e-8 + 1e-5 * Math.abs(target);
}

/**
 * Adjusted Rand index of two labellings, as scikit-learn's adjusted_rand_score: from their
 * contingency table, one pass over the rows. Any labels (numbers or texts; noise -1 is a label
 * like any other) are first numbered densely.
 */
export function adjustedRandIndex(
  truth: ArrayLike<number | string>,
  predicted: ArrayLike<number | string>,
): number {
  const n = truth.length;
  if (n !== predicted.length) throw new Error('labelings differ in length');
  const a = denseLabels(truth);
  const b = denseLabels(predicted);
  const rb = b.count;
  const table = new Float64Array(a.count * rb);
  for (let i = 0; i < n; i++) table[a.codes[i] * rb + b.codes[i]]++;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let sumCells = 0;
  const rowSums = new Float64Array(a.count);
  const colSums = new Float64Array(rb);
  for (let r = 0; r < a.count; r++)
    for (let c = 0; c < rb; c++) {
      const count = table[r * rb + c];
      sumCells += pairs(count);
      rowSums[r] += count;
      colSums[c] += count;
    }
  let sumRows = 0;
  for (const count of rowSums) sumRows += pairs(count);
  let sumCols = 0;
  for (const count of colSums) sumCols += pairs(count);
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumRows * sumCols) / total;
  const maximum = (sumRows + sumCols) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

/** Labels numbered 0..count-1 (small integers by offset, anything else by first appearance). */
function denseLabels(labels: ArrayLike<number | string>): { codes: Int32Array; count: number } {
  const integers =
    labels instanceof Int32Array || labels instanceof Int16Array || labels instanceof Int8Array;
  if (integers && labels.length > 0) {
    let min = labels[0];
    let max = labels[0];
    for (let i = 1; i < labels.length; i++) {
      if (labels[i] < min) min = labels[i];
      else if (labels[i] > max) max = labels[i];
    }
    if (max - min < 1 << 16) {
      const codes = new Int32Array(labels.length);
      for (let i = 0; i < labels.length; i++) codes[i] = labels[i] - min;
      return { codes, count: max - min + 1 };
    }
  }
  const codes = new Int32Array(labels.length);
  const seen = new Map<number | string, number>();
  for (let i = 0; i < labels.length; i++) {
    let code = seen.get(labels[i]);
    if (code === undefined) {
      code = seen.size;
      seen.set(labels[i], code);
    }
    codes[i] = code;
  }
  return { codes, count: seen.size };
}
