import { describe, expect, it } from 'vitest';
import { message, type Message } from '../../../src/core/common/message';
import type { Dialect } from '../../../src/core/read/dialect';
import {
  ROW_LONG,
  ROW_OK,
  ROW_QUOTES,
  ROW_SHORT,
  rowSourceText,
} from '../../../src/core/read/table';
import { TableBuilder } from '../../../src/core/read/tableBuilder';
import { englishText } from '../../../src/i18n/formatMessage';

const COMMA: Dialect = { delimiter: ',', decimal: '.', hasHeader: true };
const VALID_UTF8 = message('encodingValidUtf8');
const english = (notes: Message[]) => notes.map(englishText);
const fieldCount = (count: number, expected: number) =>
  message('rowFieldCount', { count, expected });

/**
 * Feeds a builder one chunk of lines, as readRecords would: each line a record with its offsets
 * (null fields for a line with broken quotes, '' for a blank line).
 */
function tableOf(
  lines: (string | null | { text: string; fields: string[] | null; warning?: Message })[],
  dialect: Dialect = COMMA,
  estimatedRows = 4,
) {
  const builder = new TableBuilder(dialect, estimatedRows);
  const texts = lines.map((line) =>
    line === null ? '' : typeof line === 'string' ? line : line.text,
  );
  const chunk = texts.map((text) => text + '\n').join('');
  builder.chunk(chunk, null);
  let offset = 0;
  lines.forEach((line, i) => {
    const text = texts[i];
    const end = offset + text.length + 1;
    if (line === null) builder.blankLine();
    else if (typeof line === 'string') builder.record(line.split(','), offset, end, i + 1);
    else builder.record(line.fields, offset, end, i + 1, line.warning);
    offset = end;
  });
  return builder.finish('utf-8', VALID_UTF8, chunk.length);
}

describe('TableBuilder', () => {
  it('names the columns from the header and fills them row by row', () => {
    const table = tableOf(['id,spend,city', '1,12.5,Paris', '2,,Lyon']);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'spend', 'city']);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.columns[1].numbers)).toEqual([12.5, NaN]);
    expect(table.columns[2].texts).toEqual(['Paris', 'Lyon']);
    expect(Array.from(table.rowStatus)).toEqual([ROW_OK, ROW_OK]);
    expect(table.issues).toEqual([]);
    expect(table.notes).toEqual([]);
    expect(table.dialect).toBe(COMMA);
    expect([table.encoding, table.encodingReason, table.byteLength]).toEqual([
      'utf-8',
      VALID_UTF8,
      'id,spend,city\n1,12.5,Paris\n2,,Lyon\n'.length,
    ]);
  });

  it('keeps where each record lies: its text, its line and its chunk', () => {
    const table = tableOf(['a,b', '1,2', null, '3,4']);
    expect(Array.from(table.rowText.start)).toEqual([4, 9]);
    expect(Array.from(table.rowText.end)).toEqual([8, 13]);
    expect(Array.from(table.rowText.line)).toEqual([2, 4]);
    expect(table.rowText.chunkFirstRow).toEqual([0, 2]);
    expect([0, 1].map((row) => rowSourceText(table.rowText, row))).toEqual(['1,2', '3,4']);
  });

  it('reads the first row as data when the dialect says there is no header', () => {
    const table = tableOf(['1,2', '3,4'], { ...COMMA, hasHeader: false });
    expect(table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.columns[0].numbers)).toEqual([1, 3]);
    expect(Array.from(table.rowText.line)).toEqual([1, 2]);
    expect(table.notes).toEqual([message('noteNumericHeader')]);
    expect(english(table.notes)).toEqual([
      'The first row holds numbers, not names: the columns are named column_1, column_2, ...',
    ]);
  });

  it('reads with the dialect decimal separator', () => {
    const semicolons = (text: string) => ({ text, fields: text.split(';') });
    const table = tableOf([semicolons('a;b'), semicolons('12,5;1'), semicolons('1.234,5;2')], {
      delimiter: ';',
      decimal: ',',
      hasHeader: true,
    });
    expect(Array.from(table.columns[0].numbers)).toEqual([12.5, 1234.5]);
    expect(table.columns[0].codes).toBeNull();
  });

  it('keeps a short row in place, its gaps missing, and says how many fields it had', () => {
    const table = tableOf(['a,b,c', '1', '4,5', '7,8,9']);
    expect(Array.from(table.rowStatus)).toEqual([ROW_SHORT, ROW_SHORT, ROW_OK]);
    expect(table.issues).toEqual([
      { row: 0, line: 2, reason: fieldCount(1, 3) },
      { row: 1, line: 3, reason: fieldCount(2, 3) },
    ]);
    expect(table.issues.map((issue) => englishText(issue.reason))).toEqual([
      '1 field where the header has 3',
      '2 fields where the header has 3',
    ]);
    expect(Array.from(table.columns[0].numbers)).toEqual([1, 4, 7]);
    expect(Array.from(table.columns[1].numbers)).toEqual([NaN, 5, 8]);
    expect(Array.from(table.columns[2].numbers)).toEqual([NaN, NaN, 9]);
  });

  it('puts nothing of a long row into the columns', () => {
    const table = tableOf(['a,b', '1,2,3', '4,5']);
    expect(Array.from(table.rowStatus)).toEqual([ROW_LONG, ROW_OK]);
    expect(table.issues).toEqual([{ row: 0, line: 2, reason: fieldCount(3, 2) }]);
    expect(englishText(table.issues[0].reason)).toBe('3 fields where the header has 2');
    expect(Array.from(table.columns[0].numbers)).toEqual([NaN, 4]);
    expect(table.columns[0].missingCount).toBe(1);
  });

  it('ignores extra empty fields at the end of a row, and says so once', () => {
    const table = tableOf(['a,b', '1,2,,', '3,4, ', '5,6']);
    expect(Array.from(table.rowStatus)).toEqual([ROW_OK, ROW_OK, ROW_OK]);
    expect(Array.from(table.columns[1].numbers)).toEqual([2, 4, 6]);
    expect(table.notes).toEqual([message('noteExtraEmptyFields', { count: 2 })]);
    expect(english(table.notes)).toEqual([
      '2 rows end with extra empty fields; they were ignored.',
    ]);
    expect(english(tableOf(['a', '1,']).notes)).toEqual([
      '1 row ends with extra empty fields; they were ignored.',
    ]);
  });

  it('sets aside a record with broken quotes, every cell missing', () => {
    const table = tableOf(['a,b', { text: '1,"open', fields: null }, '3,4']);
    expect(Array.from(table.rowStatus)).toEqual([ROW_QUOTES, ROW_OK]);
    expect(table.issues).toEqual([{ row: 0, line: 2, reason: message('rowQuotes') }]);
    expect(table.columns[0].missingCount).toBe(1);
  });

  it('keeps a record with a warning, and lists the first five lines in one note', () => {
    const odd = message('rowStrayQuote');
    const warned = (i: number) => ({ text: `${i},x"`, fields: [String(i), 'x"'], warning: odd });
    const one = tableOf(['a,b', warned(1), '2,y']);
    expect(Array.from(one.rowStatus)).toEqual([ROW_OK, ROW_OK]);
    expect(one.warnings).toEqual([{ row: 0, line: 2, reason: odd }]);
    expect(one.notes).toEqual([message('noteStrayQuotes', { count: 1, lines: '2' })]);
    expect(english(one.notes)).toEqual([
      '1 row has a quote inside an unquoted field (line 2); it was read as written.',
    ]);
    const many = tableOf(['a,b', ...Array.from({ length: 7 }, (_, i) => warned(i))]);
    expect(many.warnings).toHaveLength(7);
    expect(many.notes).toEqual([
      message('noteStrayQuotes', { count: 7, lines: '2, 3, 4, 5, 6, ...' }),
    ]);
    expect(english(many.notes)).toEqual([
      '7 rows have a quote inside an unquoted field (line 2, 3, 4, 5, 6, ...); they were read as written.',
    ]);
  });

  it('counts blank lines in a note', () => {
    expect(tableOf(['a', null, '1']).notes).toEqual([message('noteBlankLines', { count: 1 })]);
    expect(english(tableOf(['a', null, '1']).notes)).toEqual(['Skipped 1 blank line.']);
    const table = tableOf(['a', null, '1', null, null]);
    expect(table.blankLines).toBe(3);
    expect(english(table.notes)).toEqual(['Skipped 3 blank lines.']);
  });

  it('drops empty unnamed columns at the end, and counts only the unnamed ones that stay', () => {
    const dropped = tableOf(['a,,', '1,,', '2,,']);
    expect(dropped.columns.map((c) => c.name)).toEqual(['a']);
    expect(dropped.notes).toEqual([message('noteDroppedEmptyColumns', { count: 2 })]);
    expect(english(dropped.notes)).toEqual([
      'Dropped 2 empty columns without a name at the end of each row.',
    ]);
    const kept = tableOf(['a,,b,', '1,5,2,', '3,6,4,']);
    expect(kept.columns.map((c) => c.name)).toEqual(['a', 'column_2', 'b']);
    expect(kept.notes).toEqual([
      message('noteUnnamedColumns', { count: 1 }),
      message('noteDroppedEmptyColumns', { count: 1 }),
    ]);
    expect(english(kept.notes)).toEqual([
      '1 column has no name and got one (column_N).',
      'Dropped 1 empty column without a name at the end of each row.',
    ]);
    // An unnamed last column with a value in it stays; so does a named empty one.
    expect(tableOf(['a,', '1,', '2,x']).columns.map((c) => c.name)).toEqual(['a', 'column_2']);
    expect(tableOf(['a,b', '1,', '2,']).columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('grows past its estimate and keeps every row', () => {
    const lines = [
      'x,y',
      ...Array.from({ length: 500 }, (_, i) => (i === 2 ? '2' : `${i},${i % 3 === 0 ? 'a' : i}`)),
    ];
    const table = tableOf(lines, COMMA, 1);
    expect(table.rowCount).toBe(500);
    // The status of a row set before the arrays grew is kept.
    const notOk = Array.from(table.rowStatus).flatMap((status, row) =>
      status === ROW_OK ? [] : [row],
    );
    expect(notOk).toEqual([2]);
    expect(table.columns[0].numbers[499]).toBe(499);
    expect(table.columns[1].codes![498]).toBe(0);
    // Lines and texts recorded before each growth are kept.
    expect(Array.from(table.rowText.line)).toEqual(Array.from({ length: 500 }, (_, i) => i + 2));
    for (let row = 0; row < 500; row++)
      expect(rowSourceText(table.rowText, row)).toBe(lines[row + 1]);
  });

  it('lists the first 10 000 issues and counts the rest in a note', () => {
    const lines = ['a,b', ...Array.from({ length: 10_003 }, (_, i) => String(i))];
    const table = tableOf(lines, COMMA, 16);
    expect(table.issues).toHaveLength(10_000);
    expect(table.issues.at(-1)).toEqual({
      row: 9999,
      line: 10_001,
      reason: fieldCount(1, 2),
    });
    expect(table.notes).toEqual([message('noteManyIssues', { count: 10_003, listed: 10_000 })]);
    expect(english(table.notes)).toEqual([
      '10003 rows could not be read; the first 10000 are listed.',
    ]);
    expect(table.rowStatus[10_002]).toBe(ROW_SHORT);
  });

  it('refuses a file without text, a header without rows, and a header with broken quotes', () => {
    expect(() => new TableBuilder(COMMA, 4).finish('utf-8', VALID_UTF8, 0)).toThrow(
      expect.objectContaining({ code: 'empty-file', sentence: message('readNoText') }),
    );
    expect(() => tableOf(['a,b'])).toThrow(
      expect.objectContaining({
        code: 'no-rows',
        sentence: message('readNoRows'),
        message:
          'This file has a header but no rows of data: add rows below the header and try again.',
      }),
    );
    expect(() => tableOf([null, { text: '"a,b', fields: null }, '1,2'])).toThrow(
      expect.objectContaining({
        code: 'not-csv',
        sentence: message('readHeaderQuotes', { line: 2 }),
        message: expect.stringContaining('The header (line 2) has unbalanced quotes'),
      }),
    );
  });
});

describe('TableBuilder.numberRecords', () => {
  /** The lines as records of plain numbers, one at a time or (after the header) as one run. */
  function built(lines: string[], asRun: boolean, estimatedRows = 2) {
    const builder = new TableBuilder(COMMA, estimatedRows);
    const chunk = lines.map((line) => line + '\n').join('');
    builder.chunk(chunk, null);
    const records = new Int32Array(lines.length * 6);
    const values: number[] = [];
    let offset = 0;
    lines.forEach((line, i) => {
      records.set([values.length, 0, offset, offset + line.length + 1, i + 1, 0], i * 6);
      if (i > 0) values.push(...line.split(',').map(Number));
      offset += line.length + 1;
    });
    builder.record(lines[0].split(','), 0, lines[0].length + 1, 1);
    const width = lines[0].split(',').length;
    if (asRun) {
      expect(
        builder.numberRecords(new Float64Array(values), 0, width, records, 1, lines.length - 1),
      ).toBe(true);
    } else {
      for (let i = 1; i < lines.length; i++) {
        const at = i * 6;
        builder.record(lines[i].split(','), records[at + 2], records[at + 3], records[at + 4]);
      }
    }
    return builder.finish('utf-8', VALID_UTF8, chunk.length);
  }

  it('fills rows, columns, offsets and lines as record() does, growing past its estimate', () => {
    const lines = ['a,b,c', '1,2.5,-3', '4,5,6', '7,8.25,9', '0,-0,1e3'];
    const table = built(lines, true);
    expect(table).toEqual(built(lines, false));
    expect(Array.from(table.columns[1].numbers)).toEqual([2.5, 5, 8.25, -0]);
    expect(Array.from(table.rowText.line)).toEqual([2, 3, 4, 5]);
    expect(table.columns.map((column) => column.numberCount)).toEqual([4, 4, 4]);
  });

  it('declines records of another width, and records before the header', () => {
    const builder = new TableBuilder(COMMA, 4);
    builder.chunk('a,b\n1,2,3\n', null);
    const records = new Int32Array([0, 3, 4, 10, 2, 4]);
    const values = new Float64Array([1, 2, 3]);
    expect(builder.numberRecords(values, 0, 3, records, 0, 1)).toBe(false);
    builder.record(['a', 'b'], 0, 4, 1);
    expect(builder.numberRecords(values, 0, 3, records, 0, 1)).toBe(false);
    expect(builder.numberRecords(values, 0, 2, records, 0, 1)).toBe(true);
  });
});
