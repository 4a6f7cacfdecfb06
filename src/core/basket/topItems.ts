import type { Baskets } from './baskets';

/** Per item id, the baskets that hold it (an item counts once per basket, whatever the quantity). */
export function itemBasketCounts(baskets: Baskets): Int32Array {
  const counts = new Int32Array(baskets.itemCount);
  for (let j = 0; j < baskets.items.length; j++) counts[baskets.items[j]]++;
  return counts;
}

/** How many items are in at least one basket. */
export function itemsInBaskets(counts: Int32Array): number {
  let items = 0;
  for (let item = 0; item < counts.length; item++) if (counts[item] > 0) items++;
  return items;
}

/**
 * The ids of the `limit` items in the most baskets, most first; ties in item id order (the order
 * the file first names them). Items in no basket are left out.
 */
export function topItems(counts: Int32Array, limit: number): Int32Array {
  const present = new Int32Array(itemsInBaskets(counts));
  for (let item = 0, p = 0; item < counts.length; item++) if (counts[item] > 0) present[p++] = item;
  present.sort((a, b) => counts[b] - counts[a] || a - b);
  return present.slice(0, Math.max(0, limit));
}
