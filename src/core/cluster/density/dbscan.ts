import type { DistanceMetric } from '../distance';
import { NeighbourSearch } from './neighbours';
import type { StageProgress } from '../../common/progress';
import { UserError } from '../../common/userError';

export interface DbscanOptions {
  /** Two rows within eps of each other are neighbours (a row is its own neighbour). */
  eps: number;
  /** A row with at least minPts neighbours (itself included) is a core row. */
  minPts: number;
  metric: DistanceMetric;
  onProgress?: StageProgress;
}

export interface DbscanResult {
  /** Cluster of each row, 0.. in order of discovery; NOISE for noise. */
  labels: Int32Array;
  /** 1 for core rows. */
  core: Uint8Array;
  clusters: number;
  noise: number;
}

export const NOISE = -1;

/**
 * DBSCAN as scikit-learn runs it: core rows are those with at least minPts rows within eps;
 * clusters grow from each unlabelled core row in row order, depth first, through core rows only;
 * a border row (not core, but near a core row) joins the first cluster that reaches it; the
 * rest is noise. Neighbours are visited in ascending row order, as scikit-learn's brute-force
 * search lists them, so border rows land where it puts them with algorithm='brute'. (Its tree
 * searches list neighbours in another order, and a border row near two clusters may then join
 * the other one: both are DBSCAN, and the reference check accepts either for such rows.)
 * Memory is O(n): neighbours are searched twice (to find core rows, then to grow clusters),
 * never stored for all rows at once.
 */
export function dbscan(
  matrix: Float64Array,
  n: number,
  d: number,
  options: DbscanOptions,
): DbscanResult {
  const { eps, minPts, metric, onProgress } = options;
  if (!(eps > 0) || !Number.isFinite(eps))
    throw new UserError('bad-option', 'epsNotPositive', { eps });
  if (!Number.isInteger(minPts) || minPts < 1)
    throw new UserError('bad-option', 'minPtsNotWhole', { minPts });
  const search = new NeighbourSearch(matrix, n, d, metric);
  const core = new Uint8Array(n);
  const every = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < n; i++) {
    let count = 0;
    search.ofRow(i, eps, () => ++count >= minPts);
    if (count >= minPts) core[i] = 1;
    if (onProgress && i % every === 0) onProgress((0.5 * i) / n);
  }

  const labels = new Int32Array(n).fill(NOISE);
  let neighbours: Int32Array<ArrayBuffer> = new Int32Array(64);
  let stack: Int32Array<ArrayBuffer> = new Int32Array(64);
  let clusters = 0;
  let expanded = 0;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== NOISE || core[start] === 0) continue;
    let top = 0;
    let i = start;
    for (;;) {
      if (labels[i] === NOISE) {
        labels[i] = clusters;
        if (core[i] === 1) {
          let count = 0;
          search.ofRow(i, eps, (row) => {
            if (count === neighbours.length) neighbours = grow(neighbours);
            neighbours[count++] = row;
          });
          const sorted = neighbours.subarray(0, count).sort();
          for (let p = 0; p < count; p++) {
            const v = sorted[p];
            if (labels[v] !== NOISE) continue;
            if (top === stack.length) stack = grow(stack);
            stack[top++] = v;
          }
          expanded++;
          if (onProgress && expanded % every === 0) onProgress(0.5 + (0.5 * expanded) / n);
        }
      }
      if (top === 0) break;
      i = stack[--top];
    }
    clusters++;
  }
  let noise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === NOISE) noise++;
  onProgress?.(1);
  return { labels, core, clusters, noise };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
