/** A value of a column and how many cells hold it (the Columns table's top values). */
export interface TopValue {
  value: string;
  count: number;
}

/** A column's numbers as NumberTally.countColumn finds them (min Infinity when there are none). */
export interface CountedNumbers {
  numbers: number;
  sum: number;
  min: number;
  max: number;
}

const HASH_SCRATCH = new Float64Array(1);
const HASH_WORDS = new Uint32Array(HASH_SCRATCH.buffer);
/** The table doubles when more than this share of its slots is taken (linear probing stays short). */
const MAX_LOAD = 0.7;
const FIRST_CAPACITY = 1024;

/** A table past this many distinct numbers no longer fits the processor's caches. */
const CACHED_DISTINCT = 1 << 16;
/** The partitions' average size: each one's table then stays in cache. */
const PARTITION_ROWS = 1 << 12;

/**
 * How often each distinct number of a column occurs: open addressing with linear probing, grown
 * as distinct numbers arrive rather than sized by the rows up front, and cleared for the next
 * column instead of made again. A column of ten million rows but a few hundred values takes a
 * few kilobytes, not 400 MB, and a file's columns share one table.
 *
 * A column of many distinct numbers (prices, measurements) is counted differently: one table
 * for a million of them misses the caches at almost every row, so its numbers are first split
 * by their hash into partitions of a few thousand, and each partition is counted in a small
 * table of its own. Its top numbers, rarely asked for, are counted again partition by partition.
 */
export class NumberTally {
  private keys: Float64Array;
  private counts: Int32Array;
  private mask: number;
  /** Distinct numbers counted since the last clear. */
  distinct = 0;
  /** The numbers of the column counted last: how many, their sum and their range. */
  counted: CountedNumbers = { numbers: 0, sum: 0, min: Infinity, max: -Infinity };
  /** The column counted in partitions, kept to count again for `top`; null in one table. */
  private partitioned: { values: Float64Array; readable: Uint8Array | null } | null = null;

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
    this.partitioned = null;
    return this;
  }

  /**
   * Counts a column's numbers: NaN (no number) and unreadable rows are left out. On the way it
   * finds how many there are, their sum (in row order) and their range (`counted`), so that the
   * column's statistics need no pass of their own.
   */
  countColumn(values: Float64Array, readable: Uint8Array | null): this {
    const n = values.length;
    let numbers = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    // In blocks (of a partition's size), so that the check for a table grown too large costs
    // nothing per row. Once the column goes by partitions, the blocks left only add to `counted`.
    let inTable = true;
    for (let block = 0; block < n; block += PARTITION_ROWS) {
      const end = Math.min(n, block + PARTITION_ROWS);
      for (let i = block; i < end; i++) {
        const v = values[i];
        if (v !== v || (readable !== null && readable[i] === 0)) continue;
        numbers++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
        if (inTable) this.add(v);
      }
      if (inTable && this.distinct > CACHED_DISTINCT && end < n) {
        // Counting on in one table would miss the caches: the column goes by partitions.
        this.clear();
        this.partitioned = { values, readable };
        forEachPartition(values, readable, (_, __, distinct) => (this.distinct += distinct));
        inTable = false;
      }
    }
    this.counted = { numbers, sum, min, max };
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
    // The limit-th largest count: a number with fewer cannot be among the first `limit`.
    const best = new Int32Array(limit);
    this.forEachTable((_, counts) => {
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
    });
    const threshold = Math.max(1, best[limit - 1]);
    const top: TopValue[] = [];
    this.forEachTable((keys, counts) => {
      for (let slot = 0; slot < counts.length; slot++) {
        if (counts[slot] < threshold) continue;
        const candidate = { value: String(keys[slot]), count: counts[slot] };
        if (top.length === limit && byCountThenValue(candidate, top[limit - 1]) >= 0) continue;
        top.push(candidate);
        top.sort(byCountThenValue);
        if (top.length > limit) top.pop();
      }
    });
    return top;
  }

  /** Each table of counts: the one table, or each partition's in turn (count 0: an empty slot). */
  private forEachTable(visit: (keys: Float64Array, counts: Int32Array) => void): void {
    if (this.partitioned === null) visit(this.keys, this.counts);
    else forEachPartition(this.partitioned.values, this.partitioned.readable, visit);
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
 * Splits the column's numbers by the high bits of their hash into partitions of about
 * PARTITION_ROWS (a scratch copy of the numbers), counts each in a small table (slots by the
 * hash's low bits), and hands each table to `visit` with its number of distinct numbers. The
 * table is reused from partition to partition: `visit` must not keep it.
 */
function forEachPartition(
  values: Float64Array,
  readable: Uint8Array | null,
  visit: (keys: Float64Array, counts: Int32Array, distinct: number) => void,
): void {
  const n = values.length;
  let bits = 1;
  while (bits < 16 && n >> bits > PARTITION_ROWS) bits++;
  const shift = 32 - bits;
  // The numbers' bits read in place, as two words each (storing each double and reading it back
  // as words, as slotOf does, made the whole count about a quarter slower).
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  const starts = new Int32Array((1 << bits) + 1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v || (readable !== null && readable[i] === 0)) continue;
    starts[((v === 0 ? ZERO_HASH : mix(words[2 * i], words[2 * i + 1])) >>> shift) + 1]++;
  }
  let largest = 0;
  for (let p = 0; p < 1 << bits; p++) {
    if (starts[p + 1] > largest) largest = starts[p + 1];
    starts[p + 1] += starts[p];
  }
  const grouped = new Float64Array(starts[1 << bits]);
  const cursor = starts.slice(0, 1 << bits);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v || (readable !== null && readable[i] === 0)) continue;
    const hash = v === 0 ? ZERO_HASH : mix(words[2 * i], words[2 * i + 1]);
    grouped[cursor[hash >>> shift]++] = v === 0 ? 0 : v;
  }
  const groupedWords = new Uint32Array(grouped.buffer);
  // At most half full, even for the largest partition.
  let capacity = 16;
  while (capacity < largest * 2) capacity *= 2;
  const keys = new Float64Array(capacity);
  const counts = new Int32Array(capacity);
  for (let p = 0; p < 1 << bits; p++) {
    const from = starts[p];
    const to = starts[p + 1];
    if (from === to) continue;
    let size = 16;
    while (size < (to - from) * 2) size *= 2;
    const mask = size - 1;
    const partKeys = keys.subarray(0, size).fill(NaN);
    const partCounts = counts.subarray(0, size).fill(0);
    let distinct = 0;
    for (let i = from; i < to; i++) {
      const v = grouped[i];
      let slot = mix(groupedWords[2 * i], groupedWords[2 * i + 1]) & mask;
      for (;;) {
        const key = partKeys[slot];
        if (key === v) {
          partCounts[slot]++;
          break;
        }
        if (key !== key) {
          partKeys[slot] = v;
          partCounts[slot] = 1;
          distinct++;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    visit(partKeys, partCounts, distinct);
  }
}

/**
 * A well-mixed 32-bit hash of a double's bits. Whole numbers have zero low mantissa bits, so
 * the words are mixed (murmur3's finaliser) before the table takes the low bits as a slot.
 */
function slotOf(v: number): number {
  HASH_SCRATCH[0] = v;
  return mix(HASH_WORDS[0], HASH_WORDS[1]);
}

/** The hash of a double from its low and high words. */
function mix(low: number, high: number): number {
  let h = Math.imul(low, 0x9e3779b1) ^ high;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of 0, which -0 shares. */
const ZERO_HASH = mix(0, 0);

export const byCountThenValue = (a: TopValue, b: TopValue) =>
  b.count - a.count || (a.value < b.value ? -1 : 1);
