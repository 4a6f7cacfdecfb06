import { cutTree, mergeTree, type Linkage, type MergeTree } from './agglomerative';
import { takeRows } from '../../common/matrixRows';
import { rowDistance, type DistanceMetric } from '../distance';
import type { StageProgress } from '../../common/progress';
import { createRandom, sampleIndices } from '../../common/random';
import { UserError } from '../../common/userError';

/**
 * The merge tree needs every pairwise distance, kept as a square matrix of doubles (so that each
 * nearest-neighbour scan reads one row): 200 MB at 5,000 rows, the default (1.3 to 1.7 s on this
 * project's 2-core machine on 2026-12-03); 800 MB and about four times as long at 10,000, the most
 * a user may choose. Larger data is sampled.
 */
export const HIERARCHY_DEFAULT_ROWS = 5_000;
export const HIERARCHY_MOST_ROWS = 10_000;
/** The fewest rows a user may ask the tree to be built on. */
export const HIERARCHY_FEWEST_ROWS = 100;

/**
 * The session's check of a tree's row limit. The page's field, the command line's --tree-rows
 * and the model reader hold their input to the same constants before it gets here.
 */
export function checkTreeRows(rows: number): void {
  if (!Number.isInteger(rows) || rows < HIERARCHY_FEWEST_ROWS || rows > HIERARCHY_MOST_ROWS)
    throw new UserError('bad-option', 'treeRowsRange', {
      rows: String(rows),
      fewest: HIERARCHY_FEWEST_ROWS,
      most: HIERARCHY_MOST_ROWS,
    });
}

/** How many clusters the dendrogram shows at its foot (scipy's truncate_mode='lastp'). */
export const DENDROGRAM_LEAVES = 30;

export interface HierarchyFit {
  tree: MergeTree;
  /** Rows the tree was built on (ascending); every row when there are few. */
  rows: Int32Array;
  sampled: boolean;
  linkage: Linkage;
  /** The distance the tree was built with (see treeMetric). */
  metric: DistanceMetric;
  /** The distance asked for. */
  requestedMetric: DistanceMetric;
  /** The most rows the tree could be built on: above this it was built on a sample. */
  maxRows: number;
}

/**
 * The one rule for Ward: its merge cost is a Euclidean variance, so a Ward tree is always built
 * with Euclidean distances, whatever distance is chosen (that one still measures the
 * silhouette). The page, the command line and the comparison all say so.
 */
export function treeMetric(linkage: Linkage, metric: DistanceMetric): DistanceMetric {
  return linkage === 'ward' ? 'euclidean' : metric;
}

/** Whether a tree on n rows is built on a seeded sample of maxRows of them. */
function treeIsSampled(n: number, maxRows: number): boolean {
  return n > maxRows;
}

/**
 * What a tree on n rows depends on, as parts of a cache key: the linkage, the distance it is
 * built with (Ward's is always Euclidean), and, only when the rows are sampled, the seed and the
 * limit. A tree of 10,000 rows takes seconds; the silhouette's distance should not cost that.
 */
export function treeDependsOn(
  n: number,
  linkage: Linkage,
  metric: DistanceMetric,
  seed: number,
  maxRows: number,
): unknown[] {
  const sampled = treeIsSampled(n, maxRows);
  return [linkage, treeMetric(linkage, metric), sampled ? seed : null, sampled ? maxRows : null];
}

/**
 * A fit that may have been built for other options giving the same tree (see treeDependsOn), as
 * the options asked for now: their distance (for the Ward note) and their limit.
 */
export function fitAsAsked(
  fit: HierarchyFit,
  metric: DistanceMetric,
  maxRows: number,
): HierarchyFit {
  return fit.requestedMetric === metric && fit.maxRows === maxRows
    ? fit
    : { ...fit, requestedMetric: metric, maxRows };
}

export function fitHierarchy(
  matrix: Float64Array,
  n: number,
  d: number,
  linkage: Linkage,
  metric: DistanceMetric,
  seed: number,
  onProgress?: StageProgress,
  maxRows = HIERARCHY_DEFAULT_ROWS,
): HierarchyFit {
  const sampled = treeIsSampled(n, maxRows);
  const rows = sampled
    ? sampleIndices(n, maxRows, createRandom(seed ^ 0x41c0))
    : Int32Array.from({ length: n }, (_, i) => i);
  const sample = sampled ? takeRows(matrix, d, rows) : matrix;
  const used = treeMetric(linkage, metric);
  const tree = mergeTree(sample, rows.length, d, linkage, used, onProgress);
  return { tree, rows, sampled, linkage, metric: used, requestedMetric: metric, maxRows };
}

/** The number of clusters left when every merge at most `height` high is made. */
export function clustersAtHeight(tree: MergeTree, height: number): number {
  let merges = 0;
  while (merges < tree.height.length && tree.height[merges] <= height) merges++;
  return tree.n - merges;
}

/**
 * Labels of every row for a cut of the tree into k clusters: the tree's rows as the cut puts
 * them, every other row in the cluster whose centroid (the mean of its tree rows) is nearest
 * under the metric.
 */
export function hierarchyLabels(
  fit: HierarchyFit,
  matrix: Float64Array,
  n: number,
  d: number,
  k: number,
): Int32Array {
  const sampleLabels = cutTree(fit.tree, { k });
  if (!fit.sampled) return sampleLabels;
  const clusters = Math.min(k, fit.rows.length);
  const centroids = new Float64Array(clusters * d);
  const counts = new Int32Array(clusters);
  fit.rows.forEach((row, s) => {
    const c = sampleLabels[s];
    counts[c]++;
    for (let j = 0; j < d; j++) centroids[c * d + j] += matrix[row * d + j];
  });
  for (let c = 0; c < clusters; c++) for (let j = 0; j < d; j++) centroids[c * d + j] /= counts[c];
  const distance = rowDistance(fit.metric);
  const labels = new Int32Array(n);
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (next < fit.rows.length && fit.rows[next] === i) {
      labels[i] = sampleLabels[next++];
      continue;
    }
    let best = Infinity;
    let nearest = 0;
    for (let c = 0; c < clusters; c++) {
      const dist = distance(matrix, i * d, centroids, c * d, d);
      if (dist < best) {
        best = dist;
        nearest = c;
      }
    }
    labels[i] = nearest;
  }
  return labels;
}

/** A height between the merge that leaves k clusters and the next: where a cut gives k. */
export function cutHeightFor(tree: MergeTree, k: number): number | null {
  const m = tree.height.length;
  const below = tree.n - k; // merges made when k clusters are left
  if (k < 2 || below < 0 || below >= m) return null;
  const low = below > 0 ? tree.height[below - 1] : 0;
  return (low + tree.height[below]) / 2;
}

/**
 * The top of the tree for drawing: its last `leaves - 1` merges over `leaves` clusters.
 * Leaves are numbered 0.. left to right; merge j is node leaves + j and joins two nodes.
 */
export interface Dendrogram {
  leaves: { size: number }[];
  merges: { left: number; right: number; height: number; size: number }[];
  /** Rows in the tree. */
  rows: number;
}

export function dendrogram(tree: MergeTree, leaves = DENDROGRAM_LEAVES): Dendrogram {
  const { n } = tree;
  const shown = Math.max(1, Math.min(leaves, n));
  const firstTop = n - shown; // merges from here on are drawn
  const sizeOf = (id: number) => (id < n ? 1 : tree.size[id - n]);
  const isTop = (id: number) => id >= n && id - n >= firstTop;
  const leafList: { size: number }[] = [];
  const merges: Dendrogram['merges'] = [];
  const nodeOf = new Map<number, number>();
  // Leaves left to right by a depth-first walk from the root; merges keep their order.
  const walk = (id: number): void => {
    if (!isTop(id)) {
      nodeOf.set(id, leafList.length);
      leafList.push({ size: sizeOf(id) });
      return;
    }
    walk(tree.a[id - n]);
    walk(tree.b[id - n]);
  };
  if (n > 0) walk(n > 1 ? 2 * n - 2 : 0);
  for (let j = firstTop; j < n - 1; j++) {
    const node = shown + (j - firstTop);
    nodeOf.set(n + j, node);
    merges.push({
      left: nodeOf.get(tree.a[j])!,
      right: nodeOf.get(tree.b[j])!,
      height: tree.height[j],
      size: tree.size[j],
    });
  }
  return { leaves: leafList, merges, rows: n };
}
