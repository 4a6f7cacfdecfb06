import type { StageProgress } from '../common/progress';
import type { TreeData } from './treeData';
import { TreeGrower, type TreeOptions } from './treeGrower';
import type { DecisionTree } from './treeNodes';

export { prepareTreeData, type TreeData, type TreeDataOptions } from './treeData';
export { TreeGrower, type TreeOptions } from './treeGrower';
export type { DecisionTree } from './treeNodes';

/**
 * CART decision trees as scikit-learn's DecisionTreeClassifier (Gini, the best split over every
 * feature, or a random subset of them for forests, at midpoints between consecutive distinct
 * values; maxDepth, minSamplesLeaf, sample weights or bootstrap counts), stored in flat typed
 * arrays. How they are grown, and why they equal scikit-learn's, is told in treeGrower.ts;
 * treeData.ts sorts the features once, treeNodes.ts stores the nodes.
 */

/** Grows a tree predicting `target` (a class code per data row, 0..classCount-1). */
export function fitTree(
  data: TreeData,
  target: Int32Array,
  classCount: number,
  options: Partial<TreeOptions> = {},
  onProgress?: StageProgress,
): DecisionTree {
  const capacity = options.rows ? options.rows.length : data.n;
  return new TreeGrower(data, capacity).grow(target, classCount, options, onProgress);
}

/** A row-major matrix in single precision: the values trees compare (convert once, apply often). */
export function singlePrecision(matrix: Float64Array): Float32Array {
  return Float32Array.from(matrix);
}

/** The leaf each of the n rows of a single-precision row-major n x d matrix lands in. */
export function applyTree(
  tree: DecisionTree,
  matrix: Float32Array,
  n: number,
  d: number,
  out = new Int32Array(n),
): Int32Array {
  const { feature, threshold, left, right } = tree;
  for (let i = 0; i < n; i++) {
    let node = 0;
    const row = i * d;
    while (feature[node] >= 0)
      node = matrix[row + feature[node]] <= threshold[node] ? left[node] : right[node];
    out[i] = node;
  }
  return out;
}

/** A node's predicted class: the first class of highest count. */
export function nodeClass(tree: DecisionTree, node: number): number {
  const C = tree.classCount;
  let best = 0;
  for (let c = 1; c < C; c++)
    if (tree.counts[node * C + c] > tree.counts[node * C + best]) best = c;
  return best;
}

export interface Predictions {
  /** Predicted class per row. */
  classes: Int32Array;
  /** n x classCount row-major class probabilities. */
  probabilities: Float64Array;
}

/** Classes and class probabilities (the leaf's weighted class shares, as predict_proba). */
export function predictTree(
  tree: DecisionTree,
  matrix: Float32Array,
  n: number,
  d: number,
): Predictions {
  const C = tree.classCount;
  const leaves = applyTree(tree, matrix, n, d);
  const classes = new Int32Array(n);
  const probabilities = new Float64Array(n * C);
  for (let i = 0; i < n; i++) {
    const leaf = leaves[i];
    classes[i] = nodeClass(tree, leaf);
    const total = tree.weight[leaf] === 0 ? 1 : tree.weight[leaf];
    for (let c = 0; c < C; c++) probabilities[i * C + c] = tree.counts[leaf * C + c] / total;
  }
  return { classes, probabilities };
}
