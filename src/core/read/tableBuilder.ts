import { UserError } from '../common/userError';
import { ColumnBuilder, firstItems } from './columnBuilder';
import { nameColumns, UNNAMED_NOTE_END, unnamedNote } from './columnNames';
import type { Encoding } from './detectEncoding';
import type { Dialect } from './dialect';
import { ROW_LONG, ROW_QUOTES, ROW_SHORT, type Column, type ParseIssue, type Table } from './table';

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
  private readonly chunks: string[] = [];
  private readonly chunkFirstRow: number[] = [];
  private readonly issues: ParseIssue[] = [];
  private issueCount = 0;
  private readonly warnings: ParseIssue[] = [];
  private warningCount = 0;
  private blankLines = 0;
  private extraEmptyFields = 0;
  private readonly notes: string[] = [];

  constructor(
    private readonly dialect: Dialect,
    estimatedRows: number,
  ) {
    this.capacity = estimatedRows;
    this.status = new Uint8Array(estimatedRows);
    this.start = new Uint32Array(estimatedRows);
    this.end = new Uint32Array(estimatedRows);
    this.line = new Uint32Array(estimatedRows);
  }

  chunk(text: string): void {
    this.chunks.push(text);
    this.chunkFirstRow.push(this.rows);
  }

  blankLine(): void {
    this.blankLines++;
  }

  record(
    fields: string[] | null,
    start: number,
    end: number,
    line: number,
    warning?: string,
  ): void {
    if (this.header === null) {
      if (fields === null) {
        throw new UserError(
          'not-csv',
          `The header (line ${line}) has unbalanced quotes: fix the first line of the file and try again.`,
        );
      }
      this.startColumns(fields);
      if (this.dialect.hasHeader) return;
    }
    const row = this.rows;
    if (row >= this.capacity) this.grow(row + 1);
    this.rows++;
    this.start[row] = start;
    this.end[row] = end;
    this.line[row] = line;
    const columns = this.columns;
    const expected = this.expected;
    if (fields === null) {
      this.markMalformed(row, ROW_QUOTES, line, 'unbalanced or stray quotes');
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
      this.markMalformed(
        row,
        ROW_SHORT,
        line,
        `${count} ${count === 1 ? 'field' : 'fields'} where the header has ${expected}`,
      );
      for (let j = 0; j < count; j++) columns[j].add(row, fields[j]);
      for (let j = count; j < expected; j++) columns[j].addMissing(row);
      return;
    }
    this.markMalformed(row, ROW_LONG, line, `${count} fields where the header has ${expected}`);
    for (let j = 0; j < expected; j++) columns[j].addMissing(row);
  }

  finish(encoding: Encoding, encodingReason: string, byteLength: number): Table {
    if (this.header === null) {
      throw new UserError(
        'empty-file',
        'This file has no text in it: choose a CSV file with a header row and rows of data.',
      );
    }
    if (this.rows === 0) {
      throw new UserError(
        'no-rows',
        'This file has a header but no rows of data: add rows below the header and try again.',
      );
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
      const unnamed = this.notes.findIndex((note) => note.endsWith(UNNAMED_NOTE_END));
      if (unnamed !== -1) {
        const left = Number.parseInt(this.notes[unnamed], 10) - dropped;
        if (left > 0) this.notes[unnamed] = unnamedNote(left);
        else this.notes.splice(unnamed, 1);
      }
      this.notes.push(
        `Dropped ${dropped} empty ${dropped === 1 ? 'column' : 'columns'} without a name at the end of each row.`,
      );
    }
    if (this.extraEmptyFields > 0) {
      this.notes.push(
        `${this.extraEmptyFields} ${this.extraEmptyFields === 1 ? 'row ends' : 'rows end'} with extra empty fields; they were ignored.`,
      );
    }
    if (this.blankLines > 0) {
      this.notes.push(
        `Skipped ${this.blankLines} blank ${this.blankLines === 1 ? 'line' : 'lines'}.`,
      );
    }
    if (this.warningCount > 0) {
      const lines = this.warnings
        .slice(0, 5)
        .map((w) => w.line)
        .join(', ');
      this.notes.push(
        `${this.warningCount} ${this.warningCount === 1 ? 'row has' : 'rows have'} a quote inside an unquoted field (line ${lines}${this.warningCount > 5 ? ', ...' : ''}); ${this.warningCount === 1 ? 'it was' : 'they were'} read as written.`,
      );
    }
    if (this.issueCount > this.issues.length) {
      this.notes.push(
        `${this.issueCount} rows could not be read; the first ${this.issues.length} are listed.`,
      );
    }
    this.chunkFirstRow.push(rowCount);
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
      this.notes.push(
        'The first row holds numbers, not names: the columns are named column_1, column_2, ...',
      );
    }
    this.header = this.dialect.hasHeader ? fields : names.map(() => '');
    this.expected = names.length;
    this.columns = names.map(
      (name) => new ColumnBuilder(name, this.capacity, this.dialect.decimal),
    );
  }

  private warn(row: number, line: number, reason: string): void {
    this.warningCount++;
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push({ row, line, reason });
  }

  private markMalformed(row: number, status: number, line: number, reason: string): void {
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
