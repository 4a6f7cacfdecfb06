import { KdTree } from './kdTree';

/**
 * Every row's neighbours within eps, found once for all rows: row i's neighbours (itself
 * excluded) are `neighbours[offsets[i] .. offsets[i + 1])`, in ascending row order.
 */
export interface NeighbourGraph {
  offsets: Int32Array;
  neighbours: Int32Array;
}

/**
 * More pairs than this (2 x 4 bytes each while collected, as much again as lists) and the
 * graph is not built: DBSCAN then searches each row's neighbours as it needs them, in O(n).
 */
export const MAX_NEIGHBOUR_PAIRS = 16_000_000;

/**
 * The Euclidean eps-neighbourhood graph of the rows, from one walk over pairs of k-d tree
 * nodes: each pair of rows is measured at most once (scikit-learn measures it from both ends),
 * and boxes wholly inside eps are taken without measuring. Null when the graph would hold more
 * than `maxPairs` pairs.
 */
export function euclideanNeighbourGraph(
  matrix: Float64Array,
  n: number,
  d: number,
  eps: number,
  maxPairs = MAX_NEIGHBOUR_PAIRS,
): NeighbourGraph | null {
  const tree = new KdTree(matrix, n, d);
  let pairs = new Int32Array(1 << 16);
  let count = 0;
  const complete = tree.pairsWithinEuclidean(eps, (i, j) => {
    if (count === maxPairs) return false;
    if (2 * count + 2 > pairs.length) {
      const bigger = new Int32Array(Math.min(2 * pairs.length, 2 * maxPairs));
      bigger.set(pairs);
      pairs = bigger;
    }
    pairs[2 * count] = i;
    pairs[2 * count + 1] = j;
    count++;
    return true;
  });
  if (!complete) return null;
  const offsets = new Int32Array(n + 1);
  for (let p = 0; p < 2 * count; p++) offsets[pairs[p] + 1]++;
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(2 * count);
  for (let p = 0; p < count; p++) {
    const i = pairs[2 * p];
    const j = pairs[2 * p + 1];
    neighbours[fill[i]++] = j;
    neighbours[fill[j]++] = i;
  }
  for (let i = 0; i < n; i++) neighbours.subarray(offsets[i], offsets[i + 1]).sort();
  return { offsets, neighbours };
}
