import type { ByteSource } from './byteSource';
import { decodeChunks, DEFAULT_CHUNK_BYTES, normaliseLineEndings } from './decodeChunks';
import type { Encoding } from './detectEncoding';
import type { Dialect } from './dialect';
import { readRecords } from './readRecords';
import { TableBuilder, type TablePart } from './tableBuilder';
import { estimateRows } from './rowEstimate';

/** What another thread needs to read a later part of a CSV file: its bytes from `start` on. */
export interface PartRequest {
  start: number;
  encoding: Encoding;
  dialect: Dialect;
  /** The fields of a record, from the header. */
  width: number;
  /** Invalid UTF-8 fails the part (the file is then read again in a legacy code page). */
  fatal: boolean;
  chunkBytes: number;
}

/** Reads a file's later part on another thread (a page's helper worker, a command-line thread). */
export interface PartReader {
  /** True when a thread is free to start a part now (it is not waited for). */
  ready(): boolean;
  read(request: PartRequest): Promise<TablePart>;
  /** The fewest bytes a part may have (default MIN_PART_BYTES; tests split small files). */
  minBytes?: number;
}

/**
 * Below this many bytes left to read, the rest stays on this thread: a part's round trip and
 * the merge cost more than reading 4 MB.
 */
export const MIN_PART_BYTES = 8 * 1024 * 1024;

/** Whether a file of `size` bytes is large enough to be read in two parts. */
export function worthSplitting(size: number, minBytes = MIN_PART_BYTES): boolean {
  return size >= 2 * minBytes;
}

/** Encodings in which the byte 0x0A is always a line end (never part of another character). */
const SPLITTABLE: ReadonlySet<Encoding> = new Set(['utf-8', 'gb18030', 'windows-1252']);

export function canSplit(encoding: Encoding): boolean {
  return SPLITTABLE.has(encoding);
}

/**
 * The byte right after the first line end at or after the middle of [from, end), or -1 when
 * there is none in the next megabyte (a file without line ends, or with CR alone). Whether the
 * line end stands between two records or inside a quoted cell is only known once the bytes
 * before it are read: readCsv checks that before it uses the part.
 */
export async function splitPoint(source: ByteSource, from: number, end: number): Promise<number> {
  const middle = from + Math.floor((end - from) / 2);
  const window = await source.read(middle, Math.min(end, middle + (1 << 20)));
  const at = window.indexOf(0x0a);
  return at === -1 || middle + at + 1 >= end ? -1 : middle + at + 1;
}

/**
 * A later part of a CSV file, read as readCsv reads the whole: the records from `request.start`
 * (a record's first byte) to the end, numbered from line 1; readCsv appends them.
 */
export async function readCsvPart(source: ByteSource, request: PartRequest): Promise<TablePart> {
  const { start, encoding, dialect, width, fatal, chunkBytes } = request;
  const end = source.size;
  const sample = normaliseLineEndings(
    new TextDecoder(encoding).decode(await source.read(start, Math.min(end, start + (256 << 10)))),
  );
  const readSync = source.readSync;
  const builder = TableBuilder.continuing(
    dialect,
    width,
    estimateRows(end - start, sample),
    readSync ? (from, to) => readSync.call(source, from, to) : null,
  );
  const chunks = decodeChunks(source, encoding, {
    skipBytes: start,
    fatal,
    chunkBytes: chunkBytes || DEFAULT_CHUNK_BYTES,
    cutAtLineEnds: true,
  });
  await readRecords(chunks, dialect.delimiter, builder, dialect.decimal);
  return builder.part();
}
