/**
 * Itemsets stored as compressed rows: itemset i holds the item ids
 * `items[offsets[i]] .. items[offsets[i + 1] - 1]`, ascending.
 */
export interface ItemsetRows {
  offsets: Int32Array;
  items: Int32Array;
}

/**
 * An open-addressing hash table of itemset positions (slot value 1 + position, 0 empty), so that
 * an itemset is found in constant time: rules look up the count of every antecedent and
 * consequent. Plain typed arrays, so it crosses to and from a worker as it is.
 */
export function buildItemsetTable(rows: ItemsetRows): Int32Array {
  const { offsets, items } = rows;
  const count = offsets.length - 1;
  let size = 16;
  while (size < 2 * count) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size);
  for (let i = 0; i < count; i++) {
    let slot = hashItems(items, offsets[i], offsets[i + 1]) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = i + 1;
  }
  return table;
}

/** The position of the itemset `query[from..to)` (ascending item ids) in `rows`, or -1. */
export function findItemset(
  rows: ItemsetRows,
  table: Int32Array,
  query: ArrayLike<number>,
  from = 0,
  to = query.length,
): number {
  const { offsets, items } = rows;
  const mask = table.length - 1;
  const length = to - from;
  let slot = hashItems(query, from, to) & mask;
  for (let entry = table[slot]; entry !== 0; entry = table[slot]) {
    const i = entry - 1;
    const start = offsets[i];
    if (offsets[i + 1] - start === length) {
      let k = 0;
      while (k < length && items[start + k] === query[from + k]) k++;
      if (k === length) return i;
    }
    slot = (slot + 1) & mask;
  }
  return -1;
}

/** MurmurHash3's mixing over the item ids of one itemset. */
function hashItems(items: ArrayLike<number>, from: number, to: number): number {
  let h = 0x9747b28c ^ (to - from);
  for (let j = from; j < to; j++) {
    let k = Math.imul(items[j], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
