import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageMetrics, customerMetrics } from '../../../src/core/recommend/metrics';
import type { TopNLists } from '../../../src/core/recommend/topN';

/** Lists (padded with -1 to n) and test items per row, from plain arrays. */
function setUp(lists: number[][], tests: number[][], n: number) {
  const items = new Int32Array(lists.length * n).fill(-1);
  lists.forEach((list, r) => items.set(list, r * n));
  const topN: TopNLists = {
    n,
    customers: Int32Array.from(lists, (_, r) => r),
    items,
    scores: new Float64Array(lists.length * n),
    counts: Int32Array.from(lists, (list) => list.length),
  };
  const testStart = Int32Array.from([
    0,
    ...tests.map((_, r) => tests.slice(0, r + 1).flat().length),
  ]);
  const metrics = customerMetrics(topN, testStart, Int32Array.from(tests.flat()), 100);
  return { topN, metrics };
}

describe('customerMetrics', () => {
  it('gives a known NDCG and MAP: one hit at rank 2 of 3, two test items', () => {
    const { metrics } = setUp([[10, 11, 12]], [[11, 13]], 3);
    expect(metrics.hit[0]).toBe(1);
    expect(metrics.precision[0]).toBe(1 / 3);
    expect(metrics.recall[0]).toBe(1 / 2);
    // DCG 1/log2(3); ideal: two hits at ranks 1 and 2, 1 + 1/log2(3).
    expect(metrics.ndcg[0]).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 15);
    expect(metrics.ndcg[0]).toBeCloseTo(0.38685280723454163, 15);
    // Precision at the hit is 1/2; divided by min(3, 2).
    expect(metrics.averagePrecision[0]).toBe(0.25);
  });

  it('gives a known MAP with several hits: hits at ranks 1 and 3 of 4, three test items, N = 4', () => {
    const { metrics } = setUp([[1, 2, 3, 4]], [[1, 3, 9]], 4);
    expect(metrics.averagePrecision[0]).toBeCloseTo((1 + 2 / 3) / 3, 15);
    expect(metrics.ndcg[0]).toBeCloseTo(
      (1 + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3) + 1 / Math.log2(4)),
      15,
    );
    expect(metrics.recall[0]).toBe(2 / 3);
    expect(metrics.precision[0]).toBe(0.5);
  });

  it('divides MAP and the ideal DCG by N when there are more test items than N', () => {
    const { metrics } = setUp([[1, 2]], [[1, 2, 3, 4, 5]], 2);
    expect(metrics.averagePrecision[0]).toBe(1);
    expect(metrics.ndcg[0]).toBe(1);
    expect(metrics.recall[0]).toBe(2 / 5);
  });

  it('counts precision over N even when the list is shorter, and scores an empty list 0', () => {
    const { metrics } = setUp([[5], []], [[5], [7]], 10);
    expect(metrics.precision[0]).toBe(0.1);
    expect(metrics.ndcg[0]).toBe(1);
    expect(metrics.averagePrecision[0]).toBe(1);
    for (const values of Object.values(metrics)) expect(values[1]).toBe(0);
  });

  it('keeps every metric between 0 and 1, and all at 0 exactly when nothing is hit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 6 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 8 }),
        (n, list, test) => {
          const { metrics } = setUp([list.slice(0, n)], [test], n);
          const hit = list.slice(0, n).some((j) => test.includes(j));
          for (const values of Object.values(metrics)) {
            expect(values[0]).toBeGreaterThanOrEqual(0);
            expect(values[0]).toBeLessThanOrEqual(1 + 1e-15);
            expect(values[0] > 0).toBe(hit);
          }
        },
      ),
    );
  });
});

describe('averageMetrics', () => {
  const { topN, metrics } = setUp([[1, 2], [3], [1]], [[2], [4], [1]], 2);

  it('averages over the customers and measures coverage against the catalogue', () => {
    const average = averageMetrics(topN, metrics, 10)!;
    expect(average.customers).toBe(3);
    expect(average.hitRate).toBe(2 / 3);
    expect(average.precision).toBe((0.5 + 0 + 0.5) / 3);
    expect(average.recall).toBe(2 / 3);
    expect(average.coverage).toBe(3 / 10);
  });

  it('averages over a subset of rows, and has no figures (null) for an empty one', () => {
    const some = averageMetrics(topN, metrics, 10, Int32Array.from([1, 2]))!;
    expect(some.customers).toBe(2);
    expect(some.hitRate).toBe(0.5);
    expect(some.coverage).toBe(2 / 10);
    expect(averageMetrics(topN, metrics, 10, new Int32Array(0))).toBeNull();
  });

  it('gives coverage 0, not NaN, for an empty catalogue', () => {
    expect(averageMetrics(topN, metrics, 0)!.coverage).toBe(0);
  });
});
