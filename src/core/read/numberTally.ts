/** A value of a column and how many cells hold it (the Columns table's top values). */
export interface TopValue {
  value: string;
  count: number;
}

const HASH_SCRATCH = new Float64Array(1);
const HASH_WORDS = new Uint32Array(HASH_SCRATCH.buffer);
/** The table doubles when more than this share of its slots is taken (linear probing stays short). */
const MAX_LOAD = 0.7;
const FIRST_CAPACITY = 1024;

/**
 * How often each distinct number of a column occurs: open addressing with linear probing, grown
 * as distinct numbers arrive rather than sized by the rows up front, and cleared for the next
 * column instead of made again. A column of ten million rows but a few hundred values takes a
 * few kilobytes, not 400 MB, and a file's columns share one table.
 */
export class NumberTally {
  private keys: Float64Array;
  private counts: Int32Array;
  private mask: number;
  /** Distinct numbers counted since the last clear. */
  distinct = 0;

  constructor() {
    this.keys = new Float64Array(FIRST_CAPACITY).fill(NaN);
    this.counts = new Int32Array(FIRST_CAPACITY);
    this.mask = FIRST_CAPACITY - 1;
  }

  /** Forgets every number, keeping the space for the next column. */
  clear(): this {
    if (this.distinct > 0) {
      this.keys.fill(NaN);
      this.counts.fill(0);
      this.distinct = 0;
    }
    return this;
  }

  /** Counts a column's numbers: NaN (no number) and unreadable rows are left out. */
  countColumn(values: Float64Array, readable: Uint8Array | null): this {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v || (readable !== null && readable[i] === 0)) continue;
      this.add(v);
    }
    return this;
  }

  /** Counts one number (not NaN: NaN marks an empty slot). */
  add(value: number): void {
    // -0 and 0 are one number, as === says.
    const v = value === 0 ? 0 : value;
    const keys = this.keys;
    const mask = this.mask;
    let slot = slotOf(v) & mask;
    for (;;) {
      const key = keys[slot];
      if (key === v) {
        this.counts[slot]++;
        return;
      }
      if (key !== key) {
        keys[slot] = v;
        this.counts[slot] = 1;
        if (++this.distinct > keys.length * MAX_LOAD) this.grow();
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The `limit` most frequent numbers, ties broken by their text as the Columns table breaks them. */
  top(limit: number): TopValue[] {
    const { keys, counts } = this;
    // The limit-th largest count: a number with fewer cannot be among the first `limit`.
    const best = new Int32Array(limit);
    for (let slot = 0; slot < counts.length; slot++) {
      const count = counts[slot];
      if (count <= best[limit - 1]) continue;
      let at = limit - 1;
      while (at > 0 && best[at - 1] < count) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = count;
    }
    const threshold = Math.max(1, best[limit - 1]);
    const top: TopValue[] = [];
    for (let slot = 0; slot < counts.length; slot++) {
      if (counts[slot] < threshold) continue;
      const candidate = { value: String(keys[slot]), count: counts[slot] };
      if (top.length === limit && byCountThenValue(candidate, top[limit - 1]) >= 0) continue;
      top.push(candidate);
      top.sort(byCountThenValue);
      if (top.length > limit) top.pop();
    }
    return top;
  }

  private grow(): void {
    const { keys: oldKeys, counts: oldCounts } = this;
    const capacity = oldKeys.length * 2;
    const keys = new Float64Array(capacity).fill(NaN);
    const counts = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < oldKeys.length; old++) {
      const v = oldKeys[old];
      if (v !== v) continue;
      let slot = slotOf(v) & mask;
      while (keys[slot] === keys[slot]) slot = (slot + 1) & mask;
      keys[slot] = v;
      counts[slot] = oldCounts[old];
    }
    this.keys = keys;
    this.counts = counts;
    this.mask = mask;
  }
}

/**
 * A well-mixed 32-bit hash of a double's bits. Whole numbers have zero low mantissa bits, so
 * the words are mixed (murmur3's finaliser) before the table takes the low bits as a slot.
 */
function slotOf(v: number): number {
  HASH_SCRATCH[0] = v;
  let h = Math.imul(HASH_WORDS[0], 0x9e3779b1) ^ HASH_WORDS[1];
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const byCountThenValue = (a: TopValue, b: TopValue) =>
  b.count - a.count || (a.value < b.value ? -1 : 1);
