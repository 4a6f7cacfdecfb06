import type { Baskets } from './baskets';

/**
 * Counts the baskets that hold every item of any itemset, exactly, for itemsets that are not
 * frequent (so that mining did not count them). Each item's baskets become a bit set the first
 * time the item is asked about; a count is then an AND and a popcount over basketCount / 32
 * words per item.
 */
export class BasketCounter {
  private readonly itemStart: Int32Array;
  private readonly itemBaskets: Int32Array;
  private readonly words: number;
  private readonly bits = new Map<number, Uint32Array>();
  private readonly scratch: Uint32Array;

  constructor(private readonly baskets: Baskets) {
    const { start, items, basketCount, itemCount } = baskets;
    // Baskets per item, as compressed rows (an inverted index).
    this.itemStart = new Int32Array(itemCount + 1);
    for (let j = 0; j < items.length; j++) this.itemStart[items[j] + 1]++;
    for (let i = 0; i < itemCount; i++) this.itemStart[i + 1] += this.itemStart[i];
    const fill = this.itemStart.slice(0, itemCount);
    this.itemBaskets = new Int32Array(items.length);
    for (let b = 0; b < basketCount; b++) {
      for (let j = start[b]; j < start[b + 1]; j++) this.itemBaskets[fill[items[j]]++] = b;
    }
    this.words = (basketCount + 31) >>> 5;
    this.scratch = new Uint32Array(this.words);
  }

  get basketCount(): number {
    return this.baskets.basketCount;
  }

  /** Baskets holding every item of `items[from..to)` (all baskets for no item). */
  count(items: ArrayLike<number>, from = 0, to = items.length): number {
    if (to - from === 0) return this.baskets.basketCount;
    if (to - from === 1) return this.itemCountOf(items[from]);
    const scratch = this.scratch;
    scratch.set(this.bitsOf(items[from]));
    for (let k = from + 1; k < to; k++) {
      const other = this.bitsOf(items[k]);
      for (let w = 0; w < this.words; w++) scratch[w] &= other[w];
    }
    let count = 0;
    for (let w = 0; w < this.words; w++) count += popcount(scratch[w]);
    return count;
  }

  private itemCountOf(item: number): number {
    if (item < 0 || item >= this.baskets.itemCount) return 0;
    return this.itemStart[item + 1] - this.itemStart[item];
  }

  private bitsOf(item: number): Uint32Array {
    let bits = this.bits.get(item);
    if (bits === undefined) {
      bits = new Uint32Array(this.words);
      if (item >= 0 && item < this.baskets.itemCount) {
        for (let j = this.itemStart[item]; j < this.itemStart[item + 1]; j++) {
          const b = this.itemBaskets[j];
          bits[b >>> 5] |= 1 << (b & 31);
        }
      }
      this.bits.set(item, bits);
    }
    return bits;
  }
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
