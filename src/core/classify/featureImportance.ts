import { pairwiseSum } from '../common/pairwiseSum';
import type { DecisionTree } from './decisionTree';

/**
 * How much each feature matters to a model, as shares that sum to 1 (all 0 when the model uses
 * no feature at all).
 */

/**
 * A tree's impurity-decrease importances, as scikit-learn's feature_importances_: per split node,
 * w x gini - w_left x gini_left - w_right x gini_right goes to its feature; the totals are divided
 * by the root's weight, then by their sum.
 */
export function treeImportances(tree: DecisionTree): Float64Array {
  const importances = new Float64Array(tree.featureCount);
  const { feature, left, right, weight, impurity } = tree;
  for (let node = 0; node < tree.nodeCount; node++) {
    if (feature[node] < 0) continue;
    const l = left[node];
    const r = right[node];
    importances[feature[node]] +=
      weight[node] * impurity[node] - weight[l] * impurity[l] - weight[r] * impurity[r];
  }
  for (let f = 0; f < importances.length; f++) importances[f] /= weight[0];
  return normalised(importances);
}

/**
 * A forest's importances, as RandomForestClassifier's: the mean of its trees' importances (trees
 * that are a single leaf left out), normalised.
 */
export function forestImportances(
  trees: readonly DecisionTree[],
  featureCount: number,
): Float64Array {
  const sum = new Float64Array(featureCount);
  let count = 0;
  for (const tree of trees) {
    if (tree.nodeCount <= 1) continue;
    const importances = treeImportances(tree);
    for (let f = 0; f < featureCount; f++) sum[f] += importances[f];
    count++;
  }
  if (count === 0) return sum;
  for (let f = 0; f < featureCount; f++) sum[f] /= count;
  return normalised(sum);
}

/**
 * Logistic regression's importances, defined here (scikit-learn has none): the absolute
 * coefficient of each z-scored feature, summed over the rows of coefficients (one for a binary
 * target, one per class for a multinomial one), normalised. On z-scored features a coefficient
 * is the change in log-odds per standard deviation, so their sizes compare across features.
 */
export function logisticImportances(
  coefficients: Float64Array,
  coefficientRows: number,
  featureCount: number,
): Float64Array {
  const importances = new Float64Array(featureCount);
  for (let k = 0; k < coefficientRows; k++)
    for (let f = 0; f < featureCount; f++)
      importances[f] += Math.abs(coefficients[k * featureCount + f]);
  return normalised(importances);
}

/** Divided by their (numpy pairwise) sum, unless that is 0. */
function normalised(values: Float64Array): Float64Array {
  const total = pairwiseSum(values, 0, values.length, 1);
  if (total > 0) for (let f = 0; f < values.length; f++) values[f] /= total;
  return values;
}
