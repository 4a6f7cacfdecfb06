import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import { sniffFormat, type SniffedFormat } from '../../../src/core/read/sniffFormat';
import { englishText } from '../../../src/i18n/formatMessage';
import {
  customersWorkbook,
  transactionsParquetColumns,
  writeParquet,
  writeXlsx,
  writeZip,
} from '../../../scripts/generators/workbooks';

function compoundFile(streams: string[]): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const name of streams)
    XLSX.CFB.utils.cfb_add(container, `/${name}`, new Uint8Array(700).fill(1));
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

const ODS = {
  mimetype: 'application/vnd.oasis.opendocument.spreadsheet',
  'content.xml': '<office:document-content/>',
  'META-INF/manifest.xml': '<manifest/>',
};

/** What a refused file is and what to do, in English, with the refusal's code. */
function refusal(sniffed: SniffedFormat) {
  expect(sniffed.format).toBe('refused');
  const { code, what, action } = sniffed.refusal!;
  return { code, what: englishText(what), action: englishText(action) };
}

describe('sniffFormat', () => {
  it('tells text from workbooks and Parquet by their bytes, whatever the name says', async () => {
    expect((await sniffFormat(textSource('a,b\n1,2\n'), 'data.xlsx')).format).toBe('csv');
    const xlsx = await sniffFormat(bytesSource(writeXlsx(customersWorkbook(5))), 'export.csv');
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.archive?.entries.has('xl/workbook.xml')).toBe(true);
    const parquet = writeParquet(transactionsParquetColumns(3));
    expect((await sniffFormat(bytesSource(parquet), 'x.bin')).format).toBe('parquet');
  });

  it('reads an .xls workbook as xls', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['a'], [1]]), 'S');
    const bytes = new Uint8Array(
      XLSX.write(book, { bookType: 'biff8', type: 'array' }) as ArrayBuffer,
    );
    expect((await sniffFormat(bytesSource(bytes), 'old.xls')).format).toBe('xls');
  });

  it('says what a zip that is not a workbook really is', async () => {
    const ods = refusal(await sniffFormat(bytesSource(writeZip(ODS, 'mimetype')), 'sheet.ods'));
    expect(ods).toMatchObject({ code: 'spreadsheet', what: 'an OpenDocument spreadsheet (.ods)' });
    expect(ods.action).toMatch(/save it as \.xlsx or CSV/);
    const plain = refusal(
      await sniffFormat(bytesSource(writeZip({ 'orders.csv': 'a,b\n1,2\n' })), 'orders.zip'),
    );
    expect(plain).toEqual({
      code: 'binary',
      what: 'a zip archive',
      action: 'unzip it and choose the file inside (orders.csv)',
    });
    const docx = await sniffFormat(
      bytesSource(writeZip({ 'word/document.xml': '<w/>' })),
      'a.docx',
    );
    expect(refusal(docx)).toMatchObject({ code: 'binary', what: 'a Word document (.docx)' });
    const xlsb = await sniffFormat(
      bytesSource(writeZip({ '[Content_Types].xml': '<T/>', 'xl/workbook.bin': 'x' })),
      'a.xlsb',
    );
    expect(refusal(xlsb)).toMatchObject({
      code: 'spreadsheet',
      what: 'an Excel binary workbook (.xlsb)',
    });
  });

  it('tells a password-protected workbook from an .xls and other compound files', async () => {
    const locked = await sniffFormat(
      bytesSource(compoundFile(['EncryptionInfo', 'EncryptedPackage'])),
      'secret.xlsx',
    );
    expect(refusal(locked)).toMatchObject({
      code: 'workbook',
      what: 'a password-protected workbook',
    });
    const doc = await sniffFormat(bytesSource(compoundFile(['WordDocument'])), 'a.doc');
    expect(refusal(doc).what).toBe('a Word document (.doc)');
    const other = await sniffFormat(bytesSource(compoundFile(['Something'])), 'a.bin');
    // Not a workbook at all: the refusal's code says another kind of file.
    expect(refusal(other)).toMatchObject({
      code: 'binary',
      what: 'an Office compound file that is not a workbook',
    });
    const broken = await sniffFormat(bytesSource(compoundFile(['Something'])), 'a.xls');
    expect(refusal(broken)).toMatchObject({
      code: 'spreadsheet',
      what: 'a damaged Excel workbook (.xls)',
    });
    // A compound file cut short has no directory to read: damaged, whatever its name.
    const cut = compoundFile(['Workbook']).slice(0, 600);
    expect(refusal(await sniffFormat(bytesSource(cut), 'a.csv')).what).toBe(
      'a damaged Excel workbook (.xls)',
    );
  });

  it('refuses a Parquet file cut short in one sentence that says so, whatever its name', async () => {
    const parquet = writeParquet(transactionsParquetColumns(3));
    for (const size of [5, 500, parquet.length - 1])
      await expect(
        sniffFormat(bytesSource(parquet.slice(0, size)), 'orders.parquet'),
      ).rejects.toThrow(
        'This Parquet file is incomplete (it ends before its last part, as a copy or download cut short does): copy or download it again, then try again.',
      );
    await expect(sniffFormat(bytesSource(parquet.slice(0, 500)), 'x.csv')).rejects.toThrow(
      /^This Parquet file is incomplete/,
    );
  });

  it('leaves anything else (short files, images, text starting like a zip) to the CSV reader', async () => {
    expect((await sniffFormat(textSource('a'), 'a.csv')).format).toBe('csv');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await sniffFormat(bytesSource(png), 'a.png')).format).toBe('csv');
    // PAR1 at the start only, before text, is not Parquet.
    expect((await sniffFormat(textSource('PAR1,b\n1,2\n'), 'a.csv')).format).toBe('csv');
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(refusal(await sniffFormat(bytesSource(brokenZip), 'a.xlsx')).what).toBe(
      'a damaged zip archive',
    );
    // Four bytes are enough to tell a zip: a stub of one is a damaged zip, not a CSV to refuse.
    const stub = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(refusal(await sniffFormat(bytesSource(stub), 'book.csv'))).toEqual({
      code: 'binary',
      what: 'a damaged zip archive',
      action: 'choose a CSV, .xlsx or Parquet file',
    });
    expect((await sniffFormat(bytesSource(stub.subarray(0, 3)), 'a.csv')).format).toBe('csv');
  });
});
