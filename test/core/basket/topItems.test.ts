import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemBasketCounts, itemsInBaskets, topItems } from '../../../src/core/basket/topItems';
import { arbitraryBaskets, basketsOf, countWith } from './bruteForce';

describe('itemBasketCounts', () => {
  it('counts the baskets that hold each item, an item once per basket', () => {
    // basketsOf keeps an item once per basket, as buildBaskets does: [1, 1] is one basket of 1.
    const baskets = basketsOf([[0, 1], [1, 1], [1, 3], []], 5);
    expect(Array.from(itemBasketCounts(baskets))).toEqual([1, 3, 0, 1, 0]);
  });

  it('gives zeros for no basket, and an empty array for no item', () => {
    expect(Array.from(itemBasketCounts(basketsOf([], 3)))).toEqual([0, 0, 0]);
    expect(itemBasketCounts(basketsOf([], 0))).toHaveLength(0);
  });

  it('equals counting one basket at a time (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryBaskets(7, 30), (baskets) => {
        const counts = itemBasketCounts(baskets);
        for (let item = 0; item < baskets.itemCount; item++)
          expect(counts[item]).toBe(countWith(baskets, [item]));
      }),
    );
  });
});

describe('itemsInBaskets', () => {
  it('counts the items in at least one basket', () => {
    expect(itemsInBaskets(Int32Array.from([0, 2, 0, 1]))).toBe(2);
    expect(itemsInBaskets(new Int32Array(0))).toBe(0);
  });
});

describe('topItems', () => {
  it('lists the items in the most baskets, most first, ties in item order', () => {
    const counts = Int32Array.from([3, 5, 0, 5, 1, 3]);
    expect(Array.from(topItems(counts, 4))).toEqual([1, 3, 0, 5]);
    expect(Array.from(topItems(counts, 100))).toEqual([1, 3, 0, 5, 4]);
  });

  it('leaves out items in no basket, and gives nothing for a limit of 0 or no items', () => {
    expect(Array.from(topItems(Int32Array.from([0, 0, 2]), 3))).toEqual([2]);
    expect(topItems(Int32Array.from([4, 2]), 0)).toHaveLength(0);
    expect(topItems(new Int32Array(3), 5)).toHaveLength(0);
  });

  it('is a prefix of every item by count (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 35 }),
        (values, limit) => {
          const counts = Int32Array.from(values);
          const expected = values
            .map((count, item) => ({ count, item }))
            .filter((x) => x.count > 0)
            .sort((a, b) => b.count - a.count || a.item - b.item)
            .slice(0, limit)
            .map((x) => x.item);
          expect(Array.from(topItems(counts, limit))).toEqual(expected);
        },
      ),
    );
  });
});
