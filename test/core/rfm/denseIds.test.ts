import { describe, expect, it } from 'vitest';
import { DenseIds, idOf, sortedIdOrder, textIds } from '../../../src/core/rfm/denseIds';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { MISSING_CODE, NUMBER_CODE, type Column } from '../../../src/core/read/table';

const textColumn = (texts: string[]): Column => ({
  name: 'id',
  numbers: new Float64Array(texts.length).fill(NaN),
  codes: Int32Array.from(texts, (_, i) => i),
  texts,
  textCounts: texts.map(() => 1),
  missingCount: 0,
  numberCount: 0,
  unit: null,
});

describe('DenseIds', () => {
  it('numbers keys 0, 1, 2, ... in order of first appearance', () => {
    const ids = new DenseIds();
    expect(['b', 'a', 'b', 'c'].map((key) => ids.ofKey(key))).toEqual([0, 1, 0, 2]);
    expect(ids.keys).toEqual(['b', 'a', 'c']);
    expect(ids.size).toBe(3);
  });

  it('gives a number the id of the text it is written as', () => {
    const ids = new DenseIds();
    expect(ids.ofKey('17850')).toBe(0);
    expect(ids.ofNumber(17850)).toBe(0);
    expect(ids.ofNumber(17850.5)).toBe(1);
    expect(ids.ofNumber(0)).toBe(ids.ofNumber(-0));
    expect(ids.keys).toEqual(['17850', '17850.5', '0']);
  });
});

describe('textIds', () => {
  it('reads integer-like texts (17850.0) as their integer, trimmed, blank as -1', () => {
    const ids = new DenseIds();
    const column = textColumn(['17850.0', ' 42 ', '', '-3.00', 'C12.0', '7.50']);
    expect(Array.from(textIds(column, ids))).toEqual([0, 1, -1, 2, 3, 4]);
    expect(ids.keys).toEqual(['17850', '42', '-3', 'C12.0', '7.50']);
    expect(ids.ofNumber(17850)).toBe(0);
  });

  it('keeps item codes as written, only trimmed', () => {
    const ids = new DenseIds();
    expect(Array.from(textIds(textColumn(['85123A', '71053.0 ', ' ']), ids, false))).toEqual([
      0, 1, -1,
    ]);
    expect(ids.keys).toEqual(['85123A', '71053.0']);
  });
});

describe('idOf', () => {
  it('gives a number, a text and a missing cell their ids', async () => {
    // Decimal commas: `17850.0` stays a text there, 17850 is a number.
    const table = await readCsv(textSource('id;x\n17850;1\n17850.0;2\n;3\nabc;4\n'), {
      decimal: ',',
    });
    const column = table.columns[0];
    expect(Array.from(column.codes!)).toEqual([NUMBER_CODE, 0, MISSING_CODE, 1]);
    const ids = new DenseIds();
    const ofText = textIds(column, ids);
    expect([0, 1, 2, 3].map((row) => idOf(column, row, ids, ofText))).toEqual([0, 0, -1, 1]);
    expect(ids.keys).toEqual(['17850', 'abc']);
  });

  it('takes NaN in a column of numbers only as missing', () => {
    const column: Column = { ...textColumn([]), numbers: Float64Array.from([5, NaN]), codes: null };
    const ids = new DenseIds();
    expect([0, 1].map((row) => idOf(column, row, ids, new Int32Array(0)))).toEqual([0, -1]);
  });
});

describe('sortedIdOrder', () => {
  const sorted = (ids: string[]) => sortedIdOrder(ids).map((i) => ids[i]);

  it('sorts ids that are all numbers numerically', () => {
    expect(sorted(['10', '9', '-5', '2.5', '100'])).toEqual(['-5', '2.5', '9', '10', '100']);
  });

  it('sorts other ids as text with numbers inside read as numbers', () => {
    expect(sorted(['c10', 'c9', 'b', 'a1'])).toEqual(['a1', 'b', 'c9', 'c10']);
    expect(sorted(['10', 'x', '9'])).toEqual(['9', '10', 'x']);
  });

  it('breaks ties by code units, so the order is total', () => {
    expect(sorted(['1.0', '1'])).toEqual(['1', '1.0']);
    expect(sorted(['1', '01', 'x'])).toEqual(['01', '1', 'x']);
  });

  it('gives the positions of the ids, each once', () => {
    const order = sortedIdOrder(['b', 'a', 'c']);
    expect(order).toEqual([1, 0, 2]);
    expect(sortedIdOrder([])).toEqual([]);
  });
});
