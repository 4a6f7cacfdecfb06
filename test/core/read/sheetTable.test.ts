import { describe, expect, it } from 'vitest';
import {
  FORMAT_DATE,
  FORMAT_DATE_TIME,
  FORMAT_NUMBER,
  FORMAT_TIME,
  type FormatKind,
} from '../../../src/core/read/excelDates';
import { SheetTable, type SheetInfo } from '../../../src/core/read/sheetTable';
import {
  CELL_BOOLEAN,
  CELL_ERROR,
  CELL_ISO_DATE,
  CELL_NO_VALUE,
  CELL_NUMBER,
  CELL_TEXT,
  RowCells,
} from '../../../src/core/read/sheetXml';
import { cellText, isMissing, rowSourceText, type Table } from '../../../src/core/read/table';
import { englishText } from '../../../src/i18n/formatMessage';

/** A cell: [column, kind, value, style]; the style is the format kind itself here. */
type Cell = [number, number, number | string, FormatKind?];

const info = (overrides: Partial<SheetInfo> = {}): SheetInfo => ({
  name: 'Data',
  sheets: ['Data'],
  kind: 'fileXlsx',
  date1904: false,
  styleKind: (style) => style as FormatKind,
  byteLength: 100,
  ...overrides,
});

function sheet(rows: [number, Cell[]][], overrides: Partial<SheetInfo> = {}): SheetTable {
  const table = new SheetTable(info(overrides), 4);
  const cells = new RowCells();
  for (const [row, list] of rows) {
    cells.count = 0;
    for (const [column, kind, value, style] of list) {
      cells.push(
        column,
        kind,
        style ?? FORMAT_NUMBER,
        typeof value === 'number' ? value : 0,
        typeof value === 'string' ? value : '',
      );
    }
    table.row(row, cells);
  }
  return table;
}

const notesOf = (table: Table) => table.notes.map(englishText);

describe('SheetTable', () => {
  it('skips a title above the header, merged across the table or not, and says so', () => {
    const table = sheet([
      [1, [[0, CELL_TEXT, 'Customer report Q1']]],
      [
        2,
        [
          [0, CELL_TEXT, 'id'],
          [1, CELL_TEXT, 'spend'],
          [2, CELL_TEXT, 'region'],
        ],
      ],
      [
        3,
        [
          [0, CELL_TEXT, 'C1'],
          [1, CELL_NUMBER, 12.5],
          [2, CELL_TEXT, 'North'],
        ],
      ],
      [
        4,
        [
          [0, CELL_TEXT, 'C2'],
          [1, CELL_NUMBER, 3],
          [2, CELL_TEXT, 'South'],
        ],
      ],
    ]).finish([{ firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2 }], 0, 0);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'spend', 'region']);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.columns[1].numbers)).toEqual([12.5, 3]);
    expect(Array.from(table.rowText.line)).toEqual([3, 4]);
    expect(notesOf(table)).toEqual([
      'The title above the header ("Customer report Q1") was skipped: the row below it names the columns.',
    ]);
  });

  it('keeps a first row of one text cell as the header when the next row is data or one cell', () => {
    const oneColumn = sheet([
      [1, [[0, CELL_TEXT, 'name']]],
      [2, [[0, CELL_TEXT, 'Ann']]],
      [3, [[0, CELL_TEXT, 'Bob']]],
    ]).finish([], 0, 0);
    expect(oneColumn.columns.map((c) => c.name)).toEqual(['name']);
    expect(oneColumn.rowCount).toBe(2);
    const data = sheet([
      [1, [[1, CELL_TEXT, 'Customers']]],
      [
        2,
        [
          [1, CELL_TEXT, 'Ann'],
          [2, CELL_NUMBER, 5],
        ],
      ],
    ]).finish([], 0, 0);
    expect(data.columns[0].name).toBe('Customers');
    expect(data.rowCount).toBe(1);
    expect(cellText(data.columns[0], 0)).toBe('Ann');
    expect(notesOf(data).join(' ')).not.toMatch(/title/);
    // A sheet of one text cell is a header without rows, not an empty sheet.
    expect(() => sheet([[1, [[0, CELL_TEXT, 'name']]]]).finish([], 0, 0)).toThrow(
      /has a header but no rows of data/,
    );
  });

  it('takes the first row with a value as the header, skipping empty rows and columns before it', () => {
    const table = sheet([
      [
        3,
        [
          [2, CELL_TEXT, 'name'],
          [3, CELL_TEXT, 'spend'],
        ],
      ],
      [
        4,
        [
          [2, CELL_TEXT, 'Ann'],
          [3, CELL_NUMBER, 12],
        ],
      ],
      [
        7,
        [
          [1, CELL_TEXT, 'a note left of the table'],
          [2, CELL_TEXT, 'Bob'],
          [3, CELL_NUMBER, 3.5],
        ],
      ],
    ]).finish([], 0, 0);
    expect(table.columns.map((c) => c.name)).toEqual(['name', 'spend']);
    expect(table.rowCount).toBe(2);
    expect(Array.from(table.rowText.line)).toEqual([4, 7]);
    expect(table.blankLines).toBe(2);
    expect(notesOf(table)).toEqual([
      "1 cell left of the header's first column was left out.",
      'Skipped 2 empty rows between rows of data.',
    ]);
    expect(englishText(table.encodingReason)).toBe('an Excel workbook (.xlsx), sheet "Data"');
  });

  it('writes dates, times and booleans as text, errors as missing, by the number format', () => {
    const table = sheet([
      [
        1,
        [
          [0, CELL_TEXT, 'a'],
          [1, CELL_TEXT, 'b'],
          [2, CELL_TEXT, 'c'],
          [3, CELL_TEXT, 'd'],
          [4, CELL_TEXT, 'e'],
          [5, CELL_TEXT, 'f'],
        ],
      ],
      [
        2,
        [
          [0, CELL_NUMBER, 40513, FORMAT_DATE],
          [1, CELL_NUMBER, 40513.35138888889, FORMAT_DATE_TIME],
          [2, CELL_NUMBER, 0.75, FORMAT_TIME],
          [3, CELL_BOOLEAN, 1],
          [4, CELL_ERROR, '#N/A'],
          [5, CELL_ISO_DATE, '2024-03-05T10:00:00Z'],
        ],
      ],
      [
        3,
        [
          [0, CELL_NUMBER, -5, FORMAT_DATE],
          [3, CELL_BOOLEAN, 0],
          [5, CELL_ISO_DATE, '2024-03-05'],
        ],
      ],
    ]).finish([], 0, 0);
    expect(table.columns.map((c) => cellText(c, 0))).toEqual([
      '2010-12-01',
      '2010-12-01 08:26:00',
      '18:00:00',
      'TRUE',
      '',
      '2024-03-05 10:00:00',
    ]);
    expect(rowSourceText(table.rowText, 0)).toBe(
      '2010-12-01,2010-12-01 08:26:00,18:00:00,TRUE,#N/A,2024-03-05 10:00:00',
    );
    // A negative serial is no date: it stays a number.
    expect(cellText(table.columns[0], 1)).toBe('-5');
    expect(cellText(table.columns[3], 1)).toBe('FALSE');
    expect(cellText(table.columns[5], 1)).toBe('2024-03-05');
    expect(notesOf(table)).toContain(
      '1 cell held a spreadsheet error (#N/A) and was read as missing.',
    );
  });

  it('counts serials from 1904 in workbooks of that system', () => {
    const table = sheet(
      [
        [1, [[0, CELL_TEXT, 'when']]],
        [2, [[0, CELL_NUMBER, 39051, FORMAT_DATE]]],
      ],
      { date1904: true },
    ).finish([], 0, 0);
    expect(cellText(table.columns[0], 0)).toBe('2010-12-01');
  });

  it('reads a first row of numbers as data, as a CSV does', () => {
    const table = sheet([
      [
        1,
        [
          [0, CELL_NUMBER, 1],
          [1, CELL_NUMBER, 2],
        ],
      ],
      [
        2,
        [
          [0, CELL_NUMBER, 3],
          [1, CELL_NUMBER, 4],
        ],
      ],
    ]).finish([], 0, 0);
    expect(table.columns.map((c) => c.name)).toEqual(['column_1', 'column_2']);
    expect(table.rowCount).toBe(2);
    expect(table.dialect.hasHeader).toBe(false);
  });

  it('names every column a merged header cell spans, made unique', () => {
    const table = sheet([
      [
        2,
        [
          [1, CELL_TEXT, 'Customer'],
          [2, CELL_TEXT, 'Spend'],
          [5, CELL_TEXT, 'Visits'],
        ],
      ],
      [
        3,
        [
          [1, CELL_TEXT, 'A'],
          [2, CELL_NUMBER, 1],
          [3, CELL_NUMBER, 2],
          [4, CELL_NUMBER, 3],
          [5, CELL_NUMBER, 4],
        ],
      ],
    ]).finish(
      [
        { firstRow: 2, firstColumn: 2, lastRow: 2, lastColumn: 4 },
        // Merges elsewhere (vertical, or in the data) change no name.
        { firstRow: 3, firstColumn: 1, lastRow: 5, lastColumn: 1 },
      ],
      0,
      0,
    );
    expect(table.columns.map((c) => c.name)).toEqual([
      'Customer',
      'Spend',
      'Spend_2',
      'Spend_3',
      'Visits',
    ]);
    expect(notesOf(table)).toContain(
      '2 repeated column names were made unique (name_2, name_3, ...).',
    );
  });

  it('reads formulas without saved values as missing, and refuses a workbook saved without any', () => {
    const rows: [number, Cell[]][] = [
      [
        1,
        [
          [0, CELL_TEXT, 'x'],
          [1, CELL_TEXT, 'y'],
        ],
      ],
      [
        2,
        [
          [0, CELL_NUMBER, 1],
          [1, CELL_NO_VALUE, ''],
        ],
      ],
    ];
    const table = sheet(rows).finish([], 2, 1);
    expect(isMissing(table.columns[1], 0)).toBe(true);
    expect(notesOf(table).join(' ')).toMatch(
      /1 formula cell has no saved value and was read as missing/,
    );
    expect(() => sheet(rows).finish([], 1, 1)).toThrow(/saved without calculated values/);
  });

  it('refuses an empty sheet, naming the other sheets', () => {
    expect(() => sheet([], { sheets: ['Notes', 'Data', 'Orders'] }).finish([], 0, 0)).toThrow(
      'Sheet "Data" is empty: choose the sheet that holds your table ("Notes", "Orders").',
    );
    expect(() => sheet([[1, [[0, CELL_TEXT, 'only a header']]]]).finish([], 0, 0)).toThrow(
      'Sheet "Data" has a header but no rows of data: choose the sheet that holds your table.',
    );
  });
});
