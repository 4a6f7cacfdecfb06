import * as XLSX from '@e965/xlsx';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import {
  chineseWorkbook,
  columnLetters,
  customersWorkbook,
  excelSerial,
  reportWorkbook,
  transactionsParquetColumns,
  transactionsWorkbook,
  writeParquet,
  writeXlsx,
  writeZip,
} from '../../scripts/generators/workbooks';

describe('the workbook generators', () => {
  it('write the same bytes for the same workbook (seeded, dated zip entries)', () => {
    expect(writeXlsx(chineseWorkbook(10))).toEqual(writeXlsx(chineseWorkbook(10)));
    expect(writeXlsx(transactionsWorkbook(5, 'mixed'))).toEqual(
      writeXlsx(transactionsWorkbook(5, 'mixed')),
    );
    expect(writeZip({ a: 'x' })).toEqual(writeZip({ a: 'x' }));
  });

  it('write workbooks another reader (SheetJS) reads: names, strings, numbers, dates, errors, merges', () => {
    const book = XLSX.read(writeXlsx(chineseWorkbook(10)), {
      type: 'array',
      cellDates: true,
      UTC: true,
    });
    expect(book.SheetNames).toEqual(['说明', '客户数据']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['客户数据'], {
      header: 1,
      UTC: true,
    });
    const expected = [...chineseWorkbook(10).sheets[1].rows];
    expect(rows[0]).toEqual(expected[0]);
    expected.slice(1).forEach((row, i) => {
      const name = row[1] as string | { inline: string };
      expect(rows[i + 1][1]).toBe(typeof name === 'string' ? name : name.inline);
      expect(rows[i + 1][3]).toBe(row[3]);
      expect((rows[i + 1][5] as Date).getTime()).toBe((row[5] as { date: Date }).date.getTime());
    });
    const report = XLSX.read(writeXlsx(reportWorkbook()), { type: 'array' }).Sheets.Report;
    expect(report['!merges']).toEqual([{ s: { r: 2, c: 2 }, e: { r: 2, c: 3 } }]);
    expect(report.F5).toMatchObject({ t: 'e', w: '#DIV/0!' });
    expect(report.F4).toMatchObject({ t: 'n', v: 30.125, f: 'C4/E4' });
  });

  it('write the customers as typed cells and Parquet files hyparquet reads back', async () => {
    const [header, first] = [...customersWorkbook(3).sheets[0].rows];
    expect(header[0]).toBe('customer_id');
    expect(typeof first[1]).toBe('number');
    const bytes = writeParquet(transactionsParquetColumns(3));
    const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
    expect(metadata.schema.map((s) => s.name).slice(1)).toEqual(
      transactionsParquetColumns(3).map((c) => c.name),
    );
    const rows = await parquetReadObjects({ file: bytes.buffer as ArrayBuffer });
    expect(rows).toHaveLength(Number(metadata.num_rows));
  });

  it('number columns and dates the way Excel does', () => {
    expect(
      ['A', 'Z', 'AA', 'AZ', 'BA', 'XFD'].map((_, i) =>
        columnLetters([0, 25, 26, 51, 52, 16383][i]),
      ),
    ).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'XFD']);
    expect(excelSerial(Date.UTC(2010, 11, 1, 12))).toBe(40513.5);
    expect(excelSerial(Date.UTC(2010, 11, 1), true)).toBe(39051);
  });
});
