import { bytesSource, type ByteSource } from './byteSource';
import {
  decodeChunks,
  DEFAULT_CHUNK_BYTES,
  normaliseLineEndings,
  type DecodedChunk,
} from './decodeChunks';
import { codePageOf, detectEncoding, guessLegacyEncoding, type Encoding } from './detectEncoding';
import type { DecimalSeparator } from './parseNumber';
import type { StageProgress } from '../common/progress';
import { readRecords } from './readRecords';
import { sniffDialect } from './sniffDialect';
import { type Delimiter, type Dialect } from './dialect';
import type { Table } from './table';
import { TableBuilder } from './tableBuilder';
import { describeSize } from '../common/byteSize';
import { UserError } from '../common/userError';
import { message, type Message } from '../common/message';

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

/**
 * Reads a CSV file into typed columns: detects encoding and dialect, streams the file through
 * PapaParse chunk by chunk, and accounts for every record (well-formed or not).
 */
export async function readCsv(source: ByteSource, options: ReadOptions = {}): Promise<Table> {
  if (source.size === 0) {
    throw new UserError('empty-file', 'readEmptyFile');
  }
  if (options.maxBytes !== undefined && source.size > options.maxBytes) {
    throw new UserError('too-large', 'readTooLarge', {
      size: describeSize(source.size),
      limit: describeSize(options.maxBytes),
    });
  }
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  const detected = detectEncoding(head);
  const encoding = options.encoding ?? detected.encoding;
  const bomLength = bomLengthFor(head, encoding);
  const reason = options.encoding ? message('encodingChosen') : detected.reason;
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
    const reason = message('encodingNotUtf8After', {
      size: describeSize(at),
      codePage: codePageOf(legacy),
    });
    return readWith(source, legacy, 0, reason, options, false);
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
  encodingReason: Message,
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
  const readSync = source.readSync;
  const builder = new TableBuilder(
    dialect,
    estimateRows(source.size, sample),
    readSync ? (start, end) => readSync.call(source, start, end) : null,
  );
  let bytesRead = 0;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  async function* tracked(): AsyncGenerator<DecodedChunk> {
    try {
      for await (const chunk of decodeChunks(source, encoding, {
        skipBytes: bomLength,
        fatal,
        chunkBytes,
        cutAtLineEnds: true,
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
  await readRecords(tracked(), dialect.delimiter, builder, dialect.decimal);
  return builder.finish(encoding, encodingReason, source.size);
}

function estimateRows(size: number, sample: string): number {
  let lines = 0;
  for (let at = sample.indexOf('\n'); at !== -1; at = sample.indexOf('\n', at + 1)) lines++;
  const averageLine = Math.max(8, sample.length / Math.max(1, lines));
  return Math.min(50_000_000, Math.ceil((size / averageLine) * 1.1) + 16);
}

/**
 * Made-up files in every shape the reader has a path for: customer-like columns (identifiers,
 * text), plain decimals, negatives with 4 to 6 decimals, exponents, quoted numbers, semicolons with
 * decimal commas and CRLF line ends, thousands separators with a currency, and text-heavy order
 * lines. Generated from the row index alone (no randomness), 1,500 rows each.
 */
export function warmUpFiles(): string[] {
  const rows = 1500;
  const lines = (header: string, end: string, row: (i: number, x: number) => string) => {
    const out = [header];
    for (let i = 0; i < rows; i++) out.push(row(i, ((i * 104729) % 1000003) / 97.3));
    return out.join(end) + end;
  };
  const eight = (x: number) => [x, -x / 3, x * 1.7, -x * 0.41, x / 9, x * 2.3, -x / 7, x * 0.9];
  const grouped = (value: number) => value.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',');
  return [
    lines('id,amount,visits,score,region', '\n', (i) =>
      [`C${100000 + i}`, ((i * 7919) % 10000) / 7, i % 13, -(i % 97) / 10, `R${i % 5}`].join(','),
    ),
    lines('a,b,c,d,e,f,g,h', '\n', (_, x) =>
      eight(x)
        .map((v) => Math.abs(v).toFixed(2))
        .join(','),
    ),
    lines('a,b,c,d,e,f,g,h', '\n', (i, x) =>
      eight(x)
        .map((v, j) => v.toFixed(4 + ((i + j) % 3)))
        .join(','),
    ),
    lines('a,b,c,d,e,f,g,h', '\n', (_, x) =>
      eight(x)
        .map((v, j) => (v * (j % 2 ? 1e-3 : 1e3)).toExponential(4))
        .join(','),
    ),
    lines('a,b,c,d,e,f,g,h', '\n', (_, x) =>
      eight(x)
        .map((v) => `"${v.toFixed(3)}"`)
        .join(','),
    ),
    lines('a;b;c;d;e;f;g;h', '\r\n', (_, x) =>
      eight(x)
        .map((v) => v.toFixed(2).replace('.', ','))
        .join(';'),
    ),
    lines('a,b,c,d,e,f,g,h', '\n', (_, x) =>
      eight(x * 10)
        .map((v, j) => {
          const cell = (j === 2 ? '$' : '') + grouped(Math.abs(v));
          return cell.includes(',') ? `"${cell}"` : cell;
        })
        .join(','),
    ),
    lines(
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '\n',
      (i) =>
        [
          536365 + (i >> 4),
          `${85000 + (i % 37)}${i % 3 ? '' : 'B'}`,
          i % 4 ? `ITEM ${i % 37} HEART T-LIGHT HOLDER` : `"CARDS, ""SPOTTY"" ${i % 37}"`,
          (i % 24) + 1,
          `12/${1 + (i % 28)}/2010 ${8 + (i % 10)}:${String(i % 60).padStart(2, '0')}`,
          (0.29 + (i % 1500) / 100).toFixed(2),
          i % 5 ? 12346 + (i % 4300) : '',
          ['United Kingdom', 'France', 'EIRE'][i % 3],
        ].join(','),
    ),
  ];
}

/**
 * Reads the made-up files of every shape (warmUpFiles), so that the JavaScript engine has
 * compiled each of the reader's paths before the first real file, whatever its shape: a cold
 * first read runs at about half speed, and a warm-up on one shape only would favour that shape.
 * The page's worker calls this while it waits for a file; the benchmark, to measure the reader
 * at its working speed on every shape alike.
 */
export async function warmUpReading(): Promise<void> {
  const encoder = new TextEncoder();
  for (const text of warmUpFiles()) await readCsv(bytesSource(encoder.encode(text)));
}
