import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnData,
  type Compressors,
  type FileMetaData,
  type SchemaElement,
} from 'hyparquet';
import type { StageProgress } from '../common/progress';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import type { ByteSource } from './byteSource';
import { CellsTableBuilder, MAX_CELLS } from './cellsTable';
import { booleanText, isoDateText } from './cellText';
import type { Table } from './table';

export interface ParquetOptions {
  onProgress?: StageProgress;
  /** A limit, lower in tests. */
  maxCells?: number;
}

/** How a column's values are written into the table. */
const PLAIN = 0;
const DATE = 1;
const TIMESTAMP = 2;
const FLOAT32 = 3;
type ValueKind = typeof PLAIN | typeof DATE | typeof TIMESTAMP | typeof FLOAT32;

const DAY_MS = 86_400_000;
/** Codecs hyparquet reads by itself; the others load hyparquet-compressors (gzip, zstd, brotli, lz4). */
const BUILT_IN_CODECS = new Set(['UNCOMPRESSED', 'SNAPPY']);
const utf8 = new TextDecoder('utf-8');

/** Dates and timestamps as milliseconds, JSON as its text: the table writes them as ISO text. */
const PARSERS = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Number(micros / 1000n),
  timestampFromNanoseconds: (nanos: bigint) => Number(nanos / 1_000_000n),
  dateFromDays: (days: number) => days * DAY_MS,
  jsonFromBytes: (bytes: Uint8Array) => (bytes ? utf8.decode(bytes) : bytes),
};

/**
 * Reads a Parquet file into a Table, column by column and row group by row group, straight from
 * its typed values (no CSV text in between, except the row text exports repeat): numbers stay
 * numbers, text is read as a CSV cell is, dates and timestamps become ISO text, booleans
 * `TRUE`/`FALSE`, nulls missing. Nested columns (lists, structs, maps) are left out with a note.
 */
export async function readParquet(
  source: ByteSource,
  options: ParquetOptions = {},
): Promise<Table> {
  const file = asyncBuffer(source);
  const metadata = await library(() => parquetMetadataAsync(file, { parsers: PARSERS }));
  const schema = parquetSchema(metadata);
  const flat = schema.children.filter(
    (child) => child.children.length === 0 && child.element.repetition_type !== 'REPEATED',
  );
  const nested = schema.children.filter((child) => !flat.includes(child));
  if (flat.length === 0) {
    throw new UserError('parquet', 'parquetNoFlatColumns');
  }
  const rowCount = Number(metadata.num_rows);
  const maxCells = options.maxCells ?? MAX_CELLS;
  if (rowCount * flat.length > maxCells) {
    throw new UserError('too-large', 'parquetTooManyCells', {
      cells: rowCount * flat.length,
      most: maxCells,
    });
  }
  const names = flat.map((child) => child.element.name);
  const kinds = flat.map((child) => valueKind(child.element));
  const compressors = await compressorsFor(metadata);
  const builder = new CellsTableBuilder(rowCount);
  builder.ensureWidth(names.length);
  const roundedColumns = new Set<string>();
  const dates = names.map(() => ({ time: NaN, text: '' }));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    const values = names.map(() => new Array<unknown>(rowEnd - rowStart));
    await library(() =>
      parquetRead({
        file,
        metadata,
        columns: names,
        rowStart,
        rowEnd,
        compressors,
        parsers: PARSERS,
        onChunk: (chunk: ColumnData) => place(chunk, names, values, rowStart, rowEnd),
      }),
    );
    for (let i = 0; i < rowEnd - rowStart; i++) {
      // A header line 1, as the CSV of this file would have.
      builder.beginRow(rowStart + i + 2);
      for (let j = 0; j < names.length; j++) {
        const value = values[j][i];
        if (value === null || value === undefined) continue;
        if (!writeCell(builder, j, value, kinds[j], dates[j])) roundedColumns.add(names[j]);
      }
      builder.endRow();
    }
    rowStart = rowEnd;
    options.onProgress?.(rowCount === 0 ? 1 : rowStart / rowCount);
  }
  const notes: Message[] = [];
  if (nested.length > 0) {
    notes.push(
      message('noteParquetNested', {
        count: nested.length,
        names: nested.map((c) => c.element.name).join(', '),
      }),
    );
  }
  if (roundedColumns.size > 0) {
    notes.push(
      message('noteParquetRounded', {
        count: roundedColumns.size,
        names: [...roundedColumns].join(', '),
      }),
    );
  }
  const codecs = [
    ...new Set(
      metadata.row_groups.flatMap((g) =>
        g.columns.map((c) => c.meta_data?.codec ?? 'UNCOMPRESSED'),
      ),
    ),
  ];
  return builder.finish({
    header: names,
    hasHeader: true,
    encodingReason: message('encodingParquet', {
      codecs: codecs.map((c) => c.toLowerCase()).join(', '),
    }),
    byteLength: source.size,
    noRows: message('parquetNoRows'),
    notes,
  });
}

/** Writes one value; false when it was an integer too large for a double (rounded). */
function writeCell(
  builder: CellsTableBuilder,
  column: number,
  value: unknown,
  kind: ValueKind,
  date: { time: number; text: string },
): boolean {
  switch (typeof value) {
    case 'number':
      if (kind === DATE || kind === TIMESTAMP) {
        // Order lines repeat their time row after row: format each run of one time once.
        if (value !== date.time) {
          date.time = value;
          date.text = isoDateText(value, kind === TIMESTAMP);
        }
        builder.text(column, date.text);
      } else if (kind === FLOAT32) builder.number(column, shortestFloat32(value));
      else builder.number(column, value);
      return true;
    case 'bigint': {
      const number = Number(value);
      builder.number(column, number, value.toString());
      return Number.isSafeInteger(number) || BigInt(number) === value;
    }
    case 'string':
      builder.text(column, value);
      return true;
    case 'boolean':
      builder.text(column, booleanText(value));
      return true;
    default:
      builder.text(
        column,
        value instanceof Date
          ? isoDateText(value.getTime(), true)
          : (JSON.stringify(value, jsonSafe) ?? ''),
      );
      return true;
  }
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Array.from(value);
  return value;
}

/**
 * A FLOAT column's value as the shortest decimal that is the same float32 (0.1, not
 * 0.10000000149011612): what the file's writer meant, and what a CSV of it would say.
 */
export function shortestFloat32(value: number): number {
  if (!Number.isFinite(value)) return value;
  for (let digits = 1; digits < 10; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return candidate;
  }
  return value;
}

function valueKind(element: SchemaElement): ValueKind {
  const converted = element.converted_type;
  const logical = element.logical_type?.type;
  if (converted === 'DATE' || logical === 'DATE') return DATE;
  if (
    converted === 'TIMESTAMP_MILLIS' ||
    converted === 'TIMESTAMP_MICROS' ||
    logical === 'TIMESTAMP' ||
    element.type === 'INT96'
  )
    return TIMESTAMP;
  if (element.type === 'FLOAT' && logical !== 'FLOAT16') return FLOAT32;
  return PLAIN;
}

/** Copies a column chunk's values that fall in [rowStart, rowEnd) into place. */
function place(
  chunk: ColumnData,
  names: string[],
  values: unknown[][],
  rowStart: number,
  rowEnd: number,
): void {
  const j = names.indexOf(chunk.columnName);
  if (j === -1) return;
  const target = values[j];
  const data = chunk.columnData;
  const from = Math.max(rowStart, chunk.rowStart);
  const to = Math.min(rowEnd, chunk.rowEnd);
  for (let row = from; row < to; row++) target[row - rowStart] = data[row - chunk.rowStart];
}

async function compressorsFor(metadata: FileMetaData): Promise<Compressors | undefined> {
  const needed = metadata.row_groups.some((group) =>
    group.columns.some((column) => !BUILT_IN_CODECS.has(column.meta_data?.codec ?? 'UNCOMPRESSED')),
  );
  if (!needed) return undefined;
  const { compressors } = await import('hyparquet-compressors');
  return compressors;
}

function asyncBuffer(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const bytes = await source.read(start, end ?? source.size);
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.slice().buffer as ArrayBuffer);
    },
  };
}

/** Runs a hyparquet call; what it throws is a file it cannot read, said in one sentence. */
async function library<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    // hyparquet says why in English: quoted as a detail, as the page quotes an unexpected error.
    throw new UserError('parquet', 'parquetUnreadable', { detail: why });
  }
}
