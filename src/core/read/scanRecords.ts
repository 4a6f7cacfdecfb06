/**
 * The reader's fast path: one pass over a decoded chunk that splits it into records and fields
 * and reads plain numbers as it goes, without making a string for any numeric cell. It takes
 * well-formed RFC 4180 text in every shape (quoted or not, either decimal separator); at the
 * first record it cannot read exactly as PapaParse would (a quote closed and followed by other
 * text, an unclosed quote, a NUL byte, a record over a megabyte), it stops and says where, and
 * the reference path (readRecords' PapaParse loop) reads the rest of the chunk.
 */

import {
  FIELD_DOLLARS,
  FIELD_ESCAPED,
  FIELD_NUMBER,
  FIELD_TEXT,
  type FieldBuffer,
  type ScannedFields,
} from './scannedFields';

/** Receives the records the fast path reads. */
export interface ScanSink {
  /**
   * A record of `count` fields, `fields`' from `first` on; [start, end) is its text, with its
   * line ending.
   */
  fields(
    text: string,
    fields: ScannedFields,
    first: number,
    count: number,
    start: number,
    end: number,
    line: number,
    strayQuote: boolean,
  ): void;
  blankLine(): void;
  /**
   * Optional: `count` records in a row, each of `width` fields that are all plain numbers
   * (FIELD_NUMBER), record r's field f in `values[first + r * width + f]`, its start, end and line
   * in `records[6 * (firstRecord + r) + 2]`, `+ 3` and `+ 4`. Returns false to take them one by
   * one through `fields` instead. (The WebAssembly scan, kernel/scanKernel.ts, hands runs over.)
   */
  numberRecords?(
    values: Float64Array,
    first: number,
    width: number,
    records: Int32Array,
    firstRecord: number,
    count: number,
  ): boolean;
}

export interface ScanOutcome {
  line: number;
  /** Where the fast path stopped at a record it leaves to the reference path, or -1. */
  stoppedAt: number;
  /** Start of the last record, cut by the chunk's end, to carry into the next chunk, or -1. */
  carryFrom: number;
}

/** A record longer than this is left to the reference path (its limits and messages). */
export const FAST_RECORD_CHARS = 1 << 20;

const QUOTE = 34;
const NEWLINE = 10;
const MINUS = 45;
const PLUS = 43;
const SPACE = 32;
const TAB = 9;

const DOLLAR = 36;
const COMMA = 44;
const DOT = 46;

/** Powers of ten a double holds exactly. */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

/** What numberIn saw besides the number: a `$` it stripped (other units take the general path). */
export interface NumberUnit {
  dollar: boolean;
}

/**
 * Reads records of `text` from `from`. A plain number (an optional sign, 1 to 15 digits, at most
 * one decimal separator followed by a digit) is read digit by digit into an exact integer and
 * divided by an exact power of ten: the double fastNumber and Number() give. Any other cell is
 * left as text for the column to read.
 */
export function scanRecords(
  text: string,
  from: number,
  firstLine: number,
  final: boolean,
  delimiter: number,
  decimal: number,
  fields: FieldBuffer,
  sink: ScanSink,
  unit: NumberUnit,
  /** FAST_RECORD_CHARS, but in tests. */
  recordLimit = FAST_RECORD_CHARS,
): ScanOutcome {
  const length = text.length;
  let line = firstLine;
  let i = from;
  // A decimal comma in a file delimited by commas can only stand inside quotes.
  const bareDecimal = decimal === delimiter ? -2 : decimal;
  // The next line end, found once and moved forward only (for line breaks in quoted cells and
  // the ends of text cells).
  let nextNewline = text.indexOf('\n', from);
  // The same for the next delimiter and the next quote, for the ends of text cells (-1: there
  // is none; -2: not looked for yet).
  const delimiterText = String.fromCharCode(delimiter);
  let nextDelimiter = -2;
  let nextQuote = -2;
  while (i < length) {
    const recordStart = i;
    let recordLines = 0;
    let count = 0;
    let stray = false;
    let firstQuoted = false;
    let ended = false;
    for (;;) {
      // One field from i.
      if (count === fields.kinds.length) fields.grow();
      let c = i < length ? text.charCodeAt(i) : -1;
      if (c === QUOTE) {
        // Quoted: up to the closing quote ("" inside is a quote); a plain number is read on the
        // way, anything else found by its closing quote and then read by numberIn.
        if (count === 0) firstQuoted = true;
        const contentStart = i + 1;
        let value = plainNumber(text, contentStart, length, decimal);
        let q = plainEnd;
        let kind = FIELD_NUMBER;
        if (text.charCodeAt(q) !== QUOTE || text.charCodeAt(q + 1) === QUOTE || value !== value) {
          let escaped = false;
          for (;;) {
            q = text.indexOf('"', q);
            if (q === -1) {
              // Unclosed in this text: a cut record (carried), or a broken one (the reference
              // path's).
              return cut(recordStart, line);
            }
            if (q + 1 < length && text.charCodeAt(q + 1) === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            break;
          }
          if (nextNewline !== -1 && nextNewline < contentStart)
            nextNewline = text.indexOf('\n', contentStart);
          while (nextNewline !== -1 && nextNewline < q) {
            recordLines++;
            nextNewline = text.indexOf('\n', nextNewline + 1);
          }
          value = escaped ? NaN : numberIn(text, contentStart, q, decimal, unit);
          kind =
            value !== value
              ? escaped
                ? FIELD_ESCAPED
                : FIELD_TEXT
              : unit.dollar
                ? FIELD_DOLLARS
                : FIELD_NUMBER;
        }
        i = q + 1;
        c = i < length ? text.charCodeAt(i) : -1;
        if (c !== delimiter && c !== NEWLINE && c !== -1) return stop(recordStart, line);
        if (c === -1 && !final) return cut(recordStart, line);
        fields.starts[count] = contentStart;
        fields.ends[count] = q;
        fields.values[count] = value;
        fields.kinds[count] = kind;
      } else {
        // Unquoted: a plain number is read on the way; a field with anything else is scanned to
        // its end and, if it may still be a number (grouping, `$`, an exponent), read by
        // numberIn. A quote inside is kept as written, and reported.
        const fieldStart = i;
        let value = plainNumber(text, i, length, bareDecimal);
        let kind = FIELD_NUMBER;
        i = plainEnd;
        c = i < length ? text.charCodeAt(i) : -1;
        if (c !== delimiter && c !== NEWLINE && c !== -1) {
          // The rest of a text cell, found by the engine's own searches rather than a loop over
          // its characters: 15% fewer instructions reading the first 100,000 lines of Online
          // Retail. Each position is searched for again only once the reader has passed it.
          if (nextDelimiter !== -1 && nextDelimiter < i)
            nextDelimiter = text.indexOf(delimiterText, i);
          if (nextNewline !== -1 && nextNewline < i) nextNewline = text.indexOf('\n', i);
          let end = nextDelimiter === -1 ? length : nextDelimiter;
          if (nextNewline !== -1 && nextNewline < end) end = nextNewline;
          if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
          if (nextQuote !== -1 && nextQuote < end) stray = true;
          i = end;
          c = i < length ? text.charCodeAt(i) : -1;
          value = numberIn(text, fieldStart, i, bareDecimal, unit);
          if (unit.dollar) kind = FIELD_DOLLARS;
        }
        if (c === -1 && !final) return cut(recordStart, line);
        fields.starts[count] = fieldStart;
        fields.ends[count] = i;
        fields.values[count] = value;
        fields.kinds[count] = value === value ? kind : FIELD_TEXT;
      }
      count++;
      // i is at a delimiter, a line end or the text's end.
      if (i >= length) {
        ended = true;
        break;
      }
      if (text.charCodeAt(i) === NEWLINE) {
        i++;
        recordLines++;
        break;
      }
      i++; // the delimiter
      if (i - recordStart > recordLimit) return stop(recordStart, line);
    }
    if (i - recordStart > recordLimit) return stop(recordStart, line);
    if (count === 1 && !firstQuoted && fields.kinds[0] === FIELD_TEXT && isBlank(text, fields)) {
      sink.blankLine();
    } else {
      sink.fields(text, fields, 0, count, recordStart, i, line, stray);
    }
    line += recordLines;
    if (ended) break;
  }
  return { line, stoppedAt: -1, carryFrom: -1 };

  function cut(recordStart: number, at: number): ScanOutcome {
    if (final || length - recordStart > recordLimit)
      return { line: at, stoppedAt: recordStart, carryFrom: -1 };
    return { line: at, stoppedAt: -1, carryFrom: recordStart };
  }
  function stop(recordStart: number, at: number): ScanOutcome {
    return { line: at, stoppedAt: recordStart, carryFrom: -1 };
  }
}

/** A field of spaces (or nothing): with nothing else on its line, a blank line. */
function isBlank(text: string, fields: FieldBuffer): boolean {
  const start = fields.starts[0];
  const end = fields.ends[0];
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== SPACE && c !== TAB) return text.slice(start, end).trim().length === 0;
  }
  return true;
}

/** Where plainNumber stopped: the first character that is not part of a plain number. */
let plainEnd = 0;

/**
 * A plain number from `start` (an optional sign, 1 to 15 digits, at most one decimal separator
 * followed by a digit, an optional exponent), read digit by digit into an exact integer and
 * divided or multiplied by an exact power of ten (at most 10^22): the double Number() gives. Sets plainEnd to where it stopped; NaN when what it read there
 * is not a plain number (the caller decides whether the cell ends at plainEnd).
 */
function plainNumber(text: string, start: number, length: number, decimal: number): number {
  let i = start;
  let c = i < length ? text.charCodeAt(i) : -1;
  let negative = false;
  if (c === MINUS) {
    negative = true;
    c = ++i < length ? text.charCodeAt(i) : -1;
  } else if (c === PLUS) {
    c = ++i < length ? text.charCodeAt(i) : -1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (;;) {
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === decimal && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
    c = ++i < length ? text.charCodeAt(i) : -1;
  }
  if ((c === 101 || c === 69) && digits > 0 && fraction !== 0)
    return withExponent(text, i + 1, length, negative, mantissa, digits, fraction);
  plainEnd = i;
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const magnitude = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -magnitude : magnitude;
}

/**
 * plainNumber's ending when an exponent follows the digits (`e`, an optional sign, one to three
 * digits from `start`); apart so that plainNumber stays small enough to be inlined.
 */
function withExponent(
  text: string,
  start: number,
  length: number,
  negative: boolean,
  mantissa: number,
  digits: number,
  fraction: number,
): number {
  let i = start;
  let c = i < length ? text.charCodeAt(i) : -1;
  let exponentNegative = false;
  if (c === MINUS || c === PLUS) {
    exponentNegative = c === MINUS;
    c = ++i < length ? text.charCodeAt(i) : -1;
  }
  let exponent = 0;
  let exponentDigits = 0;
  while (c >= 48 && c <= 57) {
    exponent = exponent * 10 + (c - 48);
    exponentDigits++;
    c = ++i < length ? text.charCodeAt(i) : -1;
  }
  plainEnd = i;
  if (exponentDigits === 0 || exponentDigits > 3 || digits > 15) return NaN;
  const power = (exponentNegative ? -exponent : exponent) - (fraction > 0 ? fraction : 0);
  let magnitude: number;
  if (power === 0) magnitude = mantissa;
  else if (power < 0 && power >= -22) magnitude = mantissa / POWERS_OF_TEN[-power];
  else if (power > 0 && power <= 22) magnitude = mantissa * POWERS_OF_TEN[power];
  else return NaN;
  return negative ? -magnitude : magnitude;
}

/**
 * A number in text[start, end) as the columns would read it, or NaN when the cell needs their
 * general path: an optional sign, an optional `$` (noted in `units`), at most 15 digits,
 * grouped in thousands or not (`1,234` with a decimal point, `1.234` with a decimal comma), a
 * decimal separator followed by a digit, and an exponent. The digits make an exact integer and
 * the decimal exponent an exact power of ten (at most 10^22), so one division or product rounds
 * the result correctly: the double Number() gives for the same text.
 */
export function numberIn(
  text: string,
  start: number,
  end: number,
  decimal: number,
  unit: NumberUnit,
): number {
  let i = start;
  let negative = false;
  let c = i < end ? text.charCodeAt(i) : 0;
  if (c === MINUS) {
    negative = true;
    c = ++i < end ? text.charCodeAt(i) : 0;
  } else if (c === PLUS) {
    c = ++i < end ? text.charCodeAt(i) : 0;
  }
  let dollar = false;
  unit.dollar = false;
  if (c === DOLLAR) {
    dollar = true;
    i++;
  }
  const grouping = decimal === COMMA ? DOT : COMMA;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  // Digits since the last group separator, or -1 before the first one.
  let group = -1;
  let exponent = 0;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
      else if (group >= 0) group++;
    } else if (c === decimal && fraction < 0) {
      if (group !== -1 && group !== 3) return NaN;
      fraction = 0;
    } else if (c === grouping && fraction < 0 && (group === -1 ? digits <= 3 : group === 3)) {
      if (digits === 0) return NaN;
      group = 0;
    } else if (
      (c === 101 || c === 69) &&
      digits > 0 &&
      fraction !== 0 &&
      (fraction > 0 || group === -1 || group === 3)
    ) {
      exponent = exponentIn(text, i + 1, end);
      if (exponent !== exponent) return NaN;
      break;
    } else {
      return NaN;
    }
  }
  if (
    digits === 0 ||
    digits > 15 ||
    fraction === 0 ||
    (group !== -1 && fraction < 0 && group !== 3)
  )
    return NaN;
  const power = exponent - (fraction > 0 ? fraction : 0);
  let magnitude: number;
  if (power === 0) magnitude = mantissa;
  else if (power > 0 && power <= 22) magnitude = mantissa * POWERS_OF_TEN[power];
  else if (power < 0 && power >= -22) magnitude = mantissa / POWERS_OF_TEN[-power];
  else return NaN;
  unit.dollar = dollar;
  return negative ? -magnitude : magnitude;
}

/** The exponent's value (`+5`, `-3`, `12`), or NaN. */
function exponentIn(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  const first = i < end ? text.charCodeAt(i) : 0;
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i++;
  }
  if (i >= end || end - i > 3) return NaN;
  let value = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    value = value * 10 + (c - 48);
  }
  return negative ? -value : value;
}
