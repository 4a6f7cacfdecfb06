import * as XLSX from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { listXlsSheets, readXls } from '../../../src/core/read/readXls';
import { cellText, rowSourceText } from '../../../src/core/read/table';
import { generateCustomersCsv } from '../../../scripts/generators/customers';
import { chineseWorkbook, customersWorkbook } from '../../../scripts/generators/workbooks';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import { computeRfm } from '../../../src/core/rfm/rfm';
import { suggestTransactionMapping } from '../../../src/core/rfm/transactionMapping';
import { englishText } from '../../../src/i18n/formatMessage';

/** An .xls (BIFF8) written by SheetJS's own writer from rows of cells. */
function xls(sheets: Record<string, unknown[][]>, merges: XLSX.Range[] = []): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, UTC: true });
    sheet['!merges'] = merges;
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(XLSX.write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer);
}

describe('readXls', () => {
  it('reads an .xls of the generated customers as the CSV reads, cell for cell', async () => {
    const rows = [...customersWorkbook(300).sheets[0].rows].map((row) =>
      row.map((cell) => cell ?? null),
    );
    const { table, sheets } = await readXls(bytesSource(xls({ Customers: rows })));
    const csv = await readCsv(textSource(generateCustomersCsv({ rows: 300, seed: 1 })));
    expect(sheets).toEqual(['Customers']);
    expect(table.columns.map((c) => c.name)).toEqual(csv.columns.map((c) => c.name));
    csv.columns.forEach((column, j) => {
      for (let i = 0; i < csv.rowCount; i++)
        expect(cellText(table.columns[j], i)).toBe(cellText(column, i));
    });
    expect(inferColumns(table).map((c) => c.kind)).toEqual(inferColumns(csv).map((c) => c.kind));
    expect(englishText(table.encodingReason)).toBe('an Excel workbook (.xls), sheet "Customers"');
  });

  it('reads dates, booleans, errors, Chinese text and merged headers; picks a sheet by name', async () => {
    const bytes = xls(
      {
        说明: [['notes']],
        客户: [
          ['姓名', '日期', null, '有效'],
          ['王芳', new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), 1, true],
          ['李雷', new Date(Date.UTC(2024, 1, 29)), { t: 'e', v: 0x07 }, false],
        ],
      },
      [{ s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }],
    );
    expect(await listXlsSheets(bytesSource(bytes))).toEqual(['说明', '客户']);
    const { table, sheet } = await readXls(bytesSource(bytes), { sheet: '客户' });
    expect(sheet).toBe('客户');
    expect(table.columns.map((c) => c.name)).toEqual(['姓名', '日期', '日期_2', '有效']);
    expect(rowSourceText(table.rowText, 0)).toBe('王芳,2024-01-02 03:04:05,1,TRUE');
    expect(rowSourceText(table.rowText, 1)).toBe('李雷,2024-02-29,#DIV/0!,FALSE');
    expect(table.notes.map(englishText)).toContain(
      '1 cell held a spreadsheet error (#DIV/0!) and was read as missing.',
    );
  });

  it('refuses a damaged .xls and a sheet name it does not have, each in a sentence', async () => {
    const bytes = xls({ S: [['a'], [1]] });
    await expect(readXls(bytesSource(bytes), { sheet: 'T' })).rejects.toThrow(
      'There is no sheet named "T": choose among "S".',
    );
    const damaged = bytes.slice(0, 600);
    await expect(readXls(bytesSource(damaged))).rejects.toThrow(
      /^This \.xls workbook cannot be read/,
    );
  });

  describe('fixtures written by LibreOffice (scripts/generators/workbooks.ts xls)', () => {
    const fixture = async (name: string) =>
      bytesSource(
        new Uint8Array(await readFile(join(import.meta.dirname, '../../fixtures/workbooks', name))),
      );

    it('reads the Chinese workbook: sheet names, text, numbers and a Chinese date format', async () => {
      const { table, sheets } = await readXls(await fixture('chinese.xls'), { sheet: '客户数据' });
      expect(sheets).toEqual(['说明', '客户数据']);
      const rows = [...chineseWorkbook(20).sheets[1].rows];
      expect(table.columns.map((c) => c.name)).toEqual(rows[0]);
      rows.slice(1).forEach((row, i) => {
        const name = row[1] as string | { inline: string };
        expect(cellText(table.columns[1], i)).toBe(typeof name === 'string' ? name : name.inline);
        expect(table.columns[3].numbers[i]).toBe(row[3]);
        expect(cellText(table.columns[5], i)).toBe(
          (row[5] as { date: Date }).date.toISOString().slice(0, 10),
        );
      });
    });

    it('reads order lines with dates in three formats so that RFM is the CSV one', async () => {
      const { table } = await readXls(await fixture('dates.xls'));
      const csv = await readCsv(textSource(generateTransactionsCsv({ customers: 15, seed: 1 })));
      const mapping = suggestTransactionMapping(inferColumns(csv), csv.rowCount).mapping;
      const ours = computeRfm(table, { mapping, dateOrder: null, snapshot: null });
      const reference = computeRfm(csv, { mapping, dateOrder: null, snapshot: null });
      expect(ours.rows).toEqual(reference.rows);
      expect(ours.customers).toEqual(reference.customers);
      expect(Array.from(ours.recency)).toEqual(Array.from(reference.recency));
      expect(Array.from(ours.frequency)).toEqual(Array.from(reference.frequency));
      expect(Array.from(ours.monetary)).toEqual(Array.from(reference.monetary));
      // The three ways the dates were written, one after another.
      const dates = [0, 1, 2].map((i) => rowSourceText(table.rowText, i).split(',')[4]);
      expect(dates).toEqual(['2025-01-08 13:15:00', '2025-01-08 13:15', '08/01/2025 13:15']);
    });

    it('reads a report: title rows and a left column skipped, a merged header, errors and formula values', async () => {
      const { table } = await readXls(await fixture('report.xls'));
      expect(table.columns.map((c) => c.name)).toEqual([
        'Customer',
        'Spend',
        'Spend_2',
        'Visits',
        'Average',
      ]);
      expect(Array.from(table.rowText.line)).toEqual([4, 5, 6, 7]);
      expect(Array.from(table.columns[4].numbers)).toEqual([30.125, NaN, 33.33, NaN]);
      expect(table.notes.map(englishText)).toContain(
        '3 cells held spreadsheet errors (#DIV/0!, #N/A) and were read as missing.',
      );
    });
  });
});
