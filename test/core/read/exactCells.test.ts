import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import {
  exactCellText,
  hasRoundedIntegers,
  isRoundedInteger,
} from '../../../src/core/read/exactCells';
import { readCsv } from '../../../src/core/read/readCsv';
import { readParquet } from '../../../src/core/read/readParquet';
import { writeParquet } from '../../../scripts/generators/workbooks';

describe('exact cells', () => {
  it('tells the integers a double may round from every other number', () => {
    expect(isRoundedInteger(2 ** 53 - 1)).toBe(false);
    expect(isRoundedInteger(2 ** 53)).toBe(true);
    expect(isRoundedInteger(-(2 ** 60))).toBe(true);
    expect(isRoundedInteger(123.5)).toBe(false);
    expect(isRoundedInteger(NaN)).toBe(false);
    expect(isRoundedInteger(Infinity)).toBe(false);
  });

  it('reads a long id again as the CSV wrote it, quoted or not, in any dialect', async () => {
    const table = await readCsv(
      textSource(
        'name;id;spend\n"Ann; the first";1234567890123456001;12,5\nBob;"1234567890123456002";3,5\nCy;7;1\n',
      ),
    );
    const id = table.columns[1];
    expect(id.numbers[0]).toBe(id.numbers[1]);
    expect(hasRoundedIntegers(id)).toBe(true);
    expect(hasRoundedIntegers(table.columns[2])).toBe(false);
    expect(exactCellText(table, 1, 0)).toBe('1234567890123456001');
    expect(exactCellText(table, 1, 1)).toBe('1234567890123456002');
    expect(exactCellText(table, 0, 0)).toBe('Ann; the first');
  });

  it('reads a Parquet INT64 again with every digit', async () => {
    const bytes = writeParquet([
      { name: 'id', data: [9007199254740993n, 9007199254740994n], type: 'INT64' },
      { name: 'spend', data: [1.5, 2.5], type: 'DOUBLE' },
    ]);
    const table = await readParquet(bytesSource(bytes));
    expect(table.columns[0].numbers[0]).toBe(2 ** 53);
    expect(exactCellText(table, 0, 0)).toBe('9007199254740993');
    expect(exactCellText(table, 0, 1)).toBe('9007199254740994');
  });
});
