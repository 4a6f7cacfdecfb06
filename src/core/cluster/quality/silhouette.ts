import type { StageProgress } from '../../common/progress';
import { rowDistance, type DistanceMetric } from '../distance';
import { squaredDistance } from '../distance';
import { createRandom, sampleIndices } from '../../common/random';

export const DEFAULT_SILHOUETTE_SAMPLE = 5000;

/**
 * Exact silhouette is quadratic in the rows, so it runs on a seeded sample (all rows when there
 * are few). The sample's pairwise distances are computed once and reused for every k: the
 * elbow's k = 2..10 then cost one pass over the stored distances each.
 */
export class SilhouetteSample {
  readonly indices: Int32Array;
  readonly size: number;
  private readonly distances: Float64Array | Float32Array;

  constructor(
    matrix: Float64Array,
    n: number,
    d: number,
    maxSize = DEFAULT_SILHOUETTE_SAMPLE,
    seed = 0,
    onProgress?: StageProgress,
    metric: DistanceMetric = 'euclidean',
  ) {
    this.indices = sampleIndices(n, maxSize, createRandom(seed ^ 0x5eed));
    const m = this.indices.length;
    this.size = m;
    // Float32 halves the memory at 5,000 rows (50 MB instead of 100 MB); its rounding is far below
    // the differences that matter. Small samples keep full precision.
    const pairs = (m * (m - 1)) / 2;
    this.distances = m > 2500 ? new Float32Array(pairs) : new Float64Array(pairs);
    // The sample's rows side by side, so the quadratic loop reads memory in order.
    const rows = new Float64Array(m * d);
    for (let a = 0; a < m; a++)
      for (let j = 0; j < d; j++) rows[a * d + j] = matrix[this.indices[a] * d + j];
    const distances = this.distances;
    const distance = metric === 'euclidean' ? null : rowDistance(metric);
    let p = 0;
    for (let a = 0; a < m; a++) {
      const ra = a * d;
      if (distance === null) {
        for (let b = a + 1; b < m; b++)
          distances[p++] = Math.sqrt(squaredDistance(rows, ra, rows, b * d, d));
      } else {
        for (let b = a + 1; b < m; b++) distances[p++] = distance(rows, ra, rows, b * d, d);
      }
      if (onProgress && (a & 255) === 0) onProgress(1 - ((m - a) * (m - a)) / (m * m));
    }
    onProgress?.(1);
  }

  /**
   * Mean silhouette of the sample under `labels` (labels of all rows; only the sample's are
   * read). Labels must be 0..k-1; rows labelled -1 (noise) are left out. NaN when the sample
   * holds fewer than two clusters.
   */
  score(labels: Int32Array, k: number): number {
    const m = this.size;
    const sampleLabels = new Int32Array(m);
    for (let a = 0; a < m; a++) sampleLabels[a] = labels[this.indices[a]];
    return silhouetteFromDistances(this.distances, m, sampleLabels, k);
  }
}

/** Silhouette from a condensed distance matrix (row-major upper triangle). */
export function silhouetteFromDistances(
  distances: Float64Array | Float32Array,
  m: number,
  labels: Int32Array,
  k: number,
): number {
  const sizes = new Float64Array(k);
  let used = 0;
  for (let a = 0; a < m; a++) {
    if (labels[a] >= 0) {
      sizes[labels[a]]++;
      used++;
    }
  }
  let clusters = 0;
  for (let c = 0; c < k; c++) if (sizes[c] > 0) clusters++;
  if (clusters < 2 || clusters >= used) return NaN;
  // sums[c * m + a]: the summed distance from row a to cluster c. Cluster-major, so that the
  // inner loop (fixed a, rising b) writes memory in order; row a's own sums build up in a small
  // array, and the loop has no branch when no row is noise (k-means).
  const sums = new Float64Array(k * m);
  const rowSums = new Float64Array(k);
  const noise = used < m;
  let p = 0;
  for (let a = 0; a < m; a++) {
    const la = labels[a];
    if (la < 0) {
      p += m - a - 1;
      continue;
    }
    rowSums.fill(0);
    const column = la * m;
    if (noise) {
      for (let b = a + 1; b < m; b++) {
        const distance = distances[p++];
        const lb = labels[b];
        if (lb < 0) continue;
        rowSums[lb] += distance;
        sums[column + b] += distance;
      }
    } else {
      for (let b = a + 1; b < m; b++) {
        const distance = distances[p++];
        rowSums[labels[b]] += distance;
        sums[column + b] += distance;
      }
    }
    for (let c = 0; c < k; c++) sums[c * m + a] += rowSums[c];
  }
  let total = 0;
  for (let a = 0; a < m; a++) {
    const own = labels[a];
    if (own < 0) continue;
    if (sizes[own] <= 1) continue; // a lone member scores 0
    const inside = sums[own * m + a] / (sizes[own] - 1);
    let nearest = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[c * m + a] / sizes[c];
      if (mean < nearest) nearest = mean;
    }
    const denominator = Math.max(inside, nearest);
    total += denominator > 0 ? (nearest - inside) / denominator : 0;
  }
  return total / used;
}

/** Silhouette of all rows, computed directly (for tests and small data). */
export function silhouetteScore(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  k: number,
  metric: DistanceMetric = 'euclidean',
): number {
  const sample = new SilhouetteSample(matrix, n, d, n, 0, undefined, metric);
  return sample.score(labels, k);
}
