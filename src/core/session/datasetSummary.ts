import type { Encoding } from '../read/detectEncoding';
import type { Delimiter } from '../read/dialect';
import type { ColumnSummary } from '../read/inferColumns';
import type { DecimalSeparator } from '../read/parseNumber';
import type { TableFormat } from '../read/readTable';
import { ROW_OK, ROW_SHORT, type ParseIssue, type Table } from '../read/table';
import { suggestTransactionMapping, type MappingSuggestion } from '../rfm/transactionMapping';
import type { Message } from '../common/message';

/** How to read a file: each left undefined is detected (or, for `sheet`, the first). */
export interface ReadChoice {
  /** The sheet of a workbook to read, by name (ignored for CSV and Parquet). */
  sheet?: string;
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
}

/** A file as the page describes it after reading: its dialect, columns and unreadable rows. */
export interface DatasetSummary {
  fileName: string;
  fileSize: number;
  /** What the file was read as (from its bytes, not its name). */
  format: TableFormat;
  /** A workbook's sheets, in order (for the sheet picker); null for CSV and Parquet. */
  sheets: string[] | null;
  /** The sheet read, or null for CSV and Parquet. */
  sheet: string | null;
  rowCount: number;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  hasHeader: boolean;
  encoding: Encoding;
  encodingReason: Message;
  columns: ColumnSummary[];
  /** The first rows that could not be read, with their line and reason. */
  issues: ParseIssue[];
  malformedRows: number;
  /** Rows with too few fields (the user may keep them, padded). */
  shortRows: number;
  notes: Message[];
  /** Whether the file looks like order lines, and the suggested column mapping for RFM. */
  transactions: MappingSuggestion;
}

/** The issues listed on the page (every one is counted). */
const LISTED_ISSUES = 200;

/** What was read from a file besides its table: its format and, for a workbook, its sheets. */
export interface FileRead {
  format: TableFormat;
  sheets: string[] | null;
  sheet: string | null;
}

/** A table read from anywhere but a file (tests, the RFM customers' own table): a CSV. */
export const CSV_READ: FileRead = { format: 'csv', sheets: null, sheet: null };

export function describeDataset(
  fileName: string,
  fileSize: number,
  table: Table,
  columns: ColumnSummary[],
  read: FileRead = CSV_READ,
): DatasetSummary {
  let malformed = 0;
  let short = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (table.rowStatus[i] !== ROW_OK) malformed++;
    if (table.rowStatus[i] === ROW_SHORT) short++;
  }
  return {
    fileName,
    fileSize,
    format: read.format,
    sheets: read.sheets === null ? null : [...read.sheets],
    sheet: read.sheet,
    rowCount: table.rowCount,
    delimiter: table.dialect.delimiter,
    decimal: table.dialect.decimal,
    hasHeader: table.dialect.hasHeader,
    encoding: table.encoding,
    encodingReason: table.encodingReason,
    columns,
    issues: table.issues.slice(0, LISTED_ISSUES),
    malformedRows: malformed,
    shortRows: short,
    notes: table.notes,
    transactions: suggestTransactionMapping(columns, table.rowCount, table),
  };
}
