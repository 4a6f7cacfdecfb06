import Papa from 'papaparse';
import type { ChunkOrigin, DecodedChunk } from './decodeChunks';
import { describeSize } from '../common/byteSize';
import { message, type Message } from '../common/message';
import { UserError } from '../common/userError';
import type { DecimalSeparator } from './parseNumber';
import { ScanKernel } from './kernel/scanKernel';
import { FieldBuffer, fieldCells } from './scannedFields';
import { FAST_RECORD_CHARS, scanRecords, type ScanOutcome, type ScanSink } from './scanRecords';

/** Receives the records of a file in order, with where their text lies. */
export interface RecordSink {
  /**
   * A new chunk of text; the records that follow lie in it. `origin` says where the text lies in
   * the file, when its records can be found there again.
   */
  chunk(text: string, origin: ChunkOrigin | null): void;
  /**
   * A record. `fields` is null when its quotes are broken (then it is only the first line of
   * what a parser would have swallowed); `start`/`end` are offsets in the current chunk. A
   * `warning` says what was odd about a record that could still be read.
   */
  record(
    fields: string[] | null,
    start: number,
    end: number,
    line: number,
    warning?: Message,
  ): void;
  blankLine(): void;
  /**
   * A record read by the fast path (scanRecords), its numbers already read; without this
   * method, such records come to `record` as strings.
   */
  fields?: ScanSink['fields'];
  /** Runs of records of plain numbers (ScanSink.numberRecords), where the sink takes them so. */
  numberRecords?: ScanSink['numberRecords'];
}

/** A quoted field may hold newlines, but one this long is an unclosed quote, not a cell. */
const MAX_CARRY = 1 << 20;

/**
 * The longest record read (in characters). A record still open at a chunk's end is parsed again
 * with the next chunk, so an endless line would cost time growing with its square; beyond this
 * it is refused, with its line.
 */
export const MAX_RECORD_CHARS = 16 << 20;

const QUOTE = 34;
const NEWLINE = 10;

/**
 * Splits decoded text into records. The fast path (scanRecords) reads well-formed text and its
 * plain numbers in one pass; from the first record it leaves (odd quotes, a NUL byte, a record
 * over a megabyte) to the end of that chunk, PapaParse reads. What PapaParse cannot tell us,
 * this adds: where each record's text lies (for exports of the original cells) and its line
 * number; a record cut by a chunk boundary is carried into the next chunk; and broken quotes are
 * contained: an unclosed quote would swallow the rest of the file into one cell, so only its
 * first line is reported and reading resumes on the next line. A quote inside an unquoted field
 * (`5'10"`, `a "b" c`), which PapaParse reads literally, is kept as written but reported.
 */
export async function readRecords(
  chunks: AsyncIterable<DecodedChunk>,
  delimiter: string,
  sink: RecordSink,
  decimal: DecimalSeparator = '.',
  /** False reads with the reference path (PapaParse) alone: tests compare the two. */
  fastPath = true,
): Promise<void> {
  let carry = '';
  let line = 1;
  const buffer = new FieldBuffer();
  const unit = { dollar: false };
  const scanSink = fastSink(sink);
  const delimiterCode = delimiter.charCodeAt(0);
  const decimalCode = decimal.charCodeAt(0);
  // One kernel a read: the ids it gives text cells hold for the whole read.
  const kernel = fastPath ? ScanKernel.load() : null;
  // scanRecords' arguments, then the text's own bytes for the kernel (DecodedChunk.ascii).
  const scan: (...args: [...Parameters<typeof scanRecords>, (Uint8Array | null)?]) => ScanOutcome =
    kernel === null ? scanRecords : kernel.scan.bind(kernel);
  for await (const chunk of chunks) {
    // Text carried from the chunk before starts earlier in the file than the chunk says.
    const origin = carry.length > 0 ? null : chunk.origin;
    const ascii = carry.length > 0 ? null : chunk.ascii;
    const text = carry.length > 0 ? carry + chunk.text : chunk.text;
    carry = '';
    if (text.length === 0) continue;
    sink.chunk(text, origin);
    let position = 0;
    if (fastPath && text.indexOf('\u0000') === -1) {
      const scanned = scan(
        text,
        0,
        line,
        chunk.final,
        delimiterCode,
        decimalCode,
        buffer,
        scanSink,
        unit,
        FAST_RECORD_CHARS,
        ascii,
      );
      line = scanned.line;
      if (scanned.carryFrom !== -1) {
        carry = text.slice(scanned.carryFrom);
        continue;
      }
      position = scanned.stoppedAt === -1 ? text.length : scanned.stoppedAt;
    }
    const hasQuotes = text.indexOf('"', position) !== -1;
    while (position < text.length) {
      const outcome = parseFrom(text, position, line, delimiter, chunk.final, hasQuotes, sink);
      line = outcome.line;
      if (outcome.carryFrom !== -1) {
        carry = text.slice(outcome.carryFrom);
        break;
      }
      position = outcome.resumeAt;
    }
  }
}

/** The sink's own fast method, or one that hands the fields on as strings. */
function fastSink(sink: RecordSink): ScanSink {
  const fields = sink.fields?.bind(sink);
  return {
    fields:
      fields ??
      ((text, scanned, first, count, start, end, line, strayQuote) =>
        sink.record(
          fieldCells(text, scanned, first, count),
          start,
          end,
          line,
          strayQuote ? message('rowStrayQuote') : undefined,
        )),
    blankLine: () => sink.blankLine(),
    numberRecords: sink.numberRecords?.bind(sink),
  };
}

interface Outcome {
  line: number;
  /** Where parsing must start again (after a broken quote), or text.length when done. */
  resumeAt: number;
  /** Start of a possibly cut last record to carry into the next chunk, or -1. */
  carryFrom: number;
}

function parseFrom(
  text: string,
  from: number,
  firstLine: number,
  delimiter: string,
  final: boolean,
  hasQuotes: boolean,
  sink: RecordSink,
): Outcome {
  const input = from === 0 ? text : text.slice(from);
  let line = firstLine;
  let start = from;
  // The last record is held back until we know whether another follows it.
  let held: string[] | null = null;
  let heldStart = -1;
  let heldEnd = -1;
  let heldBroken = false;
  let resumeAt = text.length;
  const delimiterCode = delimiter.charCodeAt(0);
  // The next quote in the text, found once and moved forward only: looking for it from every
  // record would scan the gap between sparse quotes again and again.
  let nextQuote = hasQuotes ? text.indexOf('"', from) : -1;

  const emit = (
    fields: string[],
    recordStart: number,
    recordEnd: number,
    broken: boolean,
  ): boolean => {
    if (broken) {
      // Report the first line alone and resume right after it.
      const lineEnd = text.indexOf('\n', recordStart);
      const end = lineEnd === -1 || lineEnd >= recordEnd ? recordEnd : lineEnd + 1;
      sink.record(null, recordStart, end, line);
      line += end > recordStart && text.charCodeAt(end - 1) === NEWLINE ? 1 : 0;
      resumeAt = end;
      return end < recordEnd;
    }
    if (recordEnd === recordStart) return false; // the end of a file that ends with a newline
    if (
      fields.length === 1 &&
      fields[0].trim().length === 0 &&
      !isQuoted(text, recordStart, recordEnd)
    ) {
      sink.blankLine();
    } else if (
      nextQuote !== -1 &&
      (nextQuote >= recordStart || (nextQuote = text.indexOf('"', recordStart)) !== -1) &&
      nextQuote < recordEnd &&
      hasStrayQuote(text, recordStart, recordEnd, delimiterCode)
    ) {
      sink.record(fields, recordStart, recordEnd, line, message('rowStrayQuote'));
    } else {
      sink.record(fields, recordStart, recordEnd, line);
    }
    line += countNewlines(text, recordStart, recordEnd);
    return false;
  };

  let restarted = false;
  Papa.parse<string[]>(input, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (results, parser) => {
      const end = from + results.meta.cursor;
      if (held !== null) {
        if (emit(held, heldStart, heldEnd, heldBroken)) {
          restarted = true;
          parser.abort();
          return;
        }
      }
      held = results.data;
      heldStart = start;
      heldEnd = end;
      heldBroken = results.errors.length > 0;
      start = end;
    },
  });
  if (restarted) return { line, resumeAt, carryFrom: -1 };
  if (held === null) return { line, resumeAt: text.length, carryFrom: -1 };
  if (!final && (heldEnd - heldStart < MAX_CARRY || !heldBroken)) {
    if (heldEnd - heldStart > MAX_RECORD_CHARS)
      throw new UserError('too-large', 'readRecordTooLong', {
        line,
        most: describeSize(MAX_RECORD_CHARS),
      });
    return { line, resumeAt: text.length, carryFrom: heldStart };
  }
  if (emit(held, heldStart, heldEnd, heldBroken)) return { line, resumeAt, carryFrom: -1 };
  return { line, resumeAt: text.length, carryFrom: -1 };
}

function isQuoted(text: string, start: number, end: number): boolean {
  const quote = text.indexOf('"', start);
  return quote !== -1 && quote < end;
}

function countNewlines(text: string, start: number, end: number): number {
  let i = text.indexOf('\n', start);
  if (i === -1 || i >= end) return 0;
  if (i === end - 1) return 1;
  let count = 0;
  while (i !== -1 && i < end) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}

/**
 * True when a quote stands inside a field that does not start with one (RFC 4180 wants such
 * fields quoted, with the quote doubled). Quoted fields are skipped: PapaParse checks those.
 */
export function hasStrayQuote(
  text: string,
  start: number,
  end: number,
  delimiter: number,
): boolean {
  const first = text.indexOf('"', start);
  if (first === -1 || first >= end) return false;
  let i = start;
  let atFieldStart = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (atFieldStart && c === QUOTE) {
      // Skip to the closing quote ("" is an escaped quote inside).
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1 || q >= end) return false;
        if (q + 1 < end && text.charCodeAt(q + 1) === QUOTE) {
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      atFieldStart = false;
      continue;
    }
    if (c === QUOTE) return true;
    atFieldStart = c === delimiter || c === NEWLINE;
    i++;
  }
  return false;
}
