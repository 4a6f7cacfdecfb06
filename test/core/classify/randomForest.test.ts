import { describe, expect, it } from 'vitest';
import { prepareTreeData, singlePrecision } from '../../../src/core/classify/decisionTree';
import fc from 'fast-check';
import { isWorkCancelled } from '../../../src/core/classify/cancel';
import {
  appendForestPart,
  fitForest,
  ForestGrower,
  forestPartOf,
  joinForestParts,
  predictForest,
  SHARE_UNIT,
} from '../../../src/core/classify/randomForest';
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

describe('forests grown in parts', () => {
  const n = 300;
  const d = 4;
  const { matrix, target } = twoClasses(n, 3);
  const train = Int32Array.from({ length: 220 }, (_, i) => i);
  const job = { matrix, n, d, target, classCount: 2, rows: train, trees: 12, seed: 7, bins: 256 };
  const grower = () =>
    new ForestGrower(
      prepareTreeData(matrix, n, d, { bins: 256 }),
      singlePrecision(matrix),
      target,
      2,
      train,
      {
        trees: 12,
        seed: 7,
      },
    );
  const whole = joinForestParts([grower().part(0, 12)], n, 2, d);

  it('join, in any split into parts, into exactly the whole forest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 4 }), (cuts) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), 12];
        const g = grower();
        const parts = bounds.slice(1).map((to, i) => g.part(bounds[i], to));
        // Handed back in any order.
        const joined = joinForestParts(parts.reverse(), n, 2, d);
        expect(Array.from(joined.predictions.probabilities)).toEqual(
          Array.from(whole.predictions.probabilities),
        );
        expect(Array.from(joined.predictions.classes)).toEqual(
          Array.from(whole.predictions.classes),
        );
        expect(Array.from(joined.importances)).toEqual(Array.from(whole.importances));
      }),
      { numRuns: 15 },
    );
  });

  it('is the forest fitForest grows, its class shares rounded to 2^-32', () => {
    const forest = predictForest(
      fitForest(prepareTreeData(matrix, n, d, { bins: 256 }), target, 2, train, {
        trees: 12,
        seed: 7,
      }),
      singlePrecision(matrix),
      n,
      d,
    );
    expect(Array.from(forest.probabilities)).toEqual(Array.from(whole.predictions.probabilities));
    for (const p of whole.predictions.probabilities) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      // A whole number of units per tree.
      expect(Number.isInteger(p * 12 * SHARE_UNIT)).toBe(true);
    }
  });

  it('are the same grown from a job on another thread (its own sorting)', () => {
    const halves = [
      forestPartOf({ ...job, from: 0, to: 5 }),
      forestPartOf({ ...job, from: 5, to: 12 }),
    ];
    const joined = joinForestParts(halves, n, 2, d);
    expect(Array.from(joined.predictions.probabilities)).toEqual(
      Array.from(whole.predictions.probabilities),
    );
    expect(Array.from(joined.importances)).toEqual(Array.from(whole.importances));
  });

  it('append adjacent parts into one, the same forest', () => {
    const g = grower();
    const joined = joinForestParts([appendForestPart(g.part(0, 5), g.part(5, 12))], n, 2, d);
    expect(Array.from(joined.predictions.probabilities)).toEqual(
      Array.from(whole.predictions.probabilities),
    );
    expect(Array.from(joined.importances)).toEqual(Array.from(whole.importances));
    expect(() => appendForestPart(g.part(0, 5), g.part(6, 12))).toThrow(/do not meet/);
  });

  it('refuses parts that leave trees out, or trees the forest does not have', () => {
    const g = grower();
    expect(() => joinForestParts([g.part(0, 3), g.part(4, 12)], n, 2, d)).toThrow(/leave out/);
    expect(() => joinForestParts([], n, 2, d)).toThrow();
    expect(() => g.part(10, 13)).toThrow();
    expect(() => g.part(5, 4)).toThrow();
  });

  it('stops between trees once cancelled', () => {
    let grown = 0;
    try {
      grower().part(
        0,
        12,
        () => grown++,
        () => grown >= 3,
      );
      expect.unreachable();
    } catch (error) {
      expect(isWorkCancelled(error)).toBe(true);
    }
    expect(grown).toBe(3);
  });
});
