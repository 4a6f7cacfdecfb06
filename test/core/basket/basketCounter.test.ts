import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BasketCounter } from '../../../src/core/basket/basketCounter';
import { basketsOf, countWith } from './bruteForce';

describe('BasketCounter', () => {
  it('counts the baskets holding every item of an itemset', () => {
    const baskets = basketsOf([[0, 1, 2], [0, 1], [2], [0, 2], [1, 2]]);
    const counter = new BasketCounter(baskets);
    expect(counter.count([0])).toBe(3);
    expect(counter.count([0, 1])).toBe(2);
    expect(counter.count([0, 1, 2])).toBe(1);
    expect(counter.count([9, 1, 2, 9], 1, 3)).toBe(2);
    expect(counter.count([])).toBe(5);
    expect(counter.count([7])).toBe(0);
    expect(counter.count([0, 7])).toBe(0);
  });

  it('equals counting basket by basket, across word boundaries (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.nat(9), { maxLength: 6 }), { minLength: 1, maxLength: 140 }),
        fc.uniqueArray(fc.nat(9), { minLength: 1, maxLength: 4 }),
        (sets, query) => {
          const baskets = basketsOf(sets, 10);
          const sorted = [...query].sort((a, b) => a - b);
          expect(new BasketCounter(baskets).count(sorted)).toBe(countWith(baskets, sorted));
        },
      ),
    );
  });
});
