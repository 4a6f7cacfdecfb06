import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BestK, emptyTopNLists, takeTopN } from '../../../src/core/recommend/topN';

describe('BestK', () => {
  it('keeps the k highest scores, ties to the lower rank, whatever the order they come in', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        // Few distinct scores, so that ties are common.
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 25 }),
        fc.array(fc.nat(), { maxLength: 25 }),
        (k, scoreOf, shuffle) => {
          const ids = scoreOf.map((_, id) => id);
          // Offer in a scrambled order; rank = id (like item columns).
          const order = ids
            .map((id) => [shuffle[id] ?? 0, id] as const)
            .sort((a, b) => a[0] - b[0] || a[1] - b[1])
            .map(([, id]) => id);
          const best = new BestK(k);
          for (const id of order) best.offer(id, scoreOf[id] / 3, id);
          const expected = [...ids].sort((a, b) => scoreOf[b] - scoreOf[a] || a - b).slice(0, k);
          expect(Array.from(best.ids.subarray(0, best.count))).toEqual(expected);
          expect(Array.from(best.scores.subarray(0, best.count))).toEqual(
            expected.map((id) => scoreOf[id] / 3),
          );
        },
      ),
    );
  });

  it('breaks ties by the rank it is given, not by the id', () => {
    const best = new BestK(2);
    best.offer(0, 1, 30);
    best.offer(1, 1, 10);
    best.offer(2, 1, 20);
    expect(Array.from(best.ids)).toEqual([1, 2]);
    best.reset();
    expect(best.count).toBe(0);
  });
});

describe('takeTopN', () => {
  it('takes the best positive scores, ties by lower item, and clears the scores it read', () => {
    const scores = Float64Array.from([0.5, 2, 0, 2, 1, 0.5]);
    const touched = Int32Array.from([5, 4, 3, 2, 1, 0]);
    const lists = emptyTopNLists(Int32Array.from([7, 8]), 4);
    takeTopN(scores, touched, touched.length, new BestK(4), lists, 1);
    expect(Array.from(lists.items)).toEqual([-1, -1, -1, -1, 1, 3, 4, 0]);
    expect(Array.from(lists.scores.subarray(4))).toEqual([2, 2, 1, 0.5]);
    expect(Array.from(lists.counts)).toEqual([0, 4]);
    expect(Array.from(scores)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('leaves a shorter list when there are fewer candidates', () => {
    const scores = Float64Array.from([0, 3, 0]);
    const lists = emptyTopNLists(Int32Array.from([0]), 3);
    takeTopN(scores, Int32Array.from([1, 2]), 2, new BestK(3), lists, 0);
    expect(Array.from(lists.items)).toEqual([1, -1, -1]);
    expect(lists.counts[0]).toBe(1);
  });
});
