import type { StageProgress } from '../../common/progress';
import { rowDistance, squaredDistance, type DistanceMetric } from '../distance';
import { createRandom, sampleIndices } from '../../common/random';
import type { SegmentLabels } from '../segmentLabels';
import { SilhouetteKernel } from './kernel/silhouetteKernel';

export const DEFAULT_SILHOUETTE_SAMPLE = 5000;

/**
 * Samples up to this size keep their distances in double precision (25 MB at 2,500 rows);
 * larger ones in 16 bits each (50 MB at the page's 5,000 rows, where single precision took 100).
 */
const MOST_EXACT_ROWS = 2500;

/** Rows of distances computed between two progress reports (and two calls into the kernel). */
const PROGRESS_ROWS = 256;

/**
 * Exact silhouette is quadratic in the rows, so it runs on a seeded sample (all rows when there
 * are few). The sample's pairwise distances are computed once and reused for every k: the
 * elbow's k = 2..10 then cost one pass over the stored distances each. Both passes run in
 * WebAssembly where there is any (silhouette.as.ts: the sums two to three times faster), in
 * JavaScript otherwise, with the same doubles either way.
 */
export class SilhouetteSample {
  readonly indices: Int32Array;
  readonly size: number;
  /** The distances in JavaScript: doubles, or 16-bit codes; null when the kernel holds them. */
  private readonly distances: Float64Array | Uint16Array | null;
  private readonly kernel: SilhouetteKernel | null;
  /** How 16-bit codes stand for distances; null for doubles. */
  private readonly quantisation: Quantisation | null;

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
    const quantisation =
      m > MOST_EXACT_ROWS ? new Quantisation(farthestBound(rows, m, d, metric)) : null;
    this.quantisation = quantisation;
    const kernel = SilhouetteKernel.forSample(rows, m, d, quantisation !== null);
    this.kernel = kernel;
    this.distances =
      kernel !== null
        ? null
        : quantisation !== null
          ? new Uint16Array(pairs)
          : new Float64Array(pairs);
    const distance = metric === 'euclidean' ? null : rowDistance(metric);
    const row = new Float64Array(m);
    // Row a's pairs start at pair p in the condensed matrix.
    let p = 0;
    for (let from = 0; from < m; from += PROGRESS_ROWS) {
      const to = Math.min(m, from + PROGRESS_ROWS);
      if (kernel !== null && distance === null) {
        kernel.euclidean(from, to, p, quantisation?.scale ?? 0);
        for (let a = from; a < to; a++) p += m - a - 1;
      } else {
        // One row of distances at a time, stored as the sample's precision says.
        const stored = this.distances ?? (kernel as SilhouetteKernel).distances();
        for (let a = from; a < to; a++) {
          const ra = a * d;
          const count = m - a - 1;
          if (distance === null) {
            for (let b = a + 1, q = 0; b < m; b++)
              row[q++] = Math.sqrt(squaredDistance(rows, ra, rows, b * d, d));
          } else {
            for (let b = a + 1, q = 0; b < m; b++) row[q++] = distance(rows, ra, rows, b * d, d);
          }
          if (quantisation !== null) quantisation.store(row, count, stored as Uint16Array, p);
          else (stored as Float64Array).set(row.subarray(0, count), p);
          p += count;
        }
      }
      onProgress?.(1 - ((m - to) * (m - to)) / (m * m));
    }
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
    const clusters = clusterSizes(sampleLabels, m, k);
    if (clusters === null) return NaN;
    const noise = clusters.used < m;
    const unit = this.quantisation?.unit ?? 0;
    let sums = this.kernel?.sums(sampleLabels, k, noise, unit) ?? null;
    if (sums === null) {
      // In JavaScript: without the kernel, or when its memory could not grow for the sums.
      const distances = this.distances ?? (this.kernel as SilhouetteKernel).distances();
      sums =
        distances instanceof Float64Array
          ? distanceSums(m, sampleLabels, k, noise, distances, (_, at) => at)
          : distanceSums(m, sampleLabels, k, noise, new Float64Array(m), (a, at, row) => {
              (this.quantisation as Quantisation).load(distances, row, m - a - 1, at);
              return 0;
            });
    }
    return silhouetteFromSums(sums, m, sampleLabels, k, clusters);
  }
}

/**
 * Distances in 16 bits each, on a square-root scale up to a bound on the largest: a distance
 * d is stored as round(65535 * sqrt(d / bound)), so small distances (the many within a segment)
 * keep more digits than large ones: each is off by at most sqrt(d * bound) / 65535, and the
 * errors, as likely up as down, cancel in the averages the silhouette takes (the tests hold the
 * score within 1e-6 of the exact one, an outlier stretching the bound included).
 */
class Quantisation {
  /** A code is min(65535, round(sqrt(distance) * scale)). */
  readonly scale: number;
  /** A code stands for code * code * unit. */
  readonly unit: number;

  constructor(bound: number) {
    this.scale = bound > 0 ? 65535 / Math.sqrt(bound) : 0;
    this.unit = bound > 0 ? bound / (65535 * 65535) : 0;
  }

  store(row: Float64Array, count: number, codes: Uint16Array, at: number): void {
    const scale = this.scale;
    // The bound is at least every distance; min() only guards against wrapping past 65535.
    for (let q = 0; q < count; q++)
      codes[at + q] = Math.min(65535, Math.round(Math.sqrt(row[q]) * scale));
  }

  load(codes: Uint16Array, row: Float64Array | Float32Array, count: number, at: number): void {
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
  const clusters = clusterSizes(labels, m, k);
  if (clusters === null) return NaN;
  const noise = clusters.used < m;
  const sums = distanceSums(m, labels, k, noise, distances, (_, at) => at);
  return silhouetteFromSums(sums, m, labels, k, clusters);
}

interface ClusterSizes {
  sizes: Float64Array;
  /** Rows not labelled noise. */
  used: number;
}

/** Each cluster's size; null when there are fewer than two clusters, or one per row. */
function clusterSizes(labels: SegmentLabels, m: number, k: number): ClusterSizes | null {
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
  return clusters < 2 || clusters >= used ? null : { sizes, used };
}

/**
 * sums[c * m + a]: the summed distance from row a to the rows of cluster c (rows labelled below
 * 0 left out when `noise`), from each row's distances to the rows after it: `rowAt(a, at, row)`
 * makes row a's ready in `distances` (or `row`) and says where they start (at: where they start
 * in the condensed matrix). silhouette.as.ts has the same loops, adding in the same order.
 */
function distanceSums(
  m: number,
  labels: SegmentLabels,
  k: number,
  noise: boolean,
  distances: Float64Array | Float32Array,
  rowAt: (a: number, condensedAt: number, row: Float64Array | Float32Array) => number,
): Float64Array {
  // Cluster-major, so that the inner loop (fixed a, rising b) writes memory in order; row a's own
  // sums build up in a small array, and the loop has no branch when no row is noise (k-means).
  const sums = new Float64Array(k * m);
  const rowSums = new Float64Array(k);
  let condensed = 0;
  for (let a = 0; a < m; a++) {
    const la = labels[a];
    const rowStart = condensed;
    condensed += m - a - 1;
    if (la < 0) continue;
    let p = rowAt(a, rowStart, distances);
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
  return sums;
}

/** The mean silhouette from each row's summed distances to each cluster. */
function silhouetteFromSums(
  sums: Float64Array,
  m: number,
  labels: SegmentLabels,
  k: number,
  { sizes, used }: ClusterSizes,
): number {
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
