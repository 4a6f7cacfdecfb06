import type { DistanceMetric } from '../distance';
import type { NeighbourSearch } from './neighbours';
import { createRandom, sampleIndices } from '../../common/random';

/** Rows whose k-distance the plot shows (a seeded sample of the rows DBSCAN runs on). */
export const K_DISTANCE_SAMPLE = 2_000;

export interface KDistancePlot {
  /** Each sampled row's distance to its minPts-th nearest row (itself first), ascending. */
  distances: Float64Array;
  minPts: number;
  /** The knee of the curve: the eps that separates dense rows from the rest. */
  suggestedEps: number;
  /** Position of the knee in `distances`. */
  knee: number;
}

/**
 * The sorted k-distance plot that DBSCAN's eps is read from (k = minPts): a row whose
 * k-distance is at most eps is a core row. Distances are exact, from each sampled row to all
 * rows searched (the k-d tree finds them); the knee is the point of the normalised curve
 * farthest below the chord from its first to its last point (the "kneedle" rule).
 */
export function kDistancePlot(
  search: NeighbourSearch,
  n: number,
  minPts: number,
  seed = 0,
  sampleSize = K_DISTANCE_SAMPLE,
): KDistancePlot {
  const k = Math.max(1, Math.min(minPts, n));
  const rows = sampleIndices(n, sampleSize, createRandom(seed ^ 0x6b64));
  const heap = new Float64Array(k);
  const distances = Float64Array.from(rows, (row) => search.kthDistanceOfRow(row, k, heap)).sort();
  const knee = kneeIndex(distances);
  return { distances, minPts, suggestedEps: roundNicely(distances[knee]), knee };
}

/** The point of an ascending curve farthest below the straight line joining its ends. */
export function kneeIndex(values: Float64Array): number {
  const m = values.length;
  if (m < 3) return Math.max(0, m - 1);
  const first = values[0];
  const span = values[m - 1] - first;
  if (!(span > 0)) return m - 1;
  let best = m - 1;
  let bestGap = 0;
  for (let i = 0; i < m; i++) {
    const x = i / (m - 1);
    const y = (values[i] - first) / span;
    const gap = x - y;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}

/** Two significant digits: an eps a person can type and remember. */
export function roundNicely(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(2));
}

export type { DistanceMetric };
