import { UserError } from '../common/userError';
import type { Encoding } from './detectEncoding';
import type { Dialect } from './dialect';
import type { Message } from '../common/message';
import type { FileText } from './fileText';

/** Per-row code in `Column.codes`: the cell was missing. */
export const MISSING_CODE = -2;
/** Per-row code in `Column.codes`: the cell was a number (see `Column.numbers`). */
export const NUMBER_CODE = -1;

/**
 * One column of the file, typed as it was read. Numbers go straight into a Float64Array; other
 * text is dictionary-encoded, which keeps a million-row file small and makes per-value work
 * (dates, categories) run once per distinct value.
 */
export interface Column {
  name: string;
  /** The cell as a number, NaN where it was missing or not a number. */
  numbers: Float64Array;
  /**
   * Null when every filled cell was a number (then NaN in `numbers` means missing). Otherwise,
   * per row: MISSING_CODE, NUMBER_CODE, or the index of the cell's text in `texts`.
   */
  codes: Int32Array | null;
  /** Distinct non-numeric values (trimmed), in order of first appearance. */
  texts: string[];
  /** How many rows hold each of `texts`. */
  textCounts: number[];
  missingCount: number;
  numberCount: number;
  /** A unit stripped from the numbers (`$`, `€`, `%`, `CNY`), when there was one. */
  unit: string | null;
}

/** Why a row could not be read into columns. */
export type RowStatus = 'ok' | 'short' | 'long' | 'quotes';
export const ROW_OK = 0;
export const ROW_SHORT = 1;
export const ROW_LONG = 2;
export const ROW_QUOTES = 3;
export const ROW_STATUS_NAMES: RowStatus[] = ['ok', 'short', 'long', 'quotes'];

export interface ParseIssue {
  /** Index of the record (0 = first row after the header). */
  row: number;
  /** 1-based line of the file where the record starts. */
  line: number;
  reason: Message;
}

/**
 * The original text of every record, kept so that exports repeat the user's own cells exactly.
 * The text lives in the chunks it was decoded in (a record never straddles two chunks), or, where
 * the file can be read again (a file on disk, a File in a worker), only as byte ranges into it:
 * a million-row file then keeps 8 bytes a row instead of its text.
 */
export interface RowTextStore {
  /** Each chunk's text; null where its records are read again from the file (`file`). */
  chunks: (string | null)[];
  /** First record index of each chunk (ascending), plus the record count at the end. */
  chunkFirstRow: number[];
  /**
   * Where each record lies: [start, end) including the line ending, in its chunk's text, or in
   * the file's bytes where that chunk's text is null.
   */
  start: Uint32Array;
  end: Uint32Array;
  /** 1-based file line where each record starts. */
  line: Uint32Array;
  /** Reads the records whose chunk was let go; null when every chunk kept its text. */
  file: FileText | null;
}

export interface Table {
  columns: Column[];
  /** Records after the header, good and malformed alike: every one is accounted for. */
  rowCount: number;
  /** Per record: ROW_OK, ROW_SHORT, ROW_LONG or ROW_QUOTES. */
  rowStatus: Uint8Array;
  /** Records that could not be read into the columns (set aside), with line and reason. */
  issues: ParseIssue[];
  /** Records read, but with something odd about them (kept). */
  warnings: ParseIssue[];
  rowText: RowTextStore;
  dialect: Dialect;
  encoding: Encoding;
  /** Why that encoding (the page says "detected from ..."). */
  encodingReason: Message;
  /** Things the reader did that the user should know about (renamed headers, dropped columns). */
  notes: Message[];
  /** Blank lines skipped (they are not records). */
  blankLines: number;
  byteLength: number;
}

export function isMissing(column: Column, row: number): boolean {
  return column.codes === null
    ? column.numbers[row] !== column.numbers[row]
    : column.codes[row] === MISSING_CODE;
}

/** The cell as text, as it was read (trimmed), or '' when missing. */
export function cellText(column: Column, row: number): string {
  if (column.codes !== null) {
    const code = column.codes[row];
    if (code >= 0) return column.texts[code];
    if (code === MISSING_CODE) return '';
  } else if (column.numbers[row] !== column.numbers[row]) {
    return '';
  }
  return String(column.numbers[row]);
}

/** The original text of a record, without its line ending. */
export function rowSourceText(store: RowTextStore, row: number): string {
  const chunk = chunkOf(store, row);
  let end = store.end[row];
  const text = store.chunks[chunk];
  if (text === null) {
    const record = (store.file as FileText).text(store.start[row], end);
    return record.endsWith('\n') ? record.slice(0, -1) : record;
  }
  if (end > store.start[row] && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(store.start[row], end);
}

function chunkOf(store: RowTextStore, row: number): number {
  const firsts = store.chunkFirstRow;
  let lo = 0;
  let hi = firsts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid] <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function columnIndex(table: Table, name: string): number {
  return table.columns.findIndex((column) => column.name === name);
}

/** The index of a column the user named; a name the table lacks is refused in one sentence. */
export function requireColumn(
  table: Table,
  name: string,
  code: 'bad-option' | 'bad-mapping',
): number {
  const index = columnIndex(table, name);
  if (index === -1) {
    const names = table.columns.map((c) => c.name).join(', ');
    throw new UserError(code, 'noColumn', { name, names });
  }
  return index;
}
