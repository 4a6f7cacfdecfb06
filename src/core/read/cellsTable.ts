import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import { csvField } from './cellText';
import { ColumnBuilder, firstItems } from './columnBuilder';
import { nameColumns } from './columnNames';
import type { Dialect } from './dialect';
import type { Column, ParseIssue, Table } from './table';

/** Row text is kept in chunks of about this many characters, as the CSV reader keeps its own. */
const CHUNK_CHARS = 1 << 20;
const MAX_LISTED_WARNINGS = 10_000;
/** The most cells a workbook sheet or Parquet file may have: what the page can hold. */
export const MAX_CELLS = 100_000_000;

/** A workbook or Parquet file has no delimiter or decimal of its own: its row text is plain CSV. */
export const CELLS_DIALECT: Dialect = { delimiter: ',', decimal: '.', hasHeader: true };

export interface CellsTableSource {
  /** The header's cells as shown (shorter than the columns: the rest get column_N). */
  header: string[];
  /** False when the first row held numbers, not names: columns are named column_1, column_2, ... */
  hasHeader: boolean;
  encodingReason: Message;
  byteLength: number;
  /** The refusal when there is a header but no rows (it names the sheet or the file). */
  noRows: Message;
  /** Notes of the reader (before the table's own). */
  notes: Message[];
}

/**
 * Builds the same Table a CSV gives from typed cells (a workbook's or a Parquet file's), row by
 * row: numbers straight into the columns, text cells read as the CSV reader reads a cell (so
 * `"$1,234"` or `NA` in a text cell mean what they mean in a CSV), error cells as missing with
 * a count, and the text of each row as one CSV line (RFC 4180), kept in large chunks, so that
 * exports repeat the cells as the user saw them. Cells of a row come in increasing column order;
 * a column skipped is missing. The width grows when a row reaches a new column.
 */
export class CellsTableBuilder {
  private readonly columns: ColumnBuilder[] = [];
  private rows = 0;
  private capacity: number;
  private start: Uint32Array;
  private end: Uint32Array;
  private line: Uint32Array;
  private readonly chunks: string[] = [];
  private readonly chunkFirstRow: number[] = [];
  private parts: string[] = [];
  private partsLength = 0;
  private rowLine = '';
  private nextColumn = 0;
  private rowLineNumber = 0;
  private rowError: string | null = null;
  private rowErrors = 0;
  private readonly errorCounts = new Map<string, number>();
  private readonly warnings: ParseIssue[] = [];
  private warningCount = 0;
  private blankLines = 0;

  constructor(estimatedRows: number) {
    this.capacity = Math.max(16, Math.ceil(estimatedRows));
    this.start = new Uint32Array(this.capacity);
    this.end = new Uint32Array(this.capacity);
    this.line = new Uint32Array(this.capacity);
  }

  get rowCount(): number {
    return this.rows;
  }

  get width(): number {
    return this.columns.length;
  }

  /** Makes sure the table has at least `width` columns (a header wider than any row). */
  ensureWidth(width: number): void {
    while (this.columns.length < width) {
      const column = new ColumnBuilder('', this.capacity, '.');
      for (let r = 0; r < this.rows; r++) column.addMissing(r);
      this.columns.push(column);
    }
  }

  /** Empty rows between rows of data, skipped as the CSV reader skips blank lines. */
  blank(count: number): void {
    this.blankLines += count;
  }

  /** Starts a row; `line` is where it is in the file (the sheet's row number, 1-based). */
  beginRow(line: number): void {
    if (this.rows >= this.capacity) this.grow(this.rows + 1);
    if (this.partsLength === 0) this.chunkFirstRow.push(this.rows);
    this.rowLine = '';
    this.nextColumn = 0;
    this.rowLineNumber = line;
    this.rowError = null;
    this.rowErrors = 0;
  }

  /** A text cell, read as the CSV reader reads a cell; `shown` is written to the row text. */
  text(column: number, text: string, shown: string = text): void {
    this.skipTo(column);
    this.columns[column].add(this.rows, text);
    this.rowLine += csvField(shown);
  }

  /** A number cell; the row text gets it in full precision. */
  number(column: number, value: number, shown?: string): void {
    this.skipTo(column);
    const text = shown ?? String(value);
    if (value === value && value !== Infinity && value !== -Infinity) {
      this.columns[column].add(this.rows, String(value));
    } else {
      this.columns[column].addMissing(this.rows);
    }
    this.rowLine += csvField(text);
  }

  /** A cell holding a spreadsheet error (`#DIV/0!`): missing, counted, and shown as written. */
  error(column: number, code: string): void {
    this.skipTo(column);
    this.columns[column].addMissing(this.rows);
    this.errorCounts.set(code, (this.errorCounts.get(code) ?? 0) + 1);
    this.rowError ??= code;
    this.rowErrors++;
    this.rowLine += csvField(code);
  }

  endRow(): void {
    const row = this.rows;
    for (let j = this.nextColumn; j < this.columns.length; j++) this.columns[j].addMissing(row);
    const text = this.rowLine + '\n';
    this.start[row] = this.partsLength;
    this.end[row] = this.partsLength + text.length;
    this.line[row] = this.rowLineNumber;
    this.parts.push(text);
    this.partsLength += text.length;
    if (this.rowError !== null) {
      this.warningCount++;
      if (this.warnings.length < MAX_LISTED_WARNINGS) {
        this.warnings.push({
          row,
          line: this.rowLineNumber,
          reason: message('rowSpreadsheetErrors', { count: this.rowErrors, code: this.rowError }),
        });
      }
    }
    this.rows++;
    if (this.partsLength >= CHUNK_CHARS) this.flushChunk();
  }

  finish(source: CellsTableSource): Table {
    if (this.rows === 0) {
      throw new UserError('no-rows', source.noRows.key, source.noRows.params);
    }
    if (this.partsLength > 0) this.flushChunk();
    const rowCount = this.rows;
    const notes = [...source.notes];
    const fields = this.columns.map((_, j) => (source.hasHeader ? (source.header[j] ?? '') : ''));
    // Unnamed empty columns at the right carry nothing (formatting reached past the table).
    let width = this.columns.length;
    let columns: Column[] = this.columns.map((column) => column.finish(rowCount));
    while (
      width > 1 &&
      fields[width - 1].trim() === '' &&
      columns[width - 1].missingCount === rowCount
    )
      width--;
    columns = columns.slice(0, width);
    const names = source.hasHeader
      ? nameColumns(fields.slice(0, width), notes)
      : fields.slice(0, width).map((_, j) => `column_${j + 1}`);
    if (!source.hasHeader) {
      notes.push(message('noteNumericHeader'));
    }
    columns.forEach((column, j) => (column.name = names[j]));
    if (this.errorCounts.size > 0) {
      const total = [...this.errorCounts.values()].reduce((a, b) => a + b, 0);
      const codes = [...this.errorCounts.keys()].join(', ');
      notes.push(message('noteSpreadsheetErrors', { count: total, codes }));
    }
    if (this.blankLines > 0) {
      notes.push(message('noteEmptyRows', { count: this.blankLines }));
    }
    this.chunkFirstRow.push(rowCount);
    return {
      columns,
      rowCount,
      rowStatus: new Uint8Array(rowCount),
      issues: [],
      warnings: this.warnings,
      rowText: {
        chunks: this.chunks,
        chunkFirstRow: this.chunkFirstRow,
        start: firstItems(this.start, rowCount),
        end: firstItems(this.end, rowCount),
        line: firstItems(this.line, rowCount),
        file: null,
      },
      dialect: { ...CELLS_DIALECT, hasHeader: source.hasHeader },
      encoding: 'utf-8',
      encodingReason: source.encodingReason,
      notes,
      blankLines: this.blankLines,
      byteLength: source.byteLength,
    };
  }

  /** Spreadsheet errors counted so far, by code. */
  get errors(): ReadonlyMap<string, number> {
    return this.errorCounts;
  }

  private skipTo(column: number): void {
    if (column < this.nextColumn) {
      throw new Error(`cells out of order: column ${column} after ${this.nextColumn - 1}`);
    }
    if (column >= this.columns.length) this.ensureWidth(column + 1);
    const row = this.rows;
    for (let j = this.nextColumn; j < column; j++) this.columns[j].addMissing(row);
    if (this.nextColumn > 0) this.rowLine += ','.repeat(column - this.nextColumn + 1);
    else if (column > 0) this.rowLine += ','.repeat(column);
    this.nextColumn = column + 1;
  }

  private flushChunk(): void {
    this.chunks.push(this.parts.join(''));
    this.parts = [];
    this.partsLength = 0;
  }

  private grow(needed: number): void {
    const capacity = Math.max(needed, Math.ceil(this.capacity * 1.5));
    const grow32 = (array: Uint32Array) => {
      const grown = new Uint32Array(capacity);
      grown.set(array);
      return grown;
    };
    this.start = grow32(this.start);
    this.end = grow32(this.end);
    this.line = grow32(this.line);
    for (const column of this.columns) column.reserve(capacity);
    this.capacity = capacity;
  }
}
