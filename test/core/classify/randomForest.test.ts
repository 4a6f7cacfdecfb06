import { describe, expect, it } from 'vitest';
import { prepareTreeData, singlePrecision } from '../../../src/core/classify/decisionTree';
import { fitForest, predictForest } from '../../../src/core/classify/randomForest';
import { createRandom } from '../../../src/core/common/random';
import { isUserError } from '../../../src/core/common/userError';

/** Two noisy classes: class 1 when x0 + x1 > 1, labels flipped for a tenth of the rows. */
function twoClasses(n: number, seed: number) {
  const random = createRandom(seed);
  const matrix = new Float64Array(n * 4);
  const target = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < 4; f++) matrix[i * 4 + f] = random.next();
    const truth = matrix[i * 4] + matrix[i * 4 + 1] > 1 ? 1 : 0;
    target[i] = random.next() < 0.1 ? 1 - truth : truth;
  }
  return { matrix, target };
}

describe('fitForest', () => {
  const { matrix, target } = twoClasses(600, 1);
  const data = prepareTreeData(matrix, 600, 4);
  const train = Int32Array.from({ length: 400 }, (_, i) => i);

  it('grows the trees asked for, on bootstrap samples with sqrt(d) features per split', () => {
    const forest = fitForest(data, target, 2, train, { trees: 12, seed: 5 });
    expect(forest.trees).toHaveLength(12);
    for (const tree of forest.trees) {
      // A bootstrap of 400 draws holds about 63% of the rows, each weighing its draws.
      expect(tree.weight[0]).toBe(400);
      expect(tree.rows[0]).toBeGreaterThan(200);
      expect(tree.rows[0]).toBeLessThan(300);
      // Grown until pure: every leaf holds one class.
      for (let node = 0; node < tree.nodeCount; node++)
        if (tree.feature[node] < 0 && tree.rows[node] > 1)
          expect(Math.min(tree.counts[node * 2], tree.counts[node * 2 + 1])).toBe(0);
    }
  });

  it('is the same for the same seed, and another for another', () => {
    const a = fitForest(data, target, 2, train, { trees: 3, seed: 1 });
    const b = fitForest(data, target, 2, train, { trees: 3, seed: 1 });
    const c = fitForest(data, target, 2, train, { trees: 3, seed: 2 });
    expect(Array.from(a.trees[2].threshold)).toEqual(Array.from(b.trees[2].threshold));
    expect(Array.from(a.trees[0].threshold)).not.toEqual(Array.from(c.trees[0].threshold));
  });

  it('predicts held-out rows better than one deep tree would by chance', () => {
    const forest = fitForest(data, target, 2, train, { trees: 30 });
    const predicted = predictForest(forest, singlePrecision(matrix), 600, 4);
    let correct = 0;
    for (let i = 400; i < 600; i++) if (predicted.classes[i] === target[i]) correct++;
    // The noise caps accuracy near 0.9.
    expect(correct / 200).toBeGreaterThan(0.75);
    for (let i = 0; i < 600; i++) {
      const p0 = predicted.probabilities[i * 2];
      const p1 = predicted.probabilities[i * 2 + 1];
      expect(p0 + p1).toBeCloseTo(1, 12);
      expect(predicted.classes[i]).toBe(p1 > p0 ? 1 : 0);
    }
  });

  it('refuses a number of trees that is not a whole number from 1', () => {
    for (const trees of [0, 2.5, -1]) {
      try {
        fitForest(data, target, 2, train, { trees });
        expect.unreachable();
      } catch (error) {
        expect(isUserError(error)).toBe(true);
      }
    }
  });

  it('reports progress per tree, a few dozen times at most', () => {
    const fractions: number[] = [];
    fitForest(data, target, 2, train, { trees: 4 }, (f) => fractions.push(f));
    expect(fractions).toEqual([0.25, 0.5, 0.75, 1]);
    const many: number[] = [];
    fitForest(data, target, 2, train, { trees: 60, maxDepth: 2 }, (f) => many.push(f));
    expect(many.length).toBeLessThanOrEqual(30);
    expect(many.at(-1)).toBe(1);
  });
});
