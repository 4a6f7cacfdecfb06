import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { message } from '../../../src/core/common/message';
import { CellsTableBuilder, type CellsTableSource } from '../../../src/core/read/cellsTable';
import { cellText, isMissing, rowSourceText, type Table } from '../../../src/core/read/table';
import { englishText } from '../../../src/i18n/formatMessage';

const source: CellsTableSource = {
  header: ['name', 'spend', 'when'],
  hasHeader: true,
  encodingReason: message('encodingParquet', { codecs: 'snappy' }),
  byteLength: 10,
  noRows: message('sheetNoRows', { sheet: 'Orders' }),
  notes: [],
};

const notesOf = (table: Table) => table.notes.map(englishText);

function build(rows: [number, (b: CellsTableBuilder) => void][], header = source.header): Table {
  const builder = new CellsTableBuilder(2);
  builder.ensureWidth(header.length);
  for (const [line, fill] of rows) {
    builder.beginRow(line);
    fill(builder);
    builder.endRow();
  }
  return builder.finish({ ...source, header });
}

describe('CellsTableBuilder', () => {
  it('builds the table a CSV gives: numbers as numbers, text dictionary-encoded, row text as CSV lines', () => {
    const table = build([
      [2, (b) => (b.text(0, 'Zoë, "the" first'), b.number(1, 12.5), b.text(2, '2024-01-02'))],
      [3, (b) => (b.text(0, 'José'), b.number(1, 0.1 + 0.2))],
      [5, (b) => (b.text(0, 'Zoë, "the" first'), b.text(1, '$1,234'), b.text(2, 'NA'))],
    ]);
    expect(table.columns.map((c) => c.name)).toEqual(['name', 'spend', 'when']);
    expect(table.rowCount).toBe(3);
    expect(table.columns[0].texts).toEqual(['Zoë, "the" first', 'José']);
    expect(Array.from(table.columns[1].numbers)).toEqual([12.5, 0.30000000000000004, 1234]);
    expect(table.columns[1].unit).toBe('$');
    expect(isMissing(table.columns[2], 1)).toBe(true);
    expect(isMissing(table.columns[2], 2)).toBe(true);
    expect(Array.from(table.rowText.line)).toEqual([2, 3, 5]);
    expect(rowSourceText(table.rowText, 0)).toBe('"Zoë, ""the"" first",12.5,2024-01-02');
    expect(rowSourceText(table.rowText, 1)).toBe('José,0.30000000000000004');
    expect(rowSourceText(table.rowText, 2)).toBe('"Zoë, ""the"" first","$1,234",NA');
    expect(table.dialect).toEqual({ delimiter: ',', decimal: '.', hasHeader: true });
    expect(table.encoding).toBe('utf-8');
    expect(Array.from(table.rowStatus)).toEqual([0, 0, 0]);
  });

  it('leaves skipped columns missing, pads short rows, and grows for cells past the header', () => {
    const table = build([
      [2, (b) => b.number(2, 7)],
      [3, (b) => (b.text(0, 'a'), b.number(4, 9))],
    ]);
    expect(table.columns.map((c) => c.name)).toEqual([
      'name',
      'spend',
      'when',
      'column_4',
      'column_5',
    ]);
    expect(notesOf(table)).toContain('2 columns have no name and got one (column_N).');
    expect(cellText(table.columns[2], 0)).toBe('7');
    expect(isMissing(table.columns[0], 0)).toBe(true);
    expect(isMissing(table.columns[4], 0)).toBe(true);
    expect(cellText(table.columns[4], 1)).toBe('9');
    expect(rowSourceText(table.rowText, 0)).toBe(',,7');
    expect(rowSourceText(table.rowText, 1)).toBe('a,,,,9');
  });

  it('counts error cells as missing, with a note and a warning per row', () => {
    const table = build([
      [2, (b) => (b.text(0, 'a'), b.error(1, '#DIV/0!'))],
      [3, (b) => (b.error(0, '#N/A'), b.error(1, '#DIV/0!'))],
      [4, (b) => (b.text(0, 'b'), b.number(1, 3))],
    ]);
    expect(table.columns[1].missingCount).toBe(2);
    expect(notesOf(table)).toContain(
      '3 cells held spreadsheet errors (#DIV/0!, #N/A) and were read as missing.',
    );
    expect(table.warnings.map((w) => w.line)).toEqual([2, 3]);
    expect(table.warnings.map((w) => englishText(w.reason))).toEqual([
      'a cell held a spreadsheet error (#DIV/0!), read as missing',
      '2 cells held spreadsheet errors (#N/A, ...), read as missing',
    ]);
    expect(table.issues).toEqual([]);
    expect(rowSourceText(table.rowText, 1)).toBe('#N/A,#DIV/0!');
  });

  it('reads infinities as missing rather than letting them into the numbers', () => {
    const table = build([[2, (b) => (b.text(0, 'x'), b.number(1, Infinity))]]);
    expect(isMissing(table.columns[1], 0)).toBe(true);
  });

  it('drops unnamed empty columns at the right and names columns of a header-less sheet', () => {
    const builder = new CellsTableBuilder(4);
    builder.ensureWidth(4);
    builder.beginRow(1);
    builder.number(0, 1);
    builder.number(1, 2);
    builder.endRow();
    const table = builder.finish({ ...source, header: [], hasHeader: false });
    expect(table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(table.dialect.hasHeader).toBe(false);
    expect(table.notes).toContainEqual(message('noteNumericHeader'));
  });

  it('refuses a sheet with a header and no rows, and cells out of order (a bug)', () => {
    expect(() => build([])).toThrow(
      /^Sheet "Orders" has a header but no rows of data: choose the sheet that holds your table\.$/,
    );
    const builder = new CellsTableBuilder(1);
    builder.beginRow(1);
    builder.number(2, 1);
    expect(() => builder.number(1, 1)).toThrow(/out of order/);
  });

  it('keeps the row text in chunks, each row whole in one chunk, and counts blank rows', () => {
    const builder = new CellsTableBuilder(10);
    const long = 'x'.repeat(300_000);
    for (let i = 0; i < 10; i++) {
      if (i === 5) builder.blank(2);
      builder.beginRow(i + 2);
      builder.text(0, `${i}${long}`);
      builder.endRow();
    }
    const table = builder.finish({ ...source, header: ['a'] });
    expect(table.rowText.chunks.length).toBeGreaterThan(2);
    expect(table.rowText.chunkFirstRow.at(-1)).toBe(10);
    for (let i = 0; i < 10; i++) expect(rowSourceText(table.rowText, i)).toBe(`${i}${long}`);
    expect(table.blankLines).toBe(2);
    expect(notesOf(table)).toContain('Skipped 2 empty rows between rows of data.');
  });

  it('gives row text that re-reads as CSV to the cells it was built from', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom('a,b', 'say "x"', 'two\nlines', ' edge '),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const builder = new CellsTableBuilder(1);
          rows.forEach((row, r) => {
            builder.beginRow(r + 2);
            row.forEach((value, c) =>
              typeof value === 'number' ? builder.number(c, value) : builder.text(c, value),
            );
            builder.endRow();
          });
          const table = builder.finish({ ...source, header: ['a', 'b', 'c', 'd'] });
          rows.forEach((row, r) => {
            const parsed = Papa.parse<string[]>(rowSourceText(table.rowText, r), {
              delimiter: ',',
              newline: '\n',
            });
            const expected = row.map((value) =>
              typeof value === 'number' ? String(value) : value,
            );
            // An empty line is a row of empty cells (the exports pad it to the width).
            expect(parsed.data[0] ?? ['']).toEqual(expected);
          });
        },
      ),
    );
  });
});
