import * as XLSX from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserError, type UserError } from '../../../src/core/common/userError';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import { readTable } from '../../../src/core/read/readTable';
import { cellText } from '../../../src/core/read/table';
import { renderMessage } from '../../../src/i18n/formatMessage';
import {
  chineseWorkbook,
  customersWorkbook,
  transactionsParquetColumns,
  writeParquet,
  writeXlsx,
  writeZip,
} from '../../../scripts/generators/workbooks';

async function refusal(bytes: Uint8Array, name: string) {
  const error = await readTable(bytesSource(bytes), name).catch((e: unknown) => e);
  expect(isUserError(error)).toBe(true);
  return error as Error & { code: string };
}

function compoundFile(streams: string[]): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const name of streams)
    XLSX.CFB.utils.cfb_add(container, `/${name}`, new Uint8Array(900).fill(3));
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

describe('readTable', () => {
  it('reads a CSV with readCsv, passing on the choices of encoding and dialect', async () => {
    const read = await readTable(textSource('a;b\n1,5;2\n'), 'x.csv', { decimal: ',' });
    expect(read).toMatchObject({ format: 'csv', sheets: null, sheet: null });
    expect(read.table.dialect.delimiter).toBe(';');
    expect(read.table.columns[0].numbers[0]).toBe(1.5);
  });

  it('reads an xlsx, listing its sheets and reading the one chosen', async () => {
    const bytes = writeXlsx(chineseWorkbook(5));
    const read = await readTable(bytesSource(bytes), '客户.xlsx', { sheet: '客户数据' });
    expect(read).toMatchObject({ format: 'xlsx', sheets: ['说明', '客户数据'], sheet: '客户数据' });
    expect(read.table.rowCount).toBe(5);
  });

  it('reads an xls and a Parquet file', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['a', 'b'],
        [1, 'x'],
      ]),
      'One',
    );
    const xls = new Uint8Array(
      XLSX.write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer,
    );
    expect(await readTable(bytesSource(xls), 'old.xls')).toMatchObject({
      format: 'xls',
      sheets: ['One'],
      sheet: 'One',
    });
    const columns = transactionsParquetColumns(5);
    const parquet = await readTable(bytesSource(writeParquet(columns)), 'orders.parquet');
    expect(parquet).toMatchObject({ format: 'parquet', sheets: null, sheet: null });
    expect(cellText(parquet.table.columns[7], 0)).toBe(columns[7].data[0]);
  });

  it('refuses a file over the size limit before reading it, whatever its format', async () => {
    const error = await readTable(
      bytesSource(writeXlsx(customersWorkbook(50))),
      'c.xlsx',
      {},
      { maxBytes: 1000 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'too-large',
      sentence: { key: 'readTooLarge', params: { limit: '1000 bytes' } },
    });
  });

  it('says what a file really is when it is not a CSV, a workbook or Parquet', async () => {
    const ods = await refusal(
      writeZip(
        { mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<c/>' },
        'mimetype',
      ),
      'budget.ods',
    );
    expect(ods.message).toBe(
      'This file is an OpenDocument spreadsheet (.ods), not a CSV, Excel workbook or Parquet file: open it in Excel or LibreOffice and save it as .xlsx or CSV, then choose that file.',
    );
    expect(ods.code).toBe('spreadsheet');
    const zip = await refusal(writeZip({ 'data/orders.csv': 'a\n1\n' }), 'orders.zip');
    expect(zip.code).toBe('binary');
    expect(zip.message).toMatch(
      /^This file is a zip archive, not a CSV, Excel workbook or Parquet file: unzip it/,
    );
    const locked = await refusal(
      compoundFile(['EncryptionInfo', 'EncryptedPackage']),
      'secret.xlsx',
    );
    expect(locked.code).toBe('workbook');
    expect(locked.message).toMatch(/password-protected workbook.*save it without a password/);
    // The same refusal in Chinese: what the file is and what to do are rendered in it too.
    expect(renderMessage('zh', (ods as UserError).sentence)).toBe(
      '这个文件是 OpenDocument 电子表格（.ods），不是 CSV、Excel 工作簿或 Parquet 文件：请用 Excel 或 LibreOffice 打开它，另存为 .xlsx 或 CSV，再选择那个文件。',
    );
  });

  it('loads the workbook and Parquet libraries only for such files (dynamic imports)', async () => {
    // Follow readTable's static imports through the core: none may reach the libraries, so a
    // page that imports readTable loads them only when a workbook or Parquet file is dropped.
    const seen = new Set<string>();
    const libraries: string[] = [];
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = await readFile(file, 'utf8');
      for (const m of source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)) {
        if (m[0].startsWith('import type')) continue;
        if (m[1].startsWith('.')) await visit(join(dirname(file), `${m[1]}.ts`));
        else libraries.push(m[1]);
      }
    };
    await visit(join(import.meta.dirname, '../../../src/core/read/readTable.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect(libraries.filter((name) => /fflate|hyparquet|xlsx/.test(name))).toEqual([]);
    expect(libraries).toContain('papaparse');
  });
});
