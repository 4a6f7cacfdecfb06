import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import {
  customersWorkbook,
  transactionsParquetColumns,
  transactionsWorkbook,
  writeParquet,
  writeXlsx,
} from '../../../scripts/generators/workbooks';
import { isUserError } from '../../../src/core/common/userError';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import type { RfmSettings } from '../../../src/core/rfm/rfm';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText } from '../../../src/i18n/formatMessage';

/** A workbook of two sheets: the generated customers first, then order lines with date cells. */
function twoSheets(): Uint8Array {
  return writeXlsx({
    sheets: [...customersWorkbook(60).sheets, ...transactionsWorkbook(40, 'date-cell').sheets],
  });
}

const open = (bytes: Uint8Array, name: string, sheet?: string) =>
  AnalysisSession.open(bytesSource(bytes), name, sheet === undefined ? {} : { sheet });

/** RFM of a session's order lines, under the mapping the session suggests for them. */
function rfmOf(session: AnalysisSession) {
  const { transactions } = session.summary();
  expect(transactions.looksLikeTransactions).toBe(true);
  const settings: RfmSettings = { mapping: transactions.mapping, dateOrder: null, snapshot: null };
  return session.rfm(settings);
}

describe('AnalysisSession over workbooks and Parquet files', () => {
  it('opens the first sheet of a workbook and lists every sheet in its summary', async () => {
    const session = await open(twoSheets(), 'shop.xlsx');
    const summary = session.summary();
    expect(summary).toMatchObject({
      fileName: 'shop.xlsx',
      format: 'xlsx',
      sheets: ['Customers', 'Orders'],
      sheet: 'Customers',
      rowCount: 60,
    });
    expect(englishText(summary.encodingReason)).toBe(
      'an Excel workbook (.xlsx), sheet "Customers"',
    );
    expect(summary.notes.map(englishText)).toContain(
      'This workbook has 2 sheets ("Customers", "Orders"); this is sheet "Customers".',
    );
    expect(summary.transactions.looksLikeTransactions).toBe(false);
  });

  it('reads another sheet when opened again with it, as the sheet picker does', async () => {
    const bytes = twoSheets();
    const first = await open(bytes, 'shop.xlsx');
    const orders = await open(bytes, 'shop.xlsx', 'Orders');
    expect(orders.summary()).toMatchObject({ sheets: ['Customers', 'Orders'], sheet: 'Orders' });
    expect(orders.summary().rowCount).not.toBe(first.summary().rowCount);
    // The summary crosses the worker boundary: plain data, and the sheets are its own copy.
    const summary = orders.summary();
    expect(structuredClone(summary)).toEqual(summary);
    const error = await open(bytes, 'shop.xlsx', 'Returns').catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('bad-option');
    expect(isUserError(error) && englishText(error.sentence)).toBe(
      'There is no sheet named "Returns": choose among "Customers", "Orders".',
    );
  });

  it('gives the same RFM from a workbook sheet as from the CSV it was written from', async () => {
    const csv = await AnalysisSession.open(
      textSource(generateTransactionsCsv({ customers: 40, seed: 1 })),
      'orders.csv',
      {},
    );
    const sheet = await open(twoSheets(), 'shop.xlsx', 'Orders');
    const ours = rfmOf(sheet);
    const reference = rfmOf(csv);
    expect(ours.customers.length).toBeGreaterThan(10);
    expect(ours.customers).toEqual(reference.customers);
    expect(ours.rows).toEqual(reference.rows);
    expect(Array.from(ours.recency)).toEqual(Array.from(reference.recency));
    expect(Array.from(ours.frequency)).toEqual(Array.from(reference.frequency));
    expect(Array.from(ours.monetary)).toEqual(Array.from(reference.monetary));
    expect(ours.snapshot).toBe(reference.snapshot);
  });

  it('says a CSV and a Parquet file have no sheets, and ignores a sheet asked of them', async () => {
    const parquet = await open(writeParquet(transactionsParquetColumns(20)), 'o.parquet', 'X');
    expect(parquet.summary()).toMatchObject({ format: 'parquet', sheets: null, sheet: null });
    const csv = await AnalysisSession.open(textSource('a,b\n1,2\n3,4\n'), 'a.csv', {
      sheet: 'X',
    });
    expect(csv.summary()).toMatchObject({ format: 'csv', sheets: null, sheet: null });
  });

  it('refuses a workbook over the size limit before reading it', async () => {
    const error = await AnalysisSession.open(
      bytesSource(twoSheets()),
      'shop.xlsx',
      {},
      {
        maxBytes: 1024,
      },
    ).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('too-large');
  });

  it('loads no workbook or Parquet library until such a file is opened (dynamic imports)', async () => {
    // The worker and the page's in-process fallback import the session: following its static
    // imports must reach none of the readers' libraries, or the first load would carry them.
    const seen = new Set<string>();
    const libraries = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      for (const m of source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)) {
        if (m[0].startsWith('import type')) continue;
        if (!m[1].startsWith('.')) libraries.add(m[1]);
        else await visit(join(dirname(file), `${m[1]}.ts`));
      }
    };
    await visit(join(import.meta.dirname, '../../../src/core/session/session.ts'));
    expect(seen.has(join(import.meta.dirname, '../../../src/core/read/readTable.ts'))).toBe(true);
    expect([...libraries].filter((name) => /fflate|hyparquet|xlsx/.test(name))).toEqual([]);
  });
});
