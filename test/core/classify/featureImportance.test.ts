import { describe, expect, it } from 'vitest';
import { fitTree, prepareTreeData } from '../../../src/core/classify/decisionTree';
import {
  forestImportances,
  logisticImportances,
  treeImportances,
} from '../../../src/core/classify/featureImportance';

// The tie-free hand-made case of decisionTree.test.ts.
const rows = [
  [6.9, 0.6, 1],
  [6.5, 0.4, 1],
  [6.4, 1.8, 0],
  [4.9, 1.2, 1],
  [4.9, 0.5, 0],
  [7.5, 1.6, 0],
  [7.0, 1.0, 0],
  [4.7, 0.6, 0],
  [5.0, 0.2, 0],
  [4.8, 0.9, 1],
  [6.9, 1.2, 0],
  [7.3, 0.2, 0],
];
const target = Int32Array.from([0, 2, 0, 1, 0, 2, 2, 0, 0, 2, 1, 2]);
const data = prepareTreeData(Float64Array.from(rows.flat()), 12, 3);

describe('treeImportances', () => {
  it("equals scikit-learn's feature_importances_", () => {
    const importances = treeImportances(fitTree(data, target, 3));
    const expected = [0.4666666666666667, 0.3555555555555555, 0.17777777777777776];
    expected.forEach((value, f) => expect(importances[f]).toBeCloseTo(value, 15));
    const stump = treeImportances(fitTree(data, target, 3, { maxDepth: 1 }));
    expect(Array.from(stump)).toEqual([1, 0, 0]);
  });

  it('is all zeros for a tree that never splits', () => {
    const leaf = fitTree(data, new Int32Array(12), 1);
    expect(Array.from(treeImportances(leaf))).toEqual([0, 0, 0]);
  });
});

describe('forestImportances', () => {
  it('averages the trees that split, then normalises', () => {
    const deep = fitTree(data, target, 3);
    const stump = fitTree(data, target, 3, { maxDepth: 1 });
    const leaf = fitTree(data, new Int32Array(12), 3);
    const mean = forestImportances([deep, stump, leaf], 3);
    const a = treeImportances(deep);
    const b = treeImportances(stump);
    for (let f = 0; f < 3; f++) expect(mean[f]).toBeCloseTo((a[f] + b[f]) / 2, 15);
    expect(Array.from(forestImportances([leaf], 3))).toEqual([0, 0, 0]);
  });
});

describe('logisticImportances', () => {
  it('shares out the absolute coefficients, summed over classes', () => {
    expect(Array.from(logisticImportances(Float64Array.from([2, -1, 1]), 1, 3))).toEqual([
      0.5, 0.25, 0.25,
    ]);
    const multinomial = logisticImportances(Float64Array.from([1, -1, 0, -1, 1, 0]), 2, 3);
    expect(Array.from(multinomial)).toEqual([0.5, 0.5, 0]);
    expect(Array.from(logisticImportances(new Float64Array(2), 1, 2))).toEqual([0, 0]);
  });
});
