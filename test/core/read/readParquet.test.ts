import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bytesSource, textSource } from '../../../src/core/read/byteSource';
import { inferColumns } from '../../../src/core/read/inferColumns';
import { readCsv } from '../../../src/core/read/readCsv';
import { readParquet, shortestFloat32 } from '../../../src/core/read/readParquet';
import { cellText, isMissing, rowSourceText } from '../../../src/core/read/table';
import { computeRfm } from '../../../src/core/rfm/rfm';
import { suggestTransactionMapping } from '../../../src/core/rfm/transactionMapping';
import { generateTransactionsCsv } from '../../../scripts/generators/transactions';
import {
  transactionsParquetColumns,
  writeParquet,
  type ParquetCodec,
  type ParquetColumn,
} from '../../../scripts/generators/workbooks';
import { englishText } from '../../../src/i18n/formatMessage';

const compressors = {
  GZIP: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes)),
  BROTLI: (bytes: Uint8Array) => new Uint8Array(brotliCompressSync(bytes)),
};
const parquet = (columns: ParquetColumn[], codec: ParquetCodec = 'SNAPPY', rowGroupSize = 1000) =>
  bytesSource(writeParquet(columns, { codec, compressors, rowGroupSize }));

describe('readParquet', () => {
  it.each<ParquetCodec>(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'])(
    'reads order lines compressed with %s into the table their CSV gives, and the same RFM',
    async (codec) => {
      const table = await readParquet(parquet(transactionsParquetColumns(150), codec, 700));
      const csv = await readCsv(textSource(generateTransactionsCsv({ customers: 150, seed: 1 })));
      expect(table.rowCount).toBe(csv.rowCount);
      expect(englishText(table.encodingReason)).toBe(`a Parquet file (${codec.toLowerCase()})`);
      // The same cells, except the dates, which Parquet holds as timestamps and we write as ISO.
      const names = table.columns.map((c) => c.name);
      expect(names).toEqual(csv.columns.map((c) => c.name));
      csv.columns.forEach((column, j) => {
        if (column.name === 'InvoiceDate') return;
        for (let i = 0; i < csv.rowCount; i++)
          expect(cellText(table.columns[j], i)).toBe(cellText(column, i));
      });
      expect(cellText(table.columns[names.indexOf('InvoiceDate')], 0)).toMatch(
        /^2025-01-01 \d\d:\d\d:00$/,
      );
      expect(inferColumns(table).map((c) => c.kind)).toEqual(inferColumns(csv).map((c) => c.kind));
      const mapping = suggestTransactionMapping(inferColumns(csv), csv.rowCount).mapping;
      const ours = computeRfm(table, { mapping, dateOrder: null, snapshot: null });
      const reference = computeRfm(csv, { mapping, dateOrder: null, snapshot: null });
      expect(ours.customers).toEqual(reference.customers);
      expect(Array.from(ours.recency)).toEqual(Array.from(reference.recency));
      expect(Array.from(ours.monetary)).toEqual(Array.from(reference.monetary));
      // Row text: a header line 1, so row i is line i + 2.
      expect(table.rowText.line[0]).toBe(2);
      expect(table.rowText.line[csv.rowCount - 1]).toBe(csv.rowCount + 1);
    },
  );

  it('writes booleans, dates, large integers, floats and nulls as a CSV of the file would', async () => {
    const columns: ParquetColumn[] = [
      { name: 'flag', data: [true, false, null], type: 'BOOLEAN' },
      {
        name: 'day',
        data: [new Date(Date.UTC(2024, 1, 29, 13, 5, 7)), null, new Date(Date.UTC(2024, 0, 1))],
        type: 'TIMESTAMP',
      },
      { name: 'big', data: [9007199254740993n, 5n, null], type: 'INT64' },
      { name: 'x', data: [0.1, -2.5e-9, null], type: 'DOUBLE' },
      { name: 'note', data: ['a, "b"', null, '客户'], type: 'STRING' },
    ];
    const table = await readParquet(parquet(columns));
    expect(rowSourceText(table.rowText, 0)).toBe(
      'TRUE,2024-02-29 13:05:07,9007199254740993,0.1,"a, ""b"""',
    );
    expect(rowSourceText(table.rowText, 1)).toBe('FALSE,,5,-2.5e-9');
    expect(rowSourceText(table.rowText, 2)).toBe(',2024-01-01 00:00:00,,,客户');
    expect(isMissing(table.columns[0], 2)).toBe(true);
    expect(table.columns[2].numbers[0]).toBe(9007199254740992);
    expect(table.notes.map(englishText)).toContain(
      'big holds integers too large to compute with exactly; calculations round them (exports keep every digit).',
    );
  });

  it('reads float32 values as the decimals they were written from', () => {
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(123.456))).toBe(123.456);
    expect(shortestFloat32(0.5)).toBe(0.5);
  });

  it('refuses a file too large for the page before reading its rows, and a damaged file, in a sentence', async () => {
    const source = parquet(transactionsParquetColumns(20));
    await expect(readParquet(source, { maxCells: 10 })).rejects.toThrow(
      /^This Parquet file has 2,224 cells, more than the 10 that can be analysed at once/,
    );
    const bytes = writeParquet(transactionsParquetColumns(20));
    const damaged = bytes.slice();
    damaged.fill(0xff, 8, 200);
    await expect(readParquet(bytesSource(damaged))).rejects.toThrow(
      /^This Parquet file cannot be read/,
    );
  });

  it('reports its progress per row group, ending at 1', async () => {
    const seen: number[] = [];
    await readParquet(parquet(transactionsParquetColumns(150), 'SNAPPY', 500), {
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });
});
