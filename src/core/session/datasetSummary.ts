import type { Encoding } from '../read/detectEncoding';
import type { Delimiter } from '../read/dialect';
import type { ColumnSummary } from '../read/inferColumns';
import type { DecimalSeparator } from '../read/parseNumber';
import { ROW_OK, ROW_SHORT, type ParseIssue, type Table } from '../read/table';
import { suggestTransactionMapping, type MappingSuggestion } from '../rfm/transactionMapping';
import type { Message } from '../common/message';

/** How to read a file: each left undefined is detected. */
export interface ReadChoice {
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
}

/** A file as the page describes it after reading: its dialect, columns and unreadable rows. */
export interface DatasetSummary {
  fileName: string;
  fileSize: number;
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

export function describeDataset(
  fileName: string,
  fileSize: number,
  table: Table,
  columns: ColumnSummary[],
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
    transactions: suggestTransactionMapping(columns, table.rowCount),
  };
}
