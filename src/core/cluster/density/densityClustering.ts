import { takeRows } from '../../common/matrixRows';
import { dbscan, NOISE } from './dbscan';
import type { DistanceMetric } from '../distance';
import { kDistancePlot } from './kDistance';
import { NeighbourSearch } from './neighbours';
import type { StageProgress } from '../../common/progress';
import { createRandom, sampleIndices } from '../../common/random';
import { UserError } from '../../common/userError';

/**
 * DBSCAN runs on at most this many rows (a seeded sample above). With every row's neighbours
 * found once from a walk over pairs of k-d tree nodes (neighbourGraph.ts), `npm run
 * bench:algorithms` on this project's 2-core machine (8 standardised features, eps at the knee)
 * measured 0.73 s at 10,000 rows, 2.43 s at 20,000 and 9.38 s at 50,000, against scikit-learn's
 * 1.13, 3.16 and 21.75 s; the cost grows about with the square of the rows, so 50,000 keeps it
 * to seconds.
 */
export const DBSCAN_MAX_ROWS = 50_000;

export interface DensitySettings {
  /** null: the knee of the k-distance plot. */
  eps: number | null;
  minPts: number;
  metric: DistanceMetric;
  seed: number;
}

/** What DBSCAN made of a row, for the export's `dbscan_point` column. */
export const POINT_NOISE = 0;
export const POINT_BORDER = 1;
export const POINT_CORE = 2;
/** Outside the sample DBSCAN ran on, joined to a cluster through a core row within eps. */
export const POINT_JOINED = 3;
export const POINT_KIND_NAMES = ['noise', 'border', 'core', 'joined'] as const;

export interface DensityClustering {
  /** Cluster of every row (0.. in order of discovery), NOISE for noise. */
  labels: Int32Array;
  /** POINT_NOISE, POINT_BORDER, POINT_CORE or POINT_JOINED for every row. */
  pointKinds: Uint8Array;
  clusters: number;
  noise: number;
  /** Core rows among those DBSCAN ran on. */
  coreRows: number;
  eps: number;
  suggestedEps: number;
  minPts: number;
  /** The sorted k-distances (k = minPts) of a seeded sample, and the knee's position. */
  kDistances: Float64Array;
  knee: number;
  /** Rows DBSCAN itself ran on: all rows, or a seeded sample of DBSCAN_MAX_ROWS. */
  clusteredRows: number;
  /** Rows outside the sample that joined a cluster (a core row of the sample within eps). */
  joinedFromOutside: number;
}

/**
 * DBSCAN for the page and the command line: eps suggested from the k-distance plot when not
 * given; above `maxRows` rows it runs on a seeded sample, and every other row joins the cluster
 * of a core row of the sample within eps (the first the tree search meets; noise when there is
 * none). That is DBSCAN's own rule for border rows, which join whichever cluster reaches them
 * first; stopping at the first core row keeps the join to about 10 microseconds a row.
 */
export function densityClusters(
  matrix: Float64Array,
  n: number,
  d: number,
  settings: DensitySettings,
  onProgress?: StageProgress,
  maxRows = DBSCAN_MAX_ROWS,
): DensityClustering {
  const { minPts, metric, seed } = settings;
  const sampled = n > maxRows;
  const rows = sampled ? sampleIndices(n, maxRows, createRandom(seed ^ 0xdb5c)) : null;
  const m = rows?.length ?? n;
  const sample = rows === null ? matrix : takeRows(matrix, d, rows);
  const search = new NeighbourSearch(sample, m, d, metric);
  const plot = kDistancePlot(search, m, minPts, seed);
  onProgress?.(0.05);
  const eps = settings.eps ?? plot.suggestedEps;
  if (!(eps > 0)) throw new UserError('bad-option', 'epsIdentical');
  const share = sampled ? 0.7 : 0.95;
  const result = dbscan(sample, m, d, {
    eps,
    minPts,
    metric,
    onProgress: (f) => onProgress?.(0.05 + share * f),
  });
  let coreRows = 0;
  for (let i = 0; i < m; i++) coreRows += result.core[i];
  let labels = result.labels;
  let joinedFromOutside = 0;
  const pointKinds = new Uint8Array(n);
  // What DBSCAN made of row r of the rows it ran on.
  const kindOf = (r: number) =>
    result.core[r] === 1 ? POINT_CORE : result.labels[r] === NOISE ? POINT_NOISE : POINT_BORDER;
  if (rows === null) {
    for (let i = 0; i < n; i++) pointKinds[i] = kindOf(i);
  } else {
    labels = new Int32Array(n).fill(NOISE);
    const cores = new Int32Array(coreRows);
    for (let i = 0, c = 0; i < m; i++) if (result.core[i] === 1) cores[c++] = i;
    const coreMatrix = takeRows(sample, d, cores);
    const coreSearch = new NeighbourSearch(coreMatrix, coreRows, d, metric);
    const queries = coreSearch.indexRowsOf(matrix, n);
    let next = 0;
    const every = Math.max(1, Math.floor(n / 50));
    for (let i = 0; i < n; i++) {
      if (next < m && rows[next] === i) {
        labels[i] = result.labels[next];
        pointKinds[i] = kindOf(next++);
        continue;
      }
      let nearest = -1;
      coreSearch.within(matrix, queries, i, -1, eps, (core) => {
        nearest = core;
        return true;
      });
      if (nearest !== -1) {
        labels[i] = result.labels[cores[nearest]];
        pointKinds[i] = POINT_JOINED;
        joinedFromOutside++;
      }
      if (onProgress && i % every === 0) onProgress(0.75 + (0.25 * i) / n);
    }
  }
  let noise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === NOISE) noise++;
  onProgress?.(1);
  return {
    labels,
    pointKinds,
    clusters: result.clusters,
    noise,
    coreRows,
    eps,
    suggestedEps: plot.suggestedEps,
    minPts,
    kDistances: plot.distances,
    knee: plot.knee,
    clusteredRows: m,
    joinedFromOutside,
  };
}
