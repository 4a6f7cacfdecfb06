import { describe, expect, it } from 'vitest';
import { ItemsetBuffer } from '../../../src/core/basket/itemsetBuffer';

describe('ItemsetBuffer', () => {
  it('gives the itemsets back shortest first, in the order added within a length', () => {
    const buffer = new ItemsetBuffer();
    buffer.add(Int32Array.from([1, 2, 9]), 2, 5);
    buffer.add(Int32Array.from([4]), 1, 8);
    buffer.add(Int32Array.from([1, 2, 3]), 3, 2);
    buffer.add(Int32Array.from([7]), 1, 6);
    const rows = buffer.byLength();
    expect(buffer.count).toBe(4);
    expect(Array.from(rows.offsets)).toEqual([0, 1, 2, 4, 7]);
    expect(Array.from(rows.items)).toEqual([4, 7, 1, 2, 1, 2, 3]);
    expect(Array.from(rows.counts)).toEqual([8, 6, 5, 2]);
  });

  it('grows past its first size and copies nothing wrong', () => {
    const buffer = new ItemsetBuffer();
    for (let i = 0; i < 5000; i++) buffer.add(Int32Array.from([i, i + 1]), 1 + (i % 2), i);
    const rows = buffer.byLength();
    expect(rows.counts[0]).toBe(0);
    expect(rows.counts[2499]).toBe(4998);
    expect(rows.counts[2500]).toBe(1);
    expect(Array.from(rows.items.subarray(rows.offsets[2500], rows.offsets[2501]))).toEqual([1, 2]);
    expect(new ItemsetBuffer().byLength().offsets).toEqual(new Int32Array(1));
  });
});
