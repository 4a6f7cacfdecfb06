import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  itemsetCount,
  mineItemsets,
  type FrequentItemsets,
  type MiningOptions,
} from '../../../src/core/basket/fpGrowth';
import { isUserError, type UserError } from '../../../src/core/common/userError';
import { arbitraryBaskets, basketsOf, bruteForceItemsets } from './bruteForce';

const options = (minSupport: number, maxLen = 3, maxItemsets = 200_000): MiningOptions => ({
  minSupport,
  maxLen,
  maxItemsets,
});

function asMap(itemsets: FrequentItemsets): Map<string, number> {
  const found = new Map<string, number>();
  for (let i = 0; i < itemsets.count; i++) {
    const items = itemsets.items.subarray(itemsets.offsets[i], itemsets.offsets[i + 1]);
    found.set(Array.from(items).join(','), itemsets.counts[i]);
  }
  return found;
}

function userErrorOf(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('no error was thrown');
}

// A small shop, counted by hand: items a = 0, b = 1, c = 2, d = 3, e = 4.
const SHOP = basketsOf([
  [0, 1, 2],
  [0, 1],
  [0, 2, 3],
  [1, 2],
  [0, 1, 2, 4],
]);

describe('mineItemsets', () => {
  it('finds the hand-counted frequent itemsets of a small shop, shortest first', () => {
    const itemsets = mineItemsets(SHOP, options(0.4));
    expect(asMap(itemsets)).toEqual(
      new Map([
        ['0', 4],
        ['1', 4],
        ['2', 4],
        ['0,1', 3],
        ['0,2', 3],
        ['1,2', 3],
        ['0,1,2', 2],
      ]),
    );
    const lengths = Array.from({ length: itemsets.count }, (_, i) => {
      return itemsets.offsets[i + 1] - itemsets.offsets[i];
    });
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(itemsets.basketCount).toBe(5);
    expect(itemsets.minCount).toBe(2);
    expect(itemsetCount(itemsets, [0, 1, 2])).toBe(2);
    expect(itemsetCount(itemsets, [0, 3])).toBe(-1);
    expect(itemsetCount(itemsets, [9, 0, 2, 9], 1, 3)).toBe(3);
  });

  it('stops at the maximum length', () => {
    expect([...asMap(mineItemsets(SHOP, options(0.4, 1))).keys()].sort()).toEqual(['0', '1', '2']);
    expect([...asMap(mineItemsets(SHOP, options(0.4, 2))).keys()]).not.toContain('0,1,2');
    expect(asMap(mineItemsets(SHOP, options(0.4, 2))).size).toBe(6);
  });

  it('at support 1 keeps only what every basket holds', () => {
    const every = basketsOf([
      [0, 1, 5],
      [0, 1],
      [1, 0, 3],
    ]);
    expect(asMap(mineItemsets(every, options(1)))).toEqual(
      new Map([
        ['0', 3],
        ['1', 3],
        ['0,1', 3],
      ]),
    );
    expect(mineItemsets(basketsOf([[0], [1]]), options(1)).count).toBe(0);
  });

  it('decides the boundary as mlxtend does: at 0.07 of 100 baskets a pair needs 8, an item 7', () => {
    // Item 0 in 7 baskets and item 1 in 8, together in 7; item 2 elsewhere so that the tree is
    // not one path. (mlxtend 0.25 gives exactly these itemsets on these baskets, as on the next.)
    const sets: number[][] = [];
    for (let b = 0; b < 100; b++) sets.push(b < 7 ? [0, 1] : b === 7 ? [1] : b < 20 ? [2] : [3]);
    const itemsets = mineItemsets(basketsOf(sets), options(0.07));
    expect(itemsets.minCount).toBe(7);
    expect(itemsets.minCountLonger).toBe(8);
    expect(itemsetCount(itemsets, [0])).toBe(7);
    expect(itemsetCount(itemsets, [0, 1])).toBe(-1);
    expect(itemsetCount(itemsets, [1])).toBe(8);
  });

  it('keeps such a pair when the frequent items form one path, as mlxtend does', () => {
    // The same counts, but every basket's frequent items nest: the FP-tree is one path.
    const sets: number[][] = [];
    for (let b = 0; b < 100; b++) sets.push(b < 7 ? [0, 1] : b === 7 ? [1] : [4 + b]);
    const itemsets = mineItemsets(basketsOf(sets), options(0.07));
    expect(itemsets.minCountLonger).toBe(7);
    expect(itemsetCount(itemsets, [0, 1])).toBe(7);
  });

  it('equals a brute-force enumeration on random small basket sets (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (baskets, minSupport, maxLen) => {
          const mined = asMap(mineItemsets(baskets, options(minSupport, maxLen)));
          expect(mined).toEqual(bruteForceItemsets(baskets, minSupport, maxLen));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals brute force without the FP-array too, walking up the first tree (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 5 }),
        (baskets, minSupport, maxLen) => {
          const walked = asMap(mineItemsets(baskets, options(minSupport, maxLen), undefined, 0));
          expect(walked).toEqual(bruteForceItemsets(baskets, minSupport, maxLen));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('equals brute force at supports on the count boundary (k / n), where floating point decides', () => {
    fc.assert(
      fc.property(arbitraryBaskets(6, 70), fc.nat(70), (baskets, k) => {
        const n = baskets.basketCount;
        const minSupport = Math.max(1, Math.min(n, k)) / n;
        const mined = asMap(mineItemsets(baskets, options(minSupport, 4)));
        expect(mined).toEqual(bruteForceItemsets(baskets, minSupport, 4));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every itemset it lists with its count, and nothing else', () => {
    fc.assert(
      fc.property(arbitraryBaskets(), (baskets) => {
        const itemsets = mineItemsets(baskets, options(0.1, 4));
        for (let i = 0; i < itemsets.count; i++) {
          const from = itemsets.offsets[i];
          const to = itemsets.offsets[i + 1];
          expect(itemsetCount(itemsets, itemsets.items, from, to)).toBe(itemsets.counts[i]);
        }
        expect(itemsetCount(itemsets, [99])).toBe(-1);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses a minimum support outside (0, 1], a bad length or cap, and no baskets', () => {
    for (const minSupport of [0, -0.1, 1.5, NaN]) {
      const error = userErrorOf(() => mineItemsets(SHOP, options(minSupport)));
      expect(error.code).toBe('bad-option');
      expect(error.message).toMatch(/minimum support must be/);
    }
    for (const maxLen of [0, 2.5, 31]) {
      expect(userErrorOf(() => mineItemsets(SHOP, options(0.5, maxLen))).code).toBe('bad-option');
    }
    expect(userErrorOf(() => mineItemsets(SHOP, options(0.5, 3, 0))).code).toBe('bad-option');
    expect(userErrorOf(() => mineItemsets(basketsOf([]), options(0.5))).code).toBe('no-baskets');
  });

  it('stops past the cap on itemsets with a sentence asking for a higher minimum support', () => {
    const error = userErrorOf(() => mineItemsets(SHOP, options(0.4, 3, 6)));
    expect(error.code).toBe('too-many-itemsets');
    expect(error.message).toMatch(/More than 6 itemsets .* raise the minimum support/);
    expect(mineItemsets(SHOP, options(0.4, 3, 7)).count).toBe(7);
  });

  it('reports progress a few dozen times at most, rising, ending at 1', () => {
    const many = basketsOf(
      Array.from({ length: 400 }, (_, b) => [b % 97, (b * 7) % 101, (b * 13) % 89]),
    );
    const reports: number[] = [];
    mineItemsets(many, options(0.005), (fraction) => reports.push(fraction));
    expect(reports.length).toBeGreaterThan(5);
    expect(reports.length).toBeLessThanOrEqual(40);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBe(1);
  });
});
