import { bytesSource, type ByteSource } from './byteSource';
import { ColumnBuilder, fitted } from './columnBuilder';
import {
  decodeChunks,
  DEFAULT_CHUNK_BYTES,
  normaliseLineEndings,
  type DecodedChunk,
} from './decodeChunks';
import { detectEncoding, guessLegacyEncoding, type Encoding } from './detectEncoding';
import type { DecimalSeparator } from './parseNumber';
import type { StageProgress } from '../common/progress';
import { readRecords } from './readRecords';
import { sniffDialect } from './sniffDialect';
import { type Delimiter, type Dialect } from './dialect';
import { ROW_LONG, ROW_QUOTES, ROW_SHORT, type Column, type ParseIssue, type Table } from './table';
import { UserError } from '../common/userError';

export interface ReadOptions {
  /** Override the detected encoding. */
  encoding?: Encoding;
  delimiter?: Delimiter;
  decimal?: DecimalSeparator;
  hasHeader?: boolean;
  /** Refuse larger files with a sentence that says so. */
  maxBytes?: number;
  /** Bytes decoded and parsed at a time. */
  chunkBytes?: number;
  onProgress?: StageProgress;
}

const HEAD_BYTES = 64 * 1024;
const SAMPLE_BYTES = 256 * 1024;
const MAX_LISTED_ISSUES = 10_000;

/**
 * Reads a CSV file into typed columns: detects encoding and dialect, streams the file through
 * PapaParse chunk by chunk, and accounts for every record (well-formed or not).
 */
export async function readCsv(source: ByteSource, options: ReadOptions = {}): Promise<Table> {
  if (source.size === 0) {
    throw new UserError(
      'empty-file',
      'This file is empty: choose a CSV file with a header row and rows of data.',
    );
  }
  if (options.maxBytes !== undefined && source.size > options.maxBytes) {
    throw new UserError(
      'too-large',
      `This file is ${formatBytes(source.size)}, more than the ${formatBytes(options.maxBytes)} this page can hold: use the command line (npx segmentlens analyze FILE) for files this large.`,
    );
  }
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const detected = detectEncoding(head);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = bomLengthFor(head, encoding);
  const reason = options.encoding ? 'chosen by you' : detected.reason;
  try {
    return await readWith(
      source,
      encoding,
      bomLength,
      reason,
      options,
      encoding === 'utf-8' && !options.encoding,
    );
  } catch (error) {
    if (!(error instanceof TypeError) || !(error as { invalidUtf8?: boolean }).invalidUtf8)
      throw error;
    // Valid UTF-8 at the start, invalid later: read again in the legacy code page the bytes suggest.
    const at = (error as { at?: number }).at ?? 0;
    const window = await source.read(
      Math.max(0, at - SAMPLE_BYTES),
      Math.min(source.size, at + SAMPLE_BYTES),
    );
    const legacy = guessLegacyEncoding(window);
    return readWith(source, legacy, 0, `not valid UTF-8 after ${formatBytes(at)}`, options, false);
  }
}

function bomLengthFor(head: Uint8Array, encoding: Encoding): number {
  if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

async function readWith(
  source: ByteSource,
  encoding: Encoding,
  bomLength: number,
  encodingReason: string,
  options: ReadOptions,
  fatal: boolean,
): Promise<Table> {
  const sampleBytes = await source.read(bomLength, Math.min(source.size, bomLength + SAMPLE_BYTES));
  const sample = normaliseLineEndings(
    new TextDecoder(encoding, { ignoreBOM: true }).decode(sampleBytes, { stream: true }),
  );
  const sniffed = sniffDialect(sample, bomLength + SAMPLE_BYTES >= source.size);
  const dialect: Dialect = {
    delimiter: options.delimiter ?? sniffed.delimiter,
    decimal: options.decimal ?? sniffed.decimal,
    hasHeader: options.hasHeader ?? sniffed.hasHeader,
  };
  const builder = new TableBuilder(dialect, estimateRows(source.size, sample));
  let bytesRead = 0;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  async function* tracked(): AsyncGenerator<DecodedChunk> {
    try {
      for await (const chunk of decodeChunks(source, encoding, {
        skipBytes: bomLength,
        fatal,
        chunkBytes,
      })) {
        bytesRead = chunk.bytesRead;
        options.onProgress?.(chunk.bytesRead / source.size);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof TypeError && fatal) {
        Object.assign(error, { invalidUtf8: true, at: bytesRead });
      }
      throw error;
    }
  }
  await readRecords(tracked(), dialect.delimiter, builder);
  return builder.finish(encoding, encodingReason, source.size);
}

function estimateRows(size: number, sample: string): number {
  const lines = sample.split('\n', 2000).length;
  const averageLine = Math.max(8, sample.length / Math.max(1, lines));
  return Math.min(50_000_000, Math.ceil((size / averageLine) * 1.1) + 16);
}

/** Receives records and fills columns, row texts and the accounting. */
class TableBuilder {
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
      rowStatus: fitted(this.status, rowCount),
      issues: this.issues,
      warnings: this.warnings,
      rowText: {
        chunks: this.chunks,
        chunkFirstRow: this.chunkFirstRow,
        start: fitted(this.start, rowCount),
        end: fitted(this.end, rowCount),
        line: fitted(this.line, rowCount),
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

const UNNAMED_NOTE_END = 'no name and got one (column_N).';

function unnamedNote(count: number): string {
  return `${count} ${count === 1 ? 'column has' : 'columns have'} ${UNNAMED_NOTE_END}`;
}

/** Trimmed names; empty ones get `column_N`, repeated ones `name_2`, `name_3`. */
export function nameColumns(fields: string[], notes: string[]): string[] {
  const used = new Set<string>();
  let generated = 0;
  let renamed = 0;
  const names = fields.map((field, j) => {
    let name = field.trim();
    if (name === '') {
      name = `column_${j + 1}`;
      generated++;
    }
    if (used.has(name.toLowerCase())) {
      let n = 2;
      while (used.has(`${name}_${n}`.toLowerCase())) n++;
      name = `${name}_${n}`;
      renamed++;
    }
    used.add(name.toLowerCase());
    return name;
  });
  if (generated > 0) notes.push(unnamedNote(generated));
  if (renamed > 0) {
    notes.push(
      `${renamed} repeated column ${renamed === 1 ? 'name was' : 'names were'} made unique (name_2, name_3, ...).`,
    );
  }
  return names;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/**
 * Reads a made-up file twice (customer-like columns, then plain decimals), so that the
 * JavaScript engine has compiled the reader before the first real file: a cold first read runs
 * at about half speed. The page's worker calls this while it waits for a file; the benchmark,
 * to measure the reader at its working speed.
 */
export async function warmUpReading(): Promise<void> {
  const mixed = ['id,amount,visits,score,region'];
  const decimals = ['a,b,c,d,e,f,g,h'];
  for (let i = 0; i < 5000; i++) {
    mixed.push(`C${100000 + i},${((i * 7919) % 10000) / 7},${i % 13},-${(i % 97) / 10},R${i % 5}`);
    const x = ((i * 104729) % 1000003) / 97.3;
    decimals.push(
      [x, -x / 3, x * 1.7, -x * 0.41, x / 9, x * 2.3, -x / 7, x * 0.9]
        .map((v) => v.toFixed(5))
        .join(','),
    );
  }
  for (const lines of [mixed, decimals, decimals])
    await readCsv(bytesSource(new TextEncoder().encode(lines.join('\n') + '\n')));
}
