import type { StageProgress } from '../../common/progress';
import { rowDistance, squaredDistance, type DistanceMetric } from '../distance';
import { createRandom, sampleIndices } from '../../common/random';
import type { SegmentLabels } from '../segmentLabels';

export const DEFAULT_SILHOUETTE_SAMPLE = 5000;

/**
 * Samples up to this size keep their distances in double precision (25 MB at 2,500 rows);
 * larger ones in 16 bits each (50 MB at the page's 5,000 rows, where single precision took 100).
 */
const MOST_EXACT_ROWS = 2500;

/**
 * Exact silhouette is quadratic in the rows, so it runs on a seeded sample (all rows when there
 * are few). The sample's pairwise distances are computed once and reused for every k: the
 * elbow's k = 2..10 then cost one pass over the stored distances each.
 */
export class SilhouetteSample {
  readonly indices: Int32Array;
  readonly size: number;
  private readonly distances: Float64Array | QuantisedDistances;

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
    // The sample's rows side by side, so the quadratic loop reads memory in order.
    const rows = new Float64Array(m * d);
    for (let a = 0; a < m; a++)
      for (let j = 0; j < d; j++) rows[a * d + j] = matrix[this.indices[a] * d + j];
    const pairs = (m * (m - 1)) / 2;
    const exact = m <= MOST_EXACT_ROWS ? new Float64Array(pairs) : null;
    const quantised =
      exact === null ? new QuantisedDistances(pairs, farthestBound(rows, m, d, metric)) : null;
    const distance = metric === 'euclidean' ? null : rowDistance(metric);
    // One row of distances at a time, stored as the sample's precision says.
    const row = new Float64Array(m);
    let p = 0;
    for (let a = 0; a < m; a++) {
      const ra = a * d;
      const count = m - a - 1;
      if (distance === null) {
        for (let b = a + 1, q = 0; b < m; b++)
          row[q++] = Math.sqrt(squaredDistance(rows, ra, rows, b * d, d));
      } else {
        for (let b = a + 1, q = 0; b < m; b++) row[q++] = distance(rows, ra, rows, b * d, d);
      }
      if (exact !== null) exact.set(row.subarray(0, count), p);
      else (quantised as QuantisedDistances).store(row, count, p);
      p += count;
      if (onProgress && (a & 255) === 0) onProgress(1 - ((m - a) * (m - a)) / (m * m));
    }
    this.distances = exact ?? (quantised as QuantisedDistances);
    onProgress?.(1);
  }

  /**
   * Mean silhouette of the sample under `labels` (labels of all rows; only the sample's are
   * read). Labels must be 0..k-1; rows labelled -1 (noise) are left out. NaN when the sample
   * holds fewer than two clusters.
   */
  score(labels: SegmentLabels, k: number): number {
    const m = this.size;
    const sampleLabels = new Int32Array(m);
    for (let a = 0; a < m; a++) sampleLabels[a] = labels[this.indices[a]];
    const distances = this.distances;
    if (distances instanceof Float64Array)
      return silhouetteFromDistances(distances, m, sampleLabels, k);
    const row = new Float64Array(m);
    return silhouetteByRow(m, sampleLabels, k, row, (a, p) => {
      distances.load(row, m - a - 1, p);
      return 0;
    });
  }
}

/**
 * Distances in 16 bits each, on a square-root scale up to a bound on the largest: a distance
 * d is stored as round(65535 * sqrt(d / bound)), so small distances (the many within a segment)
 * keep more digits than large ones: each is off by at most sqrt(d * bound) / 65535, and the
 * errors, as likely up as down, cancel in the averages the silhouette takes (the tests hold the
 * score within 1e-6 of the exact one, an outlier stretching the bound included).
 */
class QuantisedDistances {
  private readonly codes: Uint16Array;
  private readonly unit: number;

  constructor(
    pairs: number,
    private readonly bound: number,
  ) {
    this.codes = new Uint16Array(pairs);
    this.unit = bound > 0 ? bound / (65535 * 65535) : 0;
  }

  store(row: Float64Array, count: number, at: number): void {
    const codes = this.codes;
    const scale = this.bound > 0 ? 65535 / Math.sqrt(this.bound) : 0;
    // The bound is at least every distance; min() only guards against wrapping past 65535.
    for (let q = 0; q < count; q++)
      codes[at + q] = Math.min(65535, Math.round(Math.sqrt(row[q]) * scale));
  }

  load(row: Float64Array, count: number, at: number): void {
    const codes = this.codes;
    const unit = this.unit;
    for (let q = 0; q < count; q++) {
      const code = codes[at + q];
      row[q] = code * code * unit;
    }
  }
}

/**
 * At least the largest distance between two of the rows: the diagonal of their bounding box
 * (its widest side for Chebyshev, the sides' sum for Manhattan); 2 for cosine.
 */
function farthestBound(rows: Float64Array, m: number, d: number, metric: DistanceMetric): number {
  let squares = 0;
  let sum = 0;
  let widest = 0;
  for (let j = 0; j < d; j++) {
    let low = Infinity;
    let high = -Infinity;
    for (let a = 0; a < m; a++) {
      const v = rows[a * d + j];
      if (v < low) low = v;
      if (v > high) high = v;
    }
    const side = m > 0 ? high - low : 0;
    squares += side * side;
    sum += side;
    if (side > widest) widest = side;
  }
  const bound =
    metric === 'cosine'
      ? 2
      : metric === 'manhattan'
        ? sum
        : metric === 'chebyshev'
          ? widest
          : Math.sqrt(squares);
  // A hair over, so that rounding in the distances never takes one past the bound.
  return bound * (1 + 1e-12);
}

/** Silhouette from a condensed distance matrix (row-major upper triangle). */
export function silhouetteFromDistances(
  distances: Float64Array | Float32Array,
  m: number,
  labels: SegmentLabels,
  k: number,
): number {
  return silhouetteByRow(m, labels, k, distances, (_, p) => p);
}

/**
 * Silhouette from each row's distances to the rows after it: `rowAt(a, p)` makes row a's ready
 * in `distances` and says where they start (p: where they start in the condensed matrix).
 */
function silhouetteByRow(
  m: number,
  labels: SegmentLabels,
  k: number,
  distances: Float64Array | Float32Array,
  rowAt: (a: number, condensedAt: number) => number,
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
  let condensed = 0;
  for (let a = 0; a < m; a++) {
    const la = labels[a];
    const rowStart = condensed;
    condensed += m - a - 1;
    if (la < 0) continue;
    let p = rowAt(a, rowStart);
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
  labels: SegmentLabels,
  k: number,
  metric: DistanceMetric = 'euclidean',
): number {
  const sample = new SilhouetteSample(matrix, n, d, n, 0, undefined, metric);
  return sample.score(labels, k);
}
