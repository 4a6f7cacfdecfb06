import type { DistanceMetric } from '../distance';
import { NeighbourSearch, TREE_MAX_DIMENSIONS } from './neighbours';
import { euclideanNeighbourGraph, type NeighbourGraph } from './neighbourGraph';
import type { StageProgress } from '../../common/progress';
import { UserError } from '../../common/userError';

export interface DbscanOptions {
  /** Two rows within eps of each other are neighbours (a row is its own neighbour). */
  eps: number;
  /** A row with at least minPts neighbours (itself included) is a core row. */
  minPts: number;
  metric: DistanceMetric;
  onProgress?: StageProgress;
  /** The memory budget of the neighbour graph, in pairs (see MAX_NEIGHBOUR_PAIRS). */
  maxNeighbourPairs?: number;
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
 * Euclidean neighbourhoods in up to TREE_MAX_DIMENSIONS dimensions are found once for all rows
 * (the eps-neighbourhood graph, within a memory budget); otherwise each row's neighbours are
 * searched twice, in O(n) memory.
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
  const graph =
    metric === 'euclidean' && d <= TREE_MAX_DIMENSIONS
      ? euclideanNeighbourGraph(matrix, n, d, eps, options.maxNeighbourPairs)
      : null;
  if (graph !== null) onProgress?.(0.5);
  const { labels, core, clusters } =
    graph === null
      ? searchAndGrow(new NeighbourSearch(matrix, n, d, metric), n, eps, minPts, onProgress)
      : growFromGraph(graph, n, minPts);
  let noise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === NOISE) noise++;
  onProgress?.(1);
  return { labels, core, clusters, noise };
}

interface Grown {
  labels: Int32Array;
  core: Uint8Array;
  clusters: number;
}

/**
 * Clusters grow from each unlabelled core row in row order, depth first, pushing a core row's
 * unlabelled neighbours in ascending order (scikit-learn's dbscan_inner).
 */
function grow(
  n: number,
  core: Uint8Array,
  neighboursOf: (row: number, labels: Int32Array, push: (v: number) => void) => void,
  onExpanded?: (expanded: number) => void,
): Grown {
  const labels = new Int32Array(n).fill(NOISE);
  let stack: Int32Array<ArrayBuffer> = new Int32Array(64);
  let top = 0;
  const push = (v: number) => {
    if (top === stack.length) stack = doubled(stack);
    stack[top++] = v;
  };
  let clusters = 0;
  let expanded = 0;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== NOISE || core[start] === 0) continue;
    top = 0;
    let i = start;
    for (;;) {
      if (labels[i] === NOISE) {
        labels[i] = clusters;
        if (core[i] === 1) {
          neighboursOf(i, labels, push);
          onExpanded?.(++expanded);
        }
      }
      if (top === 0) break;
      i = stack[--top];
    }
    clusters++;
  }
  return { labels, core, clusters };
}

/** DBSCAN over a neighbour graph built once: core rows from its degrees. */
function growFromGraph(graph: NeighbourGraph, n: number, minPts: number): Grown {
  const { offsets, neighbours } = graph;
  const core = new Uint8Array(n);
  // A row is its own neighbour, and the graph leaves it out.
  for (let i = 0; i < n; i++) if (offsets[i + 1] - offsets[i] + 1 >= minPts) core[i] = 1;
  return grow(n, core, (row, labels, push) => {
    for (let p = offsets[row]; p < offsets[row + 1]; p++) {
      const v = neighbours[p];
      if (labels[v] === NOISE) push(v);
    }
  });
}

/**
 * DBSCAN in O(n) memory: each row's neighbours are searched twice (to find core rows, then to
 * grow clusters) and never stored for all rows at once.
 */
function searchAndGrow(
  search: NeighbourSearch,
  n: number,
  eps: number,
  minPts: number,
  onProgress?: StageProgress,
): Grown {
  const core = new Uint8Array(n);
  const every = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < n; i++) {
    let count = 0;
    search.rowsNear(i, eps, () => ++count >= minPts);
    if (count >= minPts) core[i] = 1;
    if (onProgress && i % every === 0) onProgress(0.5 + (0.25 * i) / n);
  }
  let found: Int32Array<ArrayBuffer> = new Int32Array(64);
  return grow(
    n,
    core,
    (row, labels, push) => {
      // Only the unlabelled neighbours go on the stack: sort just those.
      let count = 0;
      search.rowsNear(row, eps, (v) => {
        if (labels[v] !== NOISE) return;
        if (count === found.length) found = doubled(found);
        found[count++] = v;
      });
      const sorted = found.subarray(0, count).sort();
      for (let p = 0; p < count; p++) push(sorted[p]);
    },
    (expanded) => {
      if (onProgress && expanded % every === 0) onProgress(0.75 + (0.25 * expanded) / n);
    },
  );
}

function doubled(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
