import { UserError } from '../common/userError';
import { ColumnBuilder, firstItems } from './columnBuilder';
import { nameColumns } from './columnNames';
import type { Encoding } from './detectEncoding';
import type { Dialect } from './dialect';
import { ROW_LONG, ROW_QUOTES, ROW_SHORT, type Column, type ParseIssue, type Table } from './table';
import { message, type Message } from '../common/message';
import { toByteOffsets } from './byteOffsets';
import type { ChunkOrigin } from './decodeChunks';
import { FileText } from './fileText';
import {
  FIELD_DOLLARS,
  FIELD_NUMBER,
  FIELD_TEXT,
  fieldCell,
  fieldCells,
  type ScannedFields,
} from './scannedFields';

/**
 * The widest table read. Every column costs a typed array per row capacity, so the bound keeps
 * memory proportional to the file (a 50 MB line of numbers is not 6 million columns).
 */
export const MAX_COLUMNS = 10_000;

function holdsNul(field: string): boolean {
  return field.indexOf('\u0000') !== -1;
}

/** Issues listed with their lines (every one is counted). */
const MAX_LISTED_ISSUES = 10_000;

/** Receives records and fills columns, row texts and the accounting. */
export class TableBuilder {
  private columns: ColumnBuilder[] = [];
  private header: string[] | null = null;
  private expected = 0;
  private rows = 0;
  private capacity: number;
  private status: Uint8Array;
  private start: Uint32Array;
  private end: Uint32Array;
  private line: Uint32Array;
  private readonly chunks: (string | null)[] = [];
  private readonly chunkFirstRow: number[] = [];
  /** Where the last chunk lies in the file, when its text can be let go once its records are in. */
  private lastOrigin: ChunkOrigin | null = null;
  private readonly issues: ParseIssue[] = [];
  private issueCount = 0;
  private readonly warnings: ParseIssue[] = [];
  private warningCount = 0;
  private blankLines = 0;
  private extraEmptyFields = 0;
  private readonly notes: Message[] = [];

  /**
   * `readSync` reads the file's bytes again, where the platform can: the records' text is then
   * kept as byte ranges into the file, not as text.
   */
  constructor(
    private readonly dialect: Dialect,
    estimatedRows: number,
    private readonly readSync: ((start: number, end: number) => Uint8Array) | null = null,
  ) {
    this.capacity = estimatedRows;
    this.status = new Uint8Array(estimatedRows);
    this.start = new Uint32Array(estimatedRows);
    this.end = new Uint32Array(estimatedRows);
    this.line = new Uint32Array(estimatedRows);
  }

  chunk(text: string, origin: ChunkOrigin | null): void {
    this.letGoOfText();
    this.chunks.push(text);
    this.chunkFirstRow.push(this.rows);
    this.lastOrigin = this.readSync === null ? null : origin;
  }

  /** The last chunk's records are all in: where they can be read again, keep only their bytes. */
  private letGoOfText(): void {
    const last = this.chunks.length - 1;
    const text = this.chunks[last];
    if (this.lastOrigin === null || text === null || text === undefined) return;
    const from = this.chunkFirstRow[last];
    if (toByteOffsets(text, this.lastOrigin, this.start, this.end, from, this.rows))
      this.chunks[last] = null;
    this.lastOrigin = null;
  }

  blankLine(): void {
    this.blankLines++;
  }

  /** A record from the reader's fast path: numbers already read, other cells as ranges. */
  fields(
    text: string,
    fields: ScannedFields,
    first: number,
    count: number,
    start: number,
    end: number,
    line: number,
    strayQuote: boolean,
  ): void {
    if (this.header === null || count !== this.expected) {
      // The header and records of the wrong width take the general path, as strings.
      const warning = strayQuote ? message('rowStrayQuote') : undefined;
      this.record(fieldCells(text, fields, first, count), start, end, line, warning);
      return;
    }
    const row = this.addRow(start, end, line);
    const columns = this.columns;
    const { kinds, values, starts, ends, ids } = fields;
    for (let j = 0, at = first; j < count; j++, at++) {
      const kind = kinds[at];
      if (kind === FIELD_NUMBER) columns[j].addNumber(row, values[at]);
      else if (kind === FIELD_DOLLARS) columns[j].addDollars(row, values[at]);
      else if (kind !== FIELD_TEXT) columns[j].add(row, fieldCell(text, fields, at));
      else if (ids !== null && ids[at] >= 0)
        columns[j].addTextWithId(row, ids[at], text, starts[at], ends[at]);
      else columns[j].addText(row, text, starts[at], ends[at]);
    }
    if (strayQuote) this.warn(row, line, message('rowStrayQuote'));
  }

  /** Records of plain numbers from the reader's WebAssembly scan (ScanSink.numberRecords). */
  numberRecords(
    values: Float64Array,
    first: number,
    width: number,
    records: Int32Array,
    firstRecord: number,
    count: number,
  ): boolean {
    if (this.header === null || width !== this.expected) return false;
    const row = this.rows;
    if (row + count > this.capacity) this.grow(row + count);
    this.rows += count;
    const { start, end, line } = this;
    for (let r = 0, at = firstRecord * 6; r < count; r++, at += 6) {
      start[row + r] = records[at + 2];
      end[row + r] = records[at + 3];
      line[row + r] = records[at + 4];
    }
    const columns = this.columns;
    for (let j = 0; j < width; j++) columns[j].addNumbers(row, values, first + j, width, count);
    return true;
  }

  record(
    fields: string[] | null,
    start: number,
    end: number,
    line: number,
    warning?: Message,
  ): void {
    if (this.header === null) {
      if (fields === null) {
        throw new UserError('not-csv', 'readHeaderQuotes', { line });
      }
      let width = fields.length;
      while (width > 0 && fields[width - 1].trim() === '') width--;
      if (width > MAX_COLUMNS) {
        throw new UserError('too-large', 'readTooManyColumns', {
          count: width,
          most: MAX_COLUMNS,
          line,
        });
      }
      this.startColumns(fields);
      if (this.dialect.hasHeader) return;
    }
    const row = this.addRow(start, end, line);
    const columns = this.columns;
    const expected = this.expected;
    if (fields === null) {
      this.markMalformed(row, ROW_QUOTES, line, message('rowQuotes'));
      for (let j = 0; j < expected; j++) columns[j].addMissing(row);
      return;
    }
    if (fields.some(holdsNul)) {
      // Text never holds a NUL byte: a few of them in a text file spoil only their rows.
      this.markMalformed(row, ROW_QUOTES, line, message('rowNul'));
      for (let j = 0; j < expected; j++) columns[j].addMissing(row);
      return;
    }
    let count = fields.length;
    if (count > expected && fields.slice(expected).every((field) => field.trim().length === 0)) {
      this.extraEmptyFields++;
      count = expected;
    }
    if (count === expected) {
      for (let j = 0; j < expected; j++) columns[j].add(row, fields[j]);
      if (warning !== undefined) this.warn(row, line, warning);
      return;
    }
    if (count < expected) {
      // Keep what is there, in place, so the user may choose to pad; never shift.
      this.markMalformed(row, ROW_SHORT, line, message('rowFieldCount', { count, expected }));
      for (let j = 0; j < count; j++) columns[j].add(row, fields[j]);
      for (let j = count; j < expected; j++) columns[j].addMissing(row);
      return;
    }
    this.markMalformed(row, ROW_LONG, line, message('rowFieldCount', { count, expected }));
    for (let j = 0; j < expected; j++) columns[j].addMissing(row);
  }

  finish(encoding: Encoding, encodingReason: Message, byteLength: number): Table {
    if (this.header === null) {
      throw new UserError('empty-file', 'readNoText');
    }
    if (this.rows === 0) {
      throw new UserError('no-rows', 'readNoRows');
    }
    const rowCount = this.rows;
    let columns: Column[] = this.columns.map((column) => column.finish(rowCount));
    // Excel leaves empty columns at the end of every row; they carry nothing.
    let dropped = 0;
    while (
      columns.length > 1 &&
      this.header[columns.length - 1].trim() === '' &&
      columns[columns.length - 1].missingCount === rowCount
    ) {
      columns = columns.slice(0, -1);
      dropped++;
    }
    if (dropped > 0) {
      // The dropped columns were the unnamed ones the header note counted.
      const unnamed = this.notes.findIndex((note) => note.key === 'noteUnnamedColumns');
      if (unnamed !== -1) {
        const left = Number(this.notes[unnamed].params?.count ?? 0) - dropped;
        if (left > 0) this.notes[unnamed] = message('noteUnnamedColumns', { count: left });
        else this.notes.splice(unnamed, 1);
      }
      this.notes.push(message('noteDroppedEmptyColumns', { count: dropped }));
    }
    if (this.extraEmptyFields > 0) {
      this.notes.push(message('noteExtraEmptyFields', { count: this.extraEmptyFields }));
    }
    if (this.blankLines > 0) {
      this.notes.push(message('noteBlankLines', { count: this.blankLines }));
    }
    if (this.warningCount > 0) {
      const lines = this.warnings
        .slice(0, 5)
        .map((w) => w.line)
        .join(', ');
      this.notes.push(
        message('noteStrayQuotes', {
          count: this.warningCount,
          lines: this.warningCount > 5 ? `${lines}, ...` : lines,
        }),
      );
    }
    if (this.issueCount > this.issues.length) {
      this.notes.push(
        message('noteManyIssues', { count: this.issueCount, listed: this.issues.length }),
      );
    }
    this.letGoOfText();
    this.chunkFirstRow.push(rowCount);
    const readSync = this.readSync;
    const file =
      readSync !== null && this.chunks.includes(null)
        ? new FileText(readSync, byteLength, encoding)
        : null;
    return {
      columns,
      rowCount,
      rowStatus: firstItems(this.status, rowCount),
      issues: this.issues,
      warnings: this.warnings,
      rowText: {
        chunks: this.chunks,
        chunkFirstRow: this.chunkFirstRow,
        start: firstItems(this.start, rowCount),
        end: firstItems(this.end, rowCount),
        line: firstItems(this.line, rowCount),
        file,
      },
      dialect: this.dialect,
      encoding,
      encodingReason,
      notes: this.notes,
      blankLines: this.blankLines,
      byteLength,
    };
  }

  private startColumns(fields: string[]): void {
    const names = this.dialect.hasHeader
      ? nameColumns(fields, this.notes)
      : fields.map((_, j) => `column_${j + 1}`);
    if (!this.dialect.hasHeader) {
      this.notes.push(message('noteNumericHeader'));
    }
    this.header = this.dialect.hasHeader ? fields : names.map(() => '');
    this.expected = names.length;
    this.columns = names.map(
      (name) => new ColumnBuilder(name, this.capacity, this.dialect.decimal),
    );
  }

  /** A new row, where its text lies and its line; returns its index. */
  private addRow(start: number, end: number, line: number): number {
    const row = this.rows;
    if (row >= this.capacity) this.grow(row + 1);
    this.rows++;
    this.start[row] = start;
    this.end[row] = end;
    this.line[row] = line;
    return row;
  }

  private warn(row: number, line: number, reason: Message): void {
    this.warningCount++;
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push({ row, line, reason });
  }

  private markMalformed(row: number, status: number, line: number, reason: Message): void {
    this.status[row] = status;
    this.issueCount++;
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push({ row, line, reason });
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, Math.ceil(this.capacity * 1.5));
    const grow32 = (array: Uint32Array) => {
      const grown = new Uint32Array(capacity);
      grown.set(array);
      return grown;
    };
    const status = new Uint8Array(capacity);
    status.set(this.status);
    this.status = status;
    this.start = grow32(this.start);
    this.end = grow32(this.end);
    this.line = grow32(this.line);
    for (const column of this.columns) column.reserve(capacity);
    this.capacity = capacity;
  }
}
