import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTree,
  fitTree,
  nodeClass,
  predictTree,
  prepareTreeData,
  singlePrecision,
} from '../../../src/core/classify/decisionTree';

/** A tree on rows given as arrays of feature values. */
function grow(rows: number[][], target: number[], options = {}) {
  const d = rows[0].length;
  const matrix = Float64Array.from(rows.flat());
  const classes = Int32Array.from(target);
  const classCount = Math.max(...target) + 1;
  const tree = fitTree(prepareTreeData(matrix, rows.length, d), classes, classCount, options);
  return { tree, matrix, n: rows.length, d };
}

const leaves = (tree: ReturnType<typeof grow>['tree']) =>
  Array.from({ length: tree.nodeCount }, (_, i) => i).filter((i) => tree.feature[i] < 0);

describe('fitTree', () => {
  it('splits at the midpoint with the largest Gini gain', () => {
    const { tree } = grow([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 0]);
    // Root Gini 1 - (4/6)^2 - (2/6)^2 = 4/9. Best: x <= 3.5 (3 pure left, right 1 of 3 class 0).
    expect(tree.impurity[0]).toBeCloseTo(4 / 9, 15);
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBe(3.5);
    expect(Array.from(tree.rows.subarray(0, 3))).toEqual([6, 3, 3]);
    expect(tree.impurity[1]).toBe(0);
    expect(tree.impurity[2]).toBeCloseTo(4 / 9, 15);
  });

  it("grows scikit-learn's tree on a hand-made case (thresholds in single precision)", () => {
    // DecisionTreeClassifier(random_state=r) gives this same tree for r = 0..29: no ties.
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
    const { tree } = grow(rows, [0, 2, 0, 1, 0, 2, 2, 0, 0, 2, 1, 2]);
    expect(Array.from(tree.feature)).toEqual([0, 1, 2, -1, 0, -1, -1, 1, -1, -1, -1]);
    const splits = [0, 1, 2, 4, 7].map((node) => tree.threshold[node]);
    expect(splits).toEqual([6.950000047683716, 1.050000011920929, 0.5, 6.700000047683716, 1.5]);
    expect(Array.from(tree.left)).toEqual([1, 2, 3, -1, 5, -1, -1, 8, -1, -1, -1]);
    expect(Array.from(tree.right)).toEqual([10, 7, 4, -1, 6, -1, -1, 9, -1, -1, -1]);
    expect(Array.from(tree.rows)).toEqual([12, 9, 6, 3, 3, 2, 1, 3, 2, 1, 3]);
    const impurity = [0.625, 0.5925925925925926, 4 / 9, 0, 4 / 9, 0, 0, 4 / 9, 0, 0, 0];
    impurity.forEach((value, node) => expect(tree.impurity[node]).toBeCloseTo(value, 15));
    expect(Array.from(tree.tied).every((t) => t === 0)).toBe(true);
  });

  it('takes the first of two equally good features and flags the tie', () => {
    const { tree } = grow(
      [
        [1, 10],
        [2, 20],
        [3, 30],
        [4, 40],
      ],
      [0, 0, 1, 1],
    );
    expect(tree.feature[0]).toBe(0);
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.tied[0]).toBe(1);
  });

  it('never splits on a constant feature, and makes a leaf when every feature is constant', () => {
    const { tree } = grow(
      [
        [7, 1],
        [7, 2],
        [7, 3],
        [7, 4],
      ],
      [0, 1, 0, 1],
    );
    expect(Array.from(tree.feature).filter((f) => f === 0)).toEqual([]);
    const flat = grow(
      [
        [7, 1],
        [7, 1],
        [7, 1],
      ],
      [0, 1, 1],
    ).tree;
    expect(flat.nodeCount).toBe(1);
    expect(nodeClass(flat, 0)).toBe(1);
  });

  it('counts values closer than 1e-7 as one, as scikit-learn', () => {
    const { tree } = grow([[0], [1e-8], [1], [1 + 5e-8]], [0, 1, 0, 1]);
    // scikit-learn: 0.500000005, between 1e-8 (in single precision) and 1.
    expect(tree.nodeCount).toBe(3);
    expect(tree.threshold[0]).toBe(Math.fround(1e-8) / 2 + 1 / 2);
  });

  it('stops at a node of one class', () => {
    const { tree } = grow([[1], [2], [3]], [2, 2, 2]);
    expect(tree.nodeCount).toBe(1);
    expect(tree.impurity[0]).toBe(0);
    expect(nodeClass(tree, 0)).toBe(2);
  });

  it('leaves at least minSamplesLeaf rows in every leaf, and no deeper than maxDepth', () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 7, (i * 13) % 11]);
    const target = rows.map(([a, b]) => (a + b) % 3);
    const { tree } = grow(rows, target, { minSamplesLeaf: 4, maxDepth: 3 });
    for (const leaf of leaves(tree)) expect(tree.rows[leaf]).toBeGreaterThanOrEqual(4);
    expect(Math.max(...tree.depth)).toBeLessThanOrEqual(3);
    // Without the limit the first split isolates a single row.
    const single = grow([[1], [2], [3], [4], [5]], [1, 0, 0, 0, 0]);
    expect(single.tree.threshold[0]).toBe(1.5);
    const limited = grow([[1], [2], [3], [4], [5]], [1, 0, 0, 0, 0], { minSamplesLeaf: 2 });
    expect(limited.tree.threshold[0]).toBe(2.5);
  });

  it('weighs a row of weight 2 as two copies of it', () => {
    const weighted = grow([[1], [2], [3], [4]], [0, 1, 1, 0], {
      weights: Float64Array.from([2, 1, 1, 1]),
    }).tree;
    const copied = grow([[1], [1], [2], [3], [4]], [0, 0, 1, 1, 0]).tree;
    expect(Array.from(weighted.threshold)).toEqual(Array.from(copied.threshold));
    expect(Array.from(weighted.counts)).toEqual(Array.from(copied.counts));
    expect(weighted.weight[0]).toBe(5);
    expect(weighted.rows[0]).toBe(4);
  });

  it('grows on the given rows only, and leaves rows of weight 0 out', () => {
    const rows = [[1], [2], [3], [4], [5], [6]];
    const some = grow(rows, [0, 0, 1, 1, 0, 1], { rows: Int32Array.from([0, 1, 2, 3]) }).tree;
    expect(some.rows[0]).toBe(4);
    expect(some.threshold[0]).toBe(2.5);
    const zero = grow(rows, [0, 0, 1, 1, 0, 1], {
      weights: Float64Array.from([1, 1, 1, 1, 0, 0]),
    }).tree;
    expect(Array.from(zero.threshold)).toEqual(Array.from(some.threshold));
  });

  it('fits distinct rows perfectly when grown fully', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
        (xs, labels) => {
          const { tree, matrix, n, d } = grow(
            xs.map((x) => [x, x % 5]),
            xs.map((_, i) => labels[i]),
          );
          const predicted = predictTree(tree, singlePrecision(matrix), n, d).classes;
          expect(Array.from(predicted)).toEqual(xs.map((_, i) => labels[i]));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('predictTree and applyTree', () => {
  it("gives the leaf's class shares as probabilities, comparing values in single precision", () => {
    const { tree } = grow([[0.1], [0.2], [0.3], [0.4]], [0, 0, 1, 0], { maxDepth: 1 });
    // The threshold is the midpoint of 0.2 and 0.3 in single precision.
    expect(tree.threshold[0]).toBe(Math.fround(0.2) / 2 + Math.fround(0.3) / 2);
    // 0.25000001 is above the threshold in double precision, 0.25 (below it) in single.
    expect(0.25000001).toBeGreaterThan(tree.threshold[0]);
    const query = singlePrecision(Float64Array.from([0.2, 0.25000001, 0.9]));
    expect(Array.from(applyTree(tree, query, 3, 1))).toEqual([1, 1, 2]);
    const predicted = predictTree(tree, query, 3, 1);
    // The right leaf holds one row of each class: the first class wins the tie.
    expect(Array.from(predicted.classes)).toEqual([0, 0, 0]);
    expect(Array.from(predicted.probabilities)).toEqual([1, 0, 1, 0, 0.5, 0.5]);
  });
});
