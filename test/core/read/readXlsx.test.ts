import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { listXlsxSheets, readXlsx, type XlsxOptions } from '../../../src/core/read/readXlsx';
import { cellText, isMissing, rowSourceText, type Table } from '../../../src/core/read/table';
import { openZip } from '../../../src/core/read/zipDirectory';
import { segmentCsvParts } from '../../../src/core/export/exportCsv';
import { computeRfm } from '../../../src/core/rfm/rfm';
import { suggestTransactionMapping } from '../../../src/core/rfm/transactionMapping';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import {
  chineseWorkbook,
  customersWorkbook,
  transactionsWorkbook,
  writeXlsx,
  type DateStyle,
  type XlsxWorkbook,
} from '../../../scripts/generators/workbooks';
import { englishText } from '../../../src/i18n/formatMessage';

async function read(workbook: XlsxWorkbook | Uint8Array, options: XlsxOptions = {}) {
  const bytes = workbook instanceof Uint8Array ? workbook : writeXlsx(workbook);
  return readXlsx((await openZip(bytesSource(bytes)))!, options);
}

/** Every cell of two tables, as text, and where they differ. */
function differences(a: Table, b: Table): string[] {
  const found: string[] = [];
  expect(b.columns.map((c) => c.name)).toEqual(a.columns.map((c) => c.name));
  expect(b.rowCount).toBe(a.rowCount);
  a.columns.forEach((column, j) => {
    for (let i = 0; i < a.rowCount; i++) {
      const x = cellText(column, i);
      const y = cellText(b.columns[j], i);
      if (x !== y && found.length < 5) found.push(`${column.name} row ${i}: ${x} / ${y}`);
    }
  });
  return found;
}

describe('readXlsx', () => {
  it('reads a workbook of the generated customers as the CSV of them reads, cell for cell', async () => {
    const { table, sheets, sheet } = await read(customersWorkbook(400));
    const csv = await readCsv(textSource(generateCustomersCsv({ rows: 400, seed: 1 })));
    expect(sheets).toEqual(['Customers']);
    expect(sheet).toBe('Customers');
    expect(differences(csv, table)).toEqual([]);
    expect(inferColumns(table).map((c) => c.kind)).toEqual(inferColumns(csv).map((c) => c.kind));
    // Sheet rows: the header is row 1, data from row 2.
    expect(table.rowText.line[0]).toBe(2);
    expect(rowSourceText(table.rowText, 5)).toBe(rowSourceText(csv.rowText, 5));
  });

  it('reads a Chinese workbook: sheet names, column names, shared and inline strings, a Chinese date format', async () => {
    const workbook = chineseWorkbook(40);
    const zip = (await openZip(bytesSource(writeXlsx(workbook))))!;
    expect(await listXlsxSheets(zip)).toEqual(['说明', '客户数据']);
    const { table, sheet } = await read(workbook, { sheet: '客户数据' });
    expect(sheet).toBe('客户数据');
    expect(table.columns.map((c) => c.name)).toEqual([
      '客户编号',
      '姓名',
      '城市',
      '消费金额（元）',
      '购买次数',
      '注册日期',
    ]);
    const rows = [...workbook.sheets[1].rows].slice(1);
    rows.forEach((row, i) => {
      const name = row[1] as string | { inline: string };
      expect(cellText(table.columns[1], i)).toBe(typeof name === 'string' ? name : name.inline);
      expect(table.columns[3].numbers[i]).toBe(row[3]);
      const date = (row[5] as { date: Date }).date;
      expect(cellText(table.columns[5], i)).toBe(date.toISOString().slice(0, 10));
    });
    expect(inferColumns(table)[5].kind).toBe('datetime');
    expect(inferColumns(table)[2].kind).toBe('categorical');
    expect(table.notes[0]).toEqual({
      key: 'noteSheets',
      params: { count: 2, names: '"说明", "客户数据"', sheet: '客户数据' },
    });
    expect(englishText(table.notes[0])).toBe(
      'This workbook has 2 sheets ("说明", "客户数据"); this is sheet "客户数据".',
    );
    // The first sheet by default.
    await expect(read(workbook)).rejects.toThrow(/has a header but no rows of data/);
  });

  it.each<DateStyle>(['date-cell', 'iso-text', 'day-first-text', 'mixed'])(
    'gives the same RFM as the CSV when the dates are written as %s',
    async (dates) => {
      const csv = await readCsv(textSource(generateTransactionsCsv({ customers: 120, seed: 1 })));
      const { table } = await read(transactionsWorkbook(120, dates));
      const suggestion = suggestTransactionMapping(inferColumns(table), table.rowCount);
      expect(suggestion.looksLikeTransactions).toBe(true);
      const settings = { mapping: suggestion.mapping, dateOrder: null, snapshot: null };
      const ours = computeRfm(table, settings);
      const reference = computeRfm(csv, settings);
      expect(ours.rows).toEqual(reference.rows);
      expect(ours.customers).toEqual(reference.customers);
      expect(Array.from(ours.recency)).toEqual(Array.from(reference.recency));
      expect(Array.from(ours.frequency)).toEqual(Array.from(reference.frequency));
      expect(Array.from(ours.monetary)).toEqual(Array.from(reference.monetary));
      expect(ours.snapshot).toBe(reference.snapshot);
    },
  );

  it('handles empty leading rows and columns, merged header cells, short rows and trailing empty rows', async () => {
    const { table } = await read({
      sheets: [
        {
          name: 'Report',
          firstRow: 4,
          firstColumn: 2,
          merges: ['D4:E4'],
          rows: [
            ['Customer', 'Spend', null, 'Region'],
            ['A', 10, 11, 'North'],
            ['B', 20],
            [],
            ['C', 30, 31, 'South'],
            [],
            [],
          ],
        },
      ],
    });
    expect(table.columns.map((c) => c.name)).toEqual(['Customer', 'Spend', 'Spend_2', 'Region']);
    expect(table.rowCount).toBe(3);
    expect(Array.from(table.rowText.line)).toEqual([5, 6, 8]);
    expect(isMissing(table.columns[3], 1)).toBe(true);
    expect(Array.from(table.rowStatus)).toEqual([0, 0, 0]);
    expect(table.blankLines).toBe(1);
    expect(rowSourceText(table.rowText, 1)).toBe('B,20');
  });

  it('reads formulas by their saved values, errors as missing with a count, and refuses formulas saved without values', async () => {
    const { table } = await read({
      sheets: [
        {
          name: 'S',
          rows: [
            ['qty', 'price', 'total', 'label'],
            [
              2,
              3,
              { formula: 'A2*B2', value: 6 },
              { formula: 'IF(C2>5,"big","small")', value: 'big' },
            ],
            [1, 0, { error: '#DIV/0!' }, { formula: 'NA()', value: undefined }],
            [4, 1, { formula: 'A4*B4', value: 4 }, { error: '#N/A' }],
          ],
        },
      ],
    });
    expect(Array.from(table.columns[2].numbers)).toEqual([6, NaN, 4]);
    expect(cellText(table.columns[3], 0)).toBe('big');
    expect(table.columns[3].missingCount).toBe(2);
    expect(table.notes.map(englishText)).toContain(
      '2 cells held spreadsheet errors (#DIV/0!, #N/A) and were read as missing.',
    );
    expect(table.notes.map(englishText).join(' ')).toMatch(/1 formula cell has no saved value/);
    expect(table.warnings.map((w) => w.line)).toEqual([3, 4]);
    const unsaved = {
      sheets: [
        {
          name: 'S',
          rows: [
            ['a', 'b'],
            ...Array.from({ length: 5 }, (_, i) => [
              { formula: `ROW()*${i}` },
              { formula: 'A1+1' },
            ]),
          ],
        },
      ],
    };
    await expect(read(unsaved)).rejects.toThrow(
      'This workbook was saved without calculated values, so its formula cells are empty: open it in Excel or LibreOffice, save it again, and try again.',
    );
  });

  it('reads the 1904 date system', async () => {
    const when = new Date(Date.UTC(2010, 11, 1, 8, 26));
    const { table } = await read({
      date1904: true,
      sheets: [
        {
          name: 'S',
          rows: [
            ['when', 'n'],
            [when, 1],
          ],
        },
      ],
    });
    expect(cellText(table.columns[0], 0)).toBe('2010-12-01 08:26:00');
  });

  it('refuses a sheet that is too large before expanding it, and a sheet name it does not have', async () => {
    const workbook = customersWorkbook(50);
    await expect(read(workbook, { maxCells: 100 })).rejects.toThrow(
      /^This sheet spans up to 408 cells, more than the 100 that can be analysed at once/,
    );
    const noDimension = { sheets: workbook.sheets.map((s) => ({ ...s, dimension: false })) };
    await expect(read(noDimension, { maxCells: 100 })).rejects.toThrow(
      /^This sheet has 10\d cells, more than the 100 that can be analysed at once/,
    );
    // Formatting can stretch the dimension over the whole sheet: the XML's size bounds it.
    const stretched = {
      sheets: workbook.sheets.map((s) => ({ ...s, dimension: 'A1:XFD1048576' })),
    };
    expect((await read(stretched)).table.rowCount).toBe(50);
    await expect(read(workbook, { maxSheetXmlBytes: 1000 })).rejects.toMatchObject({
      code: 'too-large',
      sentence: { key: 'workbookTooLarge', params: { part: 'sheet', size: '1000 bytes' } },
    });
    await expect(read(workbook, { sheet: 'Orders' })).rejects.toThrow(
      'There is no sheet named "Orders": choose among "Customers".',
    );
  });

  it('reports its progress a few dozen times at most, ending at 1', async () => {
    const seen: number[] = [];
    await read(customersWorkbook(20_000), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThanOrEqual(50);
    expect(seen.at(-1)).toBe(1);
  });

  it('reads a workbook written by another writer (SheetJS), dates included', async () => {
    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet(
      [
        ['id', 'name', 'joined', 'active'],
        [1, 'Ann', new Date(Date.UTC(2021, 4, 6)), true],
        [2, 'Ben, Jr.', new Date(Date.UTC(2022, 0, 31)), false],
      ],
      { cellDates: true, UTC: true },
    );
    XLSX.utils.book_append_sheet(book, sheet, 'People');
    const bytes = new Uint8Array(
      XLSX.write(book, { bookType: 'xlsx', type: 'array', cellDates: false }) as ArrayBuffer,
    );
    const { table } = await read(bytes);
    expect(table.columns.map((c) => c.name)).toEqual(['id', 'name', 'joined', 'active']);
    expect([0, 1].map((i) => cellText(table.columns[2], i))).toEqual(['2021-05-06', '2022-01-31']);
    expect(cellText(table.columns[3], 1)).toBe('FALSE');
    expect(rowSourceText(table.rowText, 1)).toBe('2,"Ben, Jr.",2022-01-31,FALSE');
  });

  it('gives exports that repeat the cells as the sheet showed them', async () => {
    const { table } = await read({
      sheets: [
        {
          name: 'S',
          rows: [
            ['name', 'note'],
            ['Ann', 'a, "quoted" note'],
            ['Ben', '=1+1'],
          ],
        },
      ],
    });
    const parts = segmentCsvParts({
      table,
      rows: Int32Array.from([0, 1]),
      labels: Int32Array.from([0, 1]),
      segmentLabels: new Map([
        [0, 'first'],
        [1, 'second'],
      ]),
      numericColumns: [false, false],
    });
    expect(parts.join('')).toBe(
      '\uFEFFname,note,segment,segment_label\r\nAnn,"a, ""quoted"" note",0,first\r\nBen,\'=1+1,1,second\r\n',
    );
  });
});
