import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../src/core/analysis/analysisOptions';
import { analyzeTable } from '../../src/core/analysis/analyzeTable';
import { fileSource } from '../../src/cli/fileSource';
import { bytesSource } from '../../src/core/read/byteSource';
import { inferColumns } from '../../src/core/read/inferColumns';
import { readCsv } from '../../src/core/read/readCsv';
import { readTable, type TableRead } from '../../src/core/read/readTable';
import { cellText, type Table } from '../../src/core/read/table';
import { computeRfm } from '../../src/core/rfm/rfm';
import { tableAsParquet, tableAsWorkbook } from '../../scripts/generators/workbooks';
import { readShared, requireShared } from './sharedData';

/**
 * The shared mall and Online Retail data, saved as .xlsx and Parquet by JavaScript writers at
 * test time (a temporary folder; nothing is kept), read back with readTable: the same column
 * kinds, the same numbers and texts cell for cell, and the same analysis figures as their CSVs.
 * In the workbook, Online Retail's InvoiceDate is written as real date cells (serial numbers
 * with a date format) and in Parquet as timestamps, so the date paths are checked too.
 */

let folder = '';
beforeAll(async () => {
  requireShared();
  folder = await mkdtemp(join(tmpdir(), 'segmentlens-workbooks-'));
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

async function readFile(bytes: Uint8Array, name: string): Promise<TableRead> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  const { source, close } = await fileSource(path);
  try {
    return await readTable(source, name);
  } finally {
    await close();
  }
}

/** Column names, kinds, and every cell (its number, and its text) the same as the CSV's. */
function expectSameCells(ours: Table, csv: Table): void {
  expect(ours.columns.map((c) => c.name)).toEqual(csv.columns.map((c) => c.name));
  expect(ours.rowCount).toBe(csv.rowCount);
  expect(inferColumns(ours).map((c) => c.kind)).toEqual(inferColumns(csv).map((c) => c.kind));
  const mismatches: string[] = [];
  csv.columns.forEach((column, j) => {
    const other = ours.columns[j];
    for (let i = 0; i < csv.rowCount && mismatches.length < 10; i++) {
      const sameNumber = Object.is(column.numbers[i], other.numbers[i]);
      if (!sameNumber || cellText(column, i) !== cellText(other, i)) {
        mismatches.push(
          `${column.name} row ${i}: "${cellText(column, i)}" / "${cellText(other, i)}"`,
        );
      }
    }
  });
  expect(mismatches).toEqual([]);
}

describe('mall_customers.csv as .xlsx and Parquet', () => {
  it('reads the same cells and gives the same elbow inertias, exactly', async () => {
    const csv = await readCsv(bytesSource(await readShared('datasets', 'mall_customers.csv')));
    const options = { ...DEFAULT_ANALYSIS_OPTIONS, kMax: 6, nInit: 2 };
    const expected = (await analyzeTable(csv, options)).elbow.map((point) => point.inertia);
    const none = new Set<string>();
    for (const [bytes, name, format] of [
      [tableAsWorkbook(csv, none), 'mall_customers.xlsx', 'xlsx'],
      [tableAsParquet(csv, none), 'mall_customers.parquet', 'parquet'],
    ] as const) {
      const read = await readFile(bytes, name);
      expect(read.format).toBe(format);
      expectSameCells(read.table, csv);
      const inertias = (await analyzeTable(read.table, options)).elbow.map(
        (point) => point.inertia,
      );
      expect(inertias).toEqual(expected);
    }
  }, 120_000);
});

describe('online_retail_full.csv as .xlsx and Parquet', () => {
  it('reads the same 541,909 rows cell for cell and gives every customer the same RFM, exactly', async () => {
    const csv = await readCsv(bytesSource(await readShared('datasets', 'online_retail_full.csv')));
    expect(csv.rowCount).toBe(541_909);
    const settings = {
      mapping: {
        customer: 'CustomerID',
        date: 'InvoiceDate',
        order: 'InvoiceNo',
        quantity: 'Quantity',
        price: 'UnitPrice',
        amount: null,
        item: null,
        description: null,
      },
      dateOrder: null,
      snapshot: null,
    };
    const expected = computeRfm(csv, settings);
    const dates = new Set(['InvoiceDate']);
    for (const [make, name, format] of [
      [() => tableAsWorkbook(csv, dates), 'online_retail_full.xlsx', 'xlsx'],
      [() => tableAsParquet(csv, dates), 'online_retail_full.parquet', 'parquet'],
    ] as const) {
      const read = await readFile(make(), name);
      expect(read.format).toBe(format);
      expectSameCells(read.table, csv);
      const rfm = computeRfm(read.table, settings);
      expect(rfm.rows).toEqual(expected.rows);
      expect(rfm.snapshot).toBe(expected.snapshot);
      expect(rfm.customers).toEqual(expected.customers);
      expect(Array.from(rfm.recency)).toEqual(Array.from(expected.recency));
      expect(Array.from(rfm.frequency)).toEqual(Array.from(expected.frequency));
      expect(Array.from(rfm.monetary)).toEqual(Array.from(expected.monetary));
    }
  }, 600_000);
});
