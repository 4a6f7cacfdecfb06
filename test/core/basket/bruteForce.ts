import fc from 'fast-check';
import type { Baskets } from '../../../src/core/basket/baskets';

/** Baskets from lists of item ids (sorted and de-duplicated here), for tests. */
export function basketsOf(sets: number[][], itemCount?: number): Baskets {
  const cleaned = sets.map((set) => [...new Set(set)].sort((a, b) => a - b));
  const start = new Int32Array(cleaned.length + 1);
  cleaned.forEach((set, b) => (start[b + 1] = start[b] + set.length));
  const all = cleaned.flat();
  return {
    basketCount: cleaned.length,
    itemCount: itemCount ?? (all.length === 0 ? 0 : Math.max(...all) + 1),
    start,
    items: Int32Array.from(all),
    basketOrder: Int32Array.from(cleaned, (_, b) => b),
    basketCustomer: Int32Array.from(cleaned, (_, b) => b),
    linesUsed: sets.reduce((sum, set) => sum + set.length, 0),
    linesWithoutItem: 0,
  };
}

const setsOf = new WeakMap<Baskets, Set<number>[]>();

export function basketSets(baskets: Baskets): number[][] {
  return Array.from({ length: baskets.basketCount }, (_, b) =>
    Array.from(baskets.items.subarray(baskets.start[b], baskets.start[b + 1])),
  );
}

/** Baskets holding every item of `items`, counted one basket at a time. */
export function countWith(baskets: Baskets, items: readonly number[]): number {
  let sets = setsOf.get(baskets);
  if (sets === undefined) setsOf.set(baskets, (sets = basketSets(baskets).map((s) => new Set(s))));
  return sets.filter((set) => items.every((item) => set.has(item))).length;
}

/**
 * Every frequent itemset by enumeration, under mlxtend's rule written out independently: a single
 * item needs count / n >= s; a longer itemset also needs count >= ceil(s * n), unless the
 * baskets' frequent items form one chain under inclusion (mlxtend's tree is then one path).
 * Keys are the item ids joined by commas, ascending.
 */
export function bruteForceItemsets(
  baskets: Baskets,
  minSupport: number,
  maxLen: number,
): Map<string, number> {
  const n = baskets.basketCount;
  const sets = basketSets(baskets);
  const items = [...new Set(sets.flat())].sort((a, b) => a - b);
  const single = items.filter((item) => countWith(baskets, [item]) / n >= minSupport);
  const restricted = sets
    .map((set) => set.filter((item) => single.includes(item)))
    .sort((a, b) => a.length - b.length);
  const chain = restricted.every(
    (set, i) => i === 0 || restricted[i - 1].every((item) => set.includes(item)),
  );
  const found = new Map<string, number>();
  const extend = (prefix: number[], from: number) => {
    for (let i = from; i < single.length; i++) {
      const itemset = [...prefix, single[i]];
      const count = countWith(baskets, itemset);
      const frequent =
        count / n >= minSupport &&
        (itemset.length === 1 || chain || count >= Math.ceil(minSupport * n));
      if (!frequent) continue;
      found.set(itemset.join(','), count);
      if (itemset.length < maxLen) extend(itemset, i + 1);
    }
  };
  extend([], 0);
  return found;
}

/** Small random basket sets: up to `items` item ids, some baskets empty, some repeated. */
export const arbitraryBaskets = (items = 8, maxBaskets = 40) =>
  fc
    .array(fc.uniqueArray(fc.integer({ min: 0, max: items - 1 }), { maxLength: items }), {
      minLength: 1,
      maxLength: maxBaskets,
    })
    .map((sets) => basketsOf(sets.filter((set) => set.length > 0).concat([[0]]), items));
