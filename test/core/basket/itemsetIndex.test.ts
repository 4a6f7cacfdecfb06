import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItemsetTable, findItemset } from '../../../src/core/basket/itemsetIndex';

function rowsOf(sets: number[][]) {
  const offsets = new Int32Array(sets.length + 1);
  sets.forEach((set, i) => (offsets[i + 1] = offsets[i] + set.length));
  return { offsets, items: Int32Array.from(sets.flat()) };
}

describe('itemset index', () => {
  it('finds each itemset by its items, in part of a longer array too, and nothing else', () => {
    const rows = rowsOf([[1], [2], [1, 2], [1, 2, 7], [3, 5]]);
    const table = buildItemsetTable(rows);
    expect(findItemset(rows, table, [1, 2])).toBe(2);
    expect(findItemset(rows, table, [1, 2, 7])).toBe(3);
    expect(findItemset(rows, table, [9, 3, 5, 9], 1, 3)).toBe(4);
    expect(findItemset(rows, table, [2, 1])).toBe(-1);
    expect(findItemset(rows, table, [1, 2, 8])).toBe(-1);
    expect(findItemset(rows, table, [])).toBe(-1);
    expect(findItemset(rowsOf([]), buildItemsetTable(rowsOf([])), [1])).toBe(-1);
  });

  it('finds every one of many random itemsets, and no itemset outside them (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 4 }), {
          maxLength: 300,
          selector: (set) => [...set].sort((a, b) => a - b).join(','),
        }),
        fc.uniqueArray(fc.nat(40), { minLength: 1, maxLength: 4 }),
        (raw, probe) => {
          const sets = raw.map((set) => [...set].sort((a, b) => a - b));
          const rows = rowsOf(sets);
          const table = buildItemsetTable(rows);
          sets.forEach((set, i) => expect(findItemset(rows, table, set)).toBe(i));
          const sortedProbe = [...probe].sort((a, b) => a - b);
          const at = sets.findIndex((set) => set.join(',') === sortedProbe.join(','));
          expect(findItemset(rows, table, sortedProbe)).toBe(at);
        },
      ),
    );
  });
});
