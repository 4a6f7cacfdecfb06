import { describe, expect, it } from 'vitest';
import { cancellationRule, isCancellation } from '../../../src/core/rfm/cancellations';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { columnIndex } from '../../../src/core/read/table';

/** Per line of an order column: is it a cancellation, given its quantity? */
async function cancelled(ids: string[], quantities: number[], setting?: 'auto' | 'off') {
  const table = await readCsv(textSource(['o', ...ids].join('\n')));
  const column = table.columns[columnIndex(table, 'o')];
  const rule = cancellationRule(column, setting);
  return ids.map((_, row) =>
    rule === null ? false : isCancellation(rule, column.codes?.[row] ?? -1, quantities[row]),
  );
}

describe('cancellationRule', () => {
  it('takes C + digits for a cancellation when the other ids are digits (Online Retail)', async () => {
    expect(await cancelled(['536365', 'C536379', '536366'], [1, 1, 1])).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('never takes an id that merely starts with C (a superstore export)', async () => {
    const ids = ['CA-2019-152156', 'US-2019-108966', 'CA-2018-138688'];
    expect(await cancelled(ids, [-1, 2, 3])).toEqual([false, false, false]);
  });

  it('among other kinds of id, takes C + digits when the same id without C is there, or the quantity is negative', async () => {
    expect(await cancelled(['A-1', 'C100', '100', 'C200', 'C300'], [1, 1, 1, 1, -2])).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('keeps every line when switched off', async () => {
    expect(await cancelled(['536365', 'C536379'], [1, -1], 'off')).toEqual([false, false]);
  });
});
