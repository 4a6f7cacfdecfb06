import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import {
  cellText,
  columnIndex,
  isMissing,
  MISSING_CODE,
  NUMBER_CODE,
  requireColumn,
  ROW_LONG,
  ROW_OK,
  ROW_QUOTES,
  ROW_SHORT,
  ROW_STATUS_NAMES,
  rowSourceText,
  type Column,
  type RowTextStore,
} from '../../../src/core/read/table';

/** A column of numbers only (codes null): NaN is missing. */
const numeric: Column = {
  name: 'spend',
  numbers: Float64Array.from([12.5, NaN, 1]),
  codes: null,
  texts: [],
  textCounts: [],
  missingCount: 1,
  numberCount: 2,
  unit: null,
};

/** A mixed column: a text, a number, a missing cell, the text again. */
const mixed: Column = {
  name: 'city',
  numbers: Float64Array.from([NaN, 7, NaN, NaN]),
  codes: Int32Array.from([0, NUMBER_CODE, MISSING_CODE, 0]),
  texts: ['Paris'],
  textCounts: [2],
  missingCount: 1,
  numberCount: 1,
  unit: null,
};

describe('isMissing', () => {
  it('reads NaN as missing in a numeric column, and the missing code in a mixed one', () => {
    expect([0, 1, 2].map((row) => isMissing(numeric, row))).toEqual([false, true, false]);
    // A text is NaN in `numbers` but not missing.
    expect([0, 1, 2, 3].map((row) => isMissing(mixed, row))).toEqual([false, false, true, false]);
  });
});

describe('cellText', () => {
  it('gives the text of a text cell, the number as written by String, and "" when missing', () => {
    expect([0, 1, 2].map((row) => cellText(numeric, row))).toEqual(['12.5', '', '1']);
    expect([0, 1, 2, 3].map((row) => cellText(mixed, row))).toEqual(['Paris', '7', '', 'Paris']);
  });
});

describe('row status', () => {
  it('names each status at its code', () => {
    expect(ROW_STATUS_NAMES[ROW_OK]).toBe('ok');
    expect(ROW_STATUS_NAMES[ROW_SHORT]).toBe('short');
    expect(ROW_STATUS_NAMES[ROW_LONG]).toBe('long');
    expect(ROW_STATUS_NAMES[ROW_QUOTES]).toBe('quotes');
  });
});

describe('rowSourceText', () => {
  // Three chunks; the second holds no record (its text was carried into the third whole).
  const store: RowTextStore = {
    chunks: ['a,1\nb,2\n', '"c', '"c\n",3\nd,4'],
    chunkFirstRow: [0, 2, 2, 4],
    start: Uint32Array.from([0, 4, 0, 7]),
    end: Uint32Array.from([4, 8, 7, 10]),
    line: Uint32Array.from([2, 3, 4, 6]),
    file: null,
  };

  it('finds each record in its own chunk and leaves out the line ending', () => {
    expect([0, 1, 2, 3].map((row) => rowSourceText(store, row))).toEqual([
      'a,1',
      'b,2',
      '"c\n",3',
      'd,4',
    ]);
  });

  it('is the original text of every row read from a file, across many chunks', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i},"x\n${i}",ü${i}`);
    const table = await readCsv(textSource(`id,a,b\r\n${lines.join('\r\n')}\r\n`), {
      chunkBytes: 16,
    });
    expect(table.rowText.chunks.length).toBeGreaterThan(20);
    for (let row = 0; row < 60; row++) expect(rowSourceText(table.rowText, row)).toBe(lines[row]);
  });
});

describe('columnIndex and requireColumn', () => {
  it('find a column by its exact name', async () => {
    const table = await readCsv(textSource('id,Spend\n1,2\n'));
    expect(columnIndex(table, 'Spend')).toBe(1);
    expect(columnIndex(table, 'spend')).toBe(-1);
    expect(requireColumn(table, 'id', 'bad-option')).toBe(0);
  });

  it('refuse a name the table lacks with the code given and the names to choose from', async () => {
    const table = await readCsv(textSource('id,Spend\n1,2\n'));
    expect(() => requireColumn(table, 'spend', 'bad-mapping')).toThrow(
      expect.objectContaining({
        name: 'UserError',
        code: 'bad-mapping',
        message: 'There is no column named "spend": choose among id, Spend.',
      }),
    );
  });
});
