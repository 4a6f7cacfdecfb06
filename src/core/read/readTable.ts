import { describeSize } from '../common/byteSize';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { ByteSource } from './byteSource';
import type { Encoding } from './detectEncoding';
import type { Delimiter } from './dialect';
import type { DecimalSeparator } from './parseNumber';
import { readCsv } from './readCsv';
import { sniffFormat } from './sniffFormat';
import type { Table } from './table';

export type TableFormat = 'csv' | 'xlsx' | 'xls' | 'parquet';

/** What the user chose about the file: a sheet of a workbook; the encoding and dialect of a CSV. */
export interface TableChoice {
  sheet?: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
}

export interface TableReadOptions {
  /** Refuse larger files with a sentence that says so. */
  maxBytes?: number;
  onProgress?: StageProgress;
}

export interface TableRead {
  table: Table;
  format: TableFormat;
  /** A workbook's sheets, in order (for the sheet picker); null for CSV and Parquet. */
  sheets: string[] | null;
  /** The sheet read, or null. */
  sheet: string | null;
}

/**
 * Reads any file the page accepts into a Table: tells the format from the bytes, then reads a
 * CSV with `readCsv` and a workbook or Parquet file with its own reader, loaded only then (a
 * dynamic import, so the page's first load carries none of them). Files that are something else
 * (an OpenDocument spreadsheet, a zip, a password-protected workbook) are refused in a sentence
 * that says what they are.
 */
export async function readTable(
  source: ByteSource,
  name: string,
  choice: TableChoice = {},
  options: TableReadOptions = {},
): Promise<TableRead> {
  const { maxBytes, onProgress } = options;
  if (maxBytes !== undefined && source.size > maxBytes) {
    throw new UserError('too-large', 'readTooLarge', {
      size: describeSize(source.size),
      limit: describeSize(maxBytes),
    });
  }
  const sniffed = await sniffFormat(source, name);
  switch (sniffed.format) {
    case 'xlsx': {
      const { readXlsx } = await import('./readXlsx');
      const read = await readXlsx(sniffed.archive!, { sheet: choice.sheet, onProgress });
      return { ...read, format: 'xlsx' };
    }
    case 'xls': {
      const { readXls } = await import('./readXls');
      const read = await readXls(source, { sheet: choice.sheet, onProgress });
      return { ...read, format: 'xls' };
    }
    case 'parquet': {
      const { readParquet } = await import('./readParquet');
      const table = await readParquet(source, { onProgress });
      return { table, format: 'parquet', sheets: null, sheet: null };
    }
    case 'refused': {
      const { code, what, action } = sniffed.refusal!;
      throw new UserError(code, 'readRefused', { what, action });
    }
    default: {
      const table = await readCsv(source, {
        encoding: choice.encoding,
        delimiter: choice.delimiter,
        decimal: choice.decimal,
        maxBytes,
        onProgress,
      });
      return { table, format: 'csv', sheets: null, sheet: null };
    }
  }
}
