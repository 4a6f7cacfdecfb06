import { rowDistance, type DistanceMetric } from '../distance';
import type { StageProgress } from '../../common/progress';
import { UserError } from '../../common/userError';

export type Linkage = 'ward' | 'complete' | 'average' | 'single';
export const LINKAGES: readonly Linkage[] = ['ward', 'complete', 'average', 'single'];

/**
 * The merge tree, as scipy writes it: merge i joins clusters a[i] and b[i] (ids below n are rows,
 * n + j is the cluster merge j made) at height[i], into a cluster of size[i] rows. Merges are in
 * ascending height (ties in the order they were made).
 */
export interface MergeTree {
  n: number;
  a: Int32Array;
  b: Int32Array;
  height: Float64Array;
  size: Int32Array;
}

/**
 * Agglomerative clustering as scikit-learn runs it without a connectivity graph: Ward, complete
 * and average linkage by the nearest-neighbour chain on the full distance matrix (scipy's
 * nn_chain, with the same Lance-Williams updates and tie rule), single linkage by Prim's
 * minimum spanning tree from row 0 (scikit-learn's mst_linkage_core, which needs no matrix).
 * The matrix takes n(n-1)/2 doubles: about 100 MB at 5,000 rows, so larger data is sampled first.
 */
export function mergeTree(
  matrix: Float64Array,
  n: number,
  d: number,
  linkage: Linkage,
  metric: DistanceMetric,
  onProgress?: StageProgress,
): MergeTree {
  if (linkage === 'ward' && metric !== 'euclidean')
    throw new UserError('bad-option', 'wardEuclideanOnly');
  if (n < 1) throw new UserError('too-few-rows', 'noRowsToCluster');
  if (n === 1)
    return {
      n,
      a: new Int32Array(0),
      b: new Int32Array(0),
      height: new Float64Array(0),
      size: new Int32Array(0),
    };
  const merges =
    linkage === 'single'
      ? primMerges(matrix, n, d, metric, onProgress)
      : nnChainMerges(matrix, n, d, linkage, metric, onProgress);
  return relabel(merges, n);
}

interface RawMerges {
  x: Int32Array;
  y: Int32Array;
  height: Float64Array;
}

/** Index of the pair (i, j), i < j, in a condensed distance matrix. */
function condensed(n: number, i: number, j: number): number {
  return n * i - ((i * (i + 1)) >> 1) + (j - i - 1);
}

function nnChainMerges(
  matrix: Float64Array,
  n: number,
  d: number,
  linkage: Exclude<Linkage, 'single'>,
  metric: DistanceMetric,
  onProgress?: StageProgress,
): RawMerges {
  const D = condensedDistances(matrix, n, d, metric);
  onProgress?.(0.3);
  const size = new Float64Array(n).fill(1);
  // The clusters still open, in ascending id order (so ties resolve as scipy's scan of 0..n-1
  // does); merged clusters leave it, so the scans shrink as the tree grows.
  const active = new Int32Array(n);
  for (let i = 0; i < n; i++) active[i] = i;
  let activeCount = n;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const x = new Int32Array(n - 1);
  const y = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  // Where row i's pairs start, less i + 1: pair (i, j > i) is at rowStart[i] + j. Int32 holds
  // it: a matrix of more than 2^31 pairs (46,341 rows) could not be allocated anyway.
  const rowStart = new Int32Array(n);
  for (let i = 0; i < n; i++) rowStart[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  const every = Math.max(1, Math.floor(n / 20));
  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chainLength = 1;
      chain[0] = active[0];
    }
    let a: number;
    let b = -1;
    let best: number;
    for (;;) {
      a = chain[chainLength - 1];
      // The previous element of the chain wins ties, so the chain cannot cycle.
      if (chainLength > 1) {
        b = chain[chainLength - 2];
        best = D[pairIndex(n, a, b)];
      } else {
        best = Infinity;
      }
      // Row a's distances: to i < a strided down the condensed matrix, to i > a contiguous.
      let p = 0;
      for (; p < activeCount; p++) {
        const i = active[p];
        if (i >= a) break;
        const dist = D[rowStart[i] + a];
        if (dist < best) {
          best = dist;
          b = i;
        }
      }
      const rowBase = rowStart[a];
      for (p++; p < activeCount; p++) {
        const i = active[p];
        const dist = D[rowBase + i];
        if (dist < best) {
          best = dist;
          b = i;
        }
      }
      if (chainLength > 1 && b === chain[chainLength - 2]) break;
      chain[chainLength++] = b;
    }
    chainLength -= 2;
    let low = a;
    let high = b;
    if (low > high) [low, high] = [high, low];
    const nx = size[low];
    const ny = size[high];
    x[k] = low;
    y[k] = high;
    height[k] = best;
    size[low] = 0;
    size[high] = nx + ny;
    activeCount = removeActive(active, activeCount, low);
    for (let p = 0; p < activeCount; p++) {
      const i = active[p];
      if (i === high) continue;
      const ni = size[i];
      const lowAt = i < low ? rowStart[i] + low : rowStart[low] + i;
      const highAt = i < high ? rowStart[i] + high : rowStart[high] + i;
      const dx = D[lowAt];
      const dy = D[highAt];
      let merged: number;
      if (linkage === 'complete') merged = dx > dy ? dx : dy;
      else if (linkage === 'average') merged = (nx * dx + ny * dy) / (nx + ny);
      else
        merged = Math.sqrt(
          ((ni + nx) * dx * dx + (ni + ny) * dy * dy - ni * best * best) / (nx + ny + ni),
        );
      D[highAt] = merged;
    }
    if (onProgress && k % every === 0) onProgress(0.3 + (0.7 * k) / n);
  }
  onProgress?.(1);
  return { x, y, height };
}

/** Index of the pair {i, j}, i != j, in a condensed distance matrix. */
function pairIndex(n: number, i: number, j: number): number {
  return i < j ? condensed(n, i, j) : condensed(n, j, i);
}

/** Removes `id` from the sorted list of open clusters; returns the new length. */
function removeActive(active: Int32Array, count: number, id: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (active[mid] < id) low = mid + 1;
    else high = mid;
  }
  active.copyWithin(low, low + 1, count);
  return count - 1;
}

/** Every pairwise distance, row by row (scipy's pdist order). */
function condensedDistances(
  matrix: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
): Float64Array {
  const D = new Float64Array((n * (n - 1)) / 2);
  if (metric === 'euclidean') {
    // The common case, without a call per pair.
    for (let i = 0, p = 0; i < n; i++) {
      const io = i * d;
      for (let j = i + 1; j < n; j++) {
        const jo = j * d;
        let sum = 0;
        for (let c = 0; c < d; c++) {
          const t = matrix[io + c] - matrix[jo + c];
          sum += t * t;
        }
        D[p++] = Math.sqrt(sum);
      }
    }
    return D;
  }
  const distance = rowDistance(metric);
  for (let i = 0, p = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) D[p++] = distance(matrix, i * d, matrix, j * d, d);
  return D;
}

function primMerges(
  matrix: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
  onProgress?: StageProgress,
): RawMerges {
  const distance = rowDistance(metric);
  const inTree = new Uint8Array(n);
  const current = new Float64Array(n).fill(Infinity);
  const x = new Int32Array(n - 1);
  const y = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  let node = 0;
  const every = Math.max(1, Math.floor(n / 20));
  for (let step = 1; step < n; step++) {
    inTree[node] = 1;
    let nearest = Infinity;
    let next = 0;
    for (let j = 0; j < n; j++) {
      if (inTree[j] === 1) continue;
      const dist = distance(matrix, node * d, matrix, j * d, d);
      if (dist < current[j]) current[j] = dist;
      if (current[j] < nearest) {
        nearest = current[j];
        next = j;
      }
    }
    // Recorded as scikit-learn records it: from the row added last.
    x[step - 1] = node;
    y[step - 1] = next;
    height[step - 1] = nearest;
    node = next;
    if (onProgress && step % every === 0) onProgress(step / n);
  }
  onProgress?.(1);
  return { x, y, height };
}

/**
 * Merges sorted by height (stable), with rows and clusters renamed as scipy's `label` does:
 * each merge joins the current clusters of its two rows, and becomes cluster n + its index.
 */
function relabel(merges: RawMerges, n: number): MergeTree {
  const m = n - 1;
  const order = Int32Array.from({ length: m }, (_, i) => i).sort(
    (p, q) => merges.height[p] - merges.height[q] || p - q,
  );
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const clusterSize = new Int32Array(2 * n - 1).fill(1);
  const find = (v: number): number => {
    let root = v;
    while (parent[root] !== root) root = parent[root];
    while (parent[v] !== root) {
      const next = parent[v];
      parent[v] = root;
      v = next;
    }
    return root;
  };
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  const height = new Float64Array(m);
  const size = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const merge = order[i];
    let ra = find(merges.x[merge]);
    let rb = find(merges.y[merge]);
    if (ra > rb) [ra, rb] = [rb, ra];
    const id = n + i;
    a[i] = ra;
    b[i] = rb;
    height[i] = merges.height[merge];
    clusterSize[id] = clusterSize[ra] + clusterSize[rb];
    size[i] = clusterSize[id];
    parent[ra] = id;
    parent[rb] = id;
  }
  return { n, a, b, height, size };
}

/**
 * Flat clusters from the tree: the first n - k merges (cut into k clusters), or every merge at
 * most `height` high. Labels are numbered 0.. in order of each cluster's first row.
 */
export function cutTree(tree: MergeTree, cut: { k: number } | { height: number }): Int32Array {
  const { n } = tree;
  const merges =
    'k' in cut
      ? Math.max(0, n - Math.max(1, Math.min(cut.k, n)))
      : countAtMost(tree.height, cut.height);
  const parent = new Int32Array(2 * n - 1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let i = 0; i < merges; i++) {
    parent[tree.a[i]] = n + i;
    parent[tree.b[i]] = n + i;
  }
  const root = (v: number) => {
    while (parent[v] !== v) v = parent[v];
    return v;
  };
  const labels = new Int32Array(n);
  const numbering = new Map<number, number>();
  for (let row = 0; row < n; row++) {
    const r = root(row);
    let label = numbering.get(r);
    if (label === undefined) {
      label = numbering.size;
      numbering.set(r, label);
    }
    labels[row] = label;
  }
  return labels;
}

function countAtMost(heights: Float64Array, limit: number): number {
  let count = 0;
  while (count < heights.length && heights[count] <= limit) count++;
  return count;
}
