import { describe, expect, it } from 'vitest';
import {
  DROPPED_DUPLICATE,
  DROPPED_MISSING,
  KEPT,
  type CleanReport,
  type MissingStrategy,
} from '../../../src/core/clean/cleanOptions';
import { dropRowsWithMissing, fillValue } from '../../../src/core/clean/missingValues';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { columnIndex, type Table } from '../../../src/core/read/table';
import { message, type Message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const emptyReport = (): CleanReport => ({
  read: 0,
  kept: 0,
  dropped: { malformed: 0, duplicate: 0, missing: 0, outlier: 0 },
  imputed: [],
  clipped: [],
  missingCodes: [],
  sentinels: [],
  excluded: [],
  notes: [],
});

const feature = (table: Table, name: string) => ({ name, index: columnIndex(table, name) });
const noValueFor = (column: string) => message('detailMissing', { column });

describe('dropRowsWithMissing', () => {
  it('sets aside each kept row that misses a feature dropped when missing, naming the first', async () => {
    const table = await readCsv(textSource('x,y,z\n1,2,3\n,2,3\n1,,\n,,3\n'));
    const reason = new Uint8Array(4);
    const detail = new Map<number, Message>();
    dropRowsWithMissing(
      table,
      [feature(table, 'x'), feature(table, 'y'), feature(table, 'z')],
      [],
      () => 'drop',
      reason,
      detail,
    );
    expect(Array.from(reason)).toEqual([KEPT, DROPPED_MISSING, DROPPED_MISSING, DROPPED_MISSING]);
    expect([...detail].sort((a, b) => a[0] - b[0])).toEqual([
      [1, noValueFor('x')],
      [2, noValueFor('y')],
      [3, noValueFor('x')],
    ]);
    expect(englishText(detail.get(2)!)).toBe('no value for y');
  });

  it('leaves alone the features with another strategy, and rows already set aside', async () => {
    const table = await readCsv(textSource('x,y\n,1\n2,\n,\n'));
    const reason = Uint8Array.from([KEPT, KEPT, DROPPED_DUPLICATE]);
    const repeats = message('detailRepeats', { line: 2 });
    const detail = new Map([[2, repeats]]);
    const strategies = new Map<string, MissingStrategy>([
      ['x', 'mean'],
      ['y', 'drop'],
    ]);
    dropRowsWithMissing(
      table,
      [feature(table, 'x'), feature(table, 'y')],
      [],
      (name) => strategies.get(name)!,
      reason,
      detail,
    );
    expect(Array.from(reason)).toEqual([KEPT, DROPPED_MISSING, DROPPED_DUPLICATE]);
    expect(detail.get(2)).toBe(repeats);
  });

  it('takes a categorical cell as missing only when it is empty: a number there is a value', async () => {
    const table = await readCsv(textSource('c,x\nred,1\n7,2\n,3\nNA,4\n'));
    const reason = new Uint8Array(4);
    const detail = new Map<number, Message>();
    dropRowsWithMissing(table, [], [feature(table, 'c')], () => 'drop', reason, detail);
    expect(Array.from(reason)).toEqual([KEPT, KEPT, DROPPED_MISSING, DROPPED_MISSING]);
    expect(detail.get(2)).toEqual(noValueFor('c'));
  });

  it('sets aside a text in a numeric feature as not a number, saying so', async () => {
    const table = await readCsv(textSource('x,y\n1,a\nabc,b\n3,c\n'));
    const reason = new Uint8Array(3);
    const detail = new Map<number, Message>();
    dropRowsWithMissing(table, [feature(table, 'x')], [], () => 'drop', reason, detail);
    expect(Array.from(reason)).toEqual([KEPT, DROPPED_MISSING, KEPT]);
    expect(detail.get(1)).toEqual(message('detailNotANumber', { cell: 'abc', column: 'x' }));
  });

  it('reads a categorical column of numbers only by its numbers', async () => {
    const table = await readCsv(textSource('c,x\n1,1\n,2\n3,3\n'));
    const reason = new Uint8Array(3);
    dropRowsWithMissing(table, [], [feature(table, 'c')], () => 'drop', reason, new Map());
    expect(Array.from(reason)).toEqual([KEPT, DROPPED_MISSING, KEPT]);
  });
});

describe('fillValue', () => {
  const values = Float64Array.from([1, 2, 2, NaN, 10, 1000]);
  // The last row is set aside: its 1000 must not move the fill.
  const reason = Uint8Array.from([KEPT, KEPT, KEPT, KEPT, KEPT, DROPPED_DUPLICATE]);
  const fill = (strategy: MissingStrategy, constant = -1) => {
    const report = emptyReport();
    return { value: fillValue(values, reason, 'x', strategy, constant, report), report };
  };

  it('fills with the mean, median or mode of the kept values, or a constant', () => {
    expect(fill('mean').value).toBe(3.75);
    expect(fill('median').value).toBe(2);
    expect(fill('mode').value).toBe(2);
    expect(fill('constant', -1).value).toBe(-1);
    expect(fill('constant', 0).value).toBe(0);
  });

  it('reports the column, strategy, count and the value itself (the page formats it)', () => {
    expect(fill('mean').report.imputed).toEqual([
      { column: 'x', strategy: 'mean', count: 1, value: 3.75 },
    ]);
    const third = fillValue(
      Float64Array.from([0, 1, 1, NaN, NaN]),
      new Uint8Array(5),
      'y',
      'mean',
      0,
      emptyReport(),
    );
    expect(third).toBeCloseTo(2 / 3, 15);
    const report = emptyReport();
    fillValue(Float64Array.from([0, 1, 1, NaN, NaN]), new Uint8Array(5), 'y', 'mean', 0, report);
    expect(report.imputed).toEqual([{ column: 'y', strategy: 'mean', count: 2, value: third }]);
  });

  it('takes the smallest of the most frequent values as the mode', () => {
    const tie = Float64Array.from([5, 3, 5, 3, 9, NaN]);
    expect(fillValue(tie, new Uint8Array(6), 'x', 'mode', 0, emptyReport())).toBe(3);
    const negative = Float64Array.from([-2, -10, NaN]);
    expect(fillValue(negative, new Uint8Array(3), 'x', 'mode', 0, emptyReport())).toBe(-10);
  });

  it('gives NaN and reports nothing when no kept row is missing', () => {
    const report = emptyReport();
    const complete = Float64Array.from([1, NaN]);
    expect(
      fillValue(complete, Uint8Array.from([KEPT, DROPPED_MISSING]), 'x', 'mean', 0, report),
    ).toBeNaN();
    expect(report.imputed).toEqual([]);
  });

  // cleanRows leaves out a feature without numbers before rows are set aside, so a feature whose
  // values all lie on rows dropped later (duplicates, or missing in another feature) reaches
  // fillValue with no value on its kept rows: mean and median give NaN, mode gives undefined
  // (reported as "undefined"), and the NaN goes into the feature matrix. From a file:
  // 'x,y\n1,\n,2\n,3\n' with missing 'drop' and x filled by its mean gives x = NaN on every row.
  it.fails('never hands out NaN as a fill, even when no kept row has a value', () => {
    for (const strategy of ['mean', 'median', 'mode'] as const) {
      let outcome: unknown;
      try {
        outcome = fillValue(
          Float64Array.from([1, NaN, NaN]),
          Uint8Array.from([DROPPED_MISSING, KEPT, KEPT]),
          'x',
          strategy,
          0,
          emptyReport(),
        );
      } catch (error) {
        outcome = error;
      }
      expect(isUserError(outcome) || Number.isFinite(outcome), strategy).toBe(true);
    }
  });
});

describe('why a cell of a numeric feature is not a value (#20: "oops" was reported as missing)', () => {
  it('says "not a number" for a word and names a number out of range', async () => {
    const lines = ['a,b', ...Array.from({ length: 60 }, (_, i) => `${i % 7},${(i * 37) % 11}.5`)];
    lines[3] = '1,oops';
    lines[5] = '2,1e+308';
    lines[8] = '3,';
    const table = await readCsv(textSource(lines.join('\n')));
    const reason = new Uint8Array(table.rowCount);
    const detail = new Map<number, Message>();
    const b = { name: 'b', index: columnIndex(table, 'b') };
    dropRowsWithMissing(table, [b], [], () => 'drop', reason, detail);
    expect(englishText(detail.get(2)!)).toBe('not a number: "oops" in b');
    expect(englishText(detail.get(4)!)).toMatch(
      /^"1e\+308" in b is beyond the magnitudes analysed/,
    );
    expect(englishText(detail.get(7)!)).toBe('no value for b');
    expect(detail.size).toBe(3);
  });
});
