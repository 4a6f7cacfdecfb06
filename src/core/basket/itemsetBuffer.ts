import type { ItemsetRows } from './itemsetIndex';

/** Itemsets gathered one by one into typed arrays grown by doubling. */
export class ItemsetBuffer {
  private items = new Int32Array(4096);
  private offsets = new Int32Array(1024);
  private counts = new Int32Array(1024);
  count = 0;

  /** Adds `items[0..length)` (item ids, ascending) found in `count` baskets. */
  add(items: Int32Array, length: number, count: number): void {
    const at = this.offsets[this.count];
    if (at + length > this.items.length) {
      const bigger = new Int32Array(this.items.length * 2 + length);
      bigger.set(this.items);
      this.items = bigger;
    }
    if (this.count + 2 > this.offsets.length) {
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.items.set(items.subarray(0, length), at);
    this.counts[this.count] = count;
    this.offsets[++this.count] = at + length;
  }

  /** The itemsets, shortest first (in the order added within a length): a counting sort. */
  byLength(): ItemsetRows & { counts: Int32Array } {
    const { offsets, items, counts, count } = this;
    let longest = 0;
    for (let i = 0; i < count; i++) longest = Math.max(longest, offsets[i + 1] - offsets[i]);
    const firstOfLength = new Int32Array(longest + 2);
    for (let i = 0; i < count; i++) firstOfLength[offsets[i + 1] - offsets[i] + 1]++;
    for (let l = 1; l <= longest + 1; l++) firstOfLength[l] += firstOfLength[l - 1];
    const newOffsets = new Int32Array(count + 1);
    const newItems = new Int32Array(offsets[count]);
    const newCounts = new Int32Array(count);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[firstOfLength[offsets[i + 1] - offsets[i]]++] = i;
    for (let p = 0; p < count; p++) {
      const i = order[p];
      const from = offsets[i];
      const to = offsets[i + 1];
      newItems.set(items.subarray(from, to), newOffsets[p]);
      newOffsets[p + 1] = newOffsets[p] + to - from;
      newCounts[p] = counts[i];
    }
    return { offsets: newOffsets, items: newItems, counts: newCounts };
  }
}
