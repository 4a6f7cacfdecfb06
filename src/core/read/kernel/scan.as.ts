// AssemblyScript: the reader's fast path (scanRecords.ts) over a chunk's text written in UTF-8
// bytes, compiled to WebAssembly by scripts/buildKernels.ts (npm run build:kernels). Every
// argument named like an array is a byte offset into this module's memory, where scanKernel.ts
// lays the arrays out. Each step is scanRecords.ts' own, operation for operation, so both give
// the very same fields, numbers and outcomes; test/core/read/kernel checks that they do.

import { at, dollarSeen, numberIn, plainEnd, plainNumber } from './numbers.as';
import { intern } from './textIds.as';

export { internInit } from './textIds.as';

const QUOTE: i32 = 34;
const NEWLINE: i32 = 10;
const QUOTE_WORD: u64 = 0x2222222222222222;
const NEWLINE_WORD: u64 = 0x0a0a0a0a0a0a0a0a;

// scanRecords.ts' field kinds.
const FIELD_NUMBER: u8 = 0;
const FIELD_TEXT: u8 = 1;
const FIELD_ESCAPED: u8 = 2;
const FIELD_DOLLARS: u8 = 3;

// What scan() returns.
/** The text is read to its end. */
const DONE: i32 = 0;
/** The batch is full: read on from `state.position` (a record's start). */
const FULL: i32 = 1;
/** A record the reference path must read starts at `state.position`. */
const STOPPED: i32 = 2;
/** A record cut by the text's end starts at `state.position`. */
const CUT: i32 = 3;
/** A record with more fields than the batch holds starts at `state.position`. */
const WIDE: i32 = 4;

// A record's flags.
const STRAY_QUOTE: i32 = 1;
const BLANK_LINE: i32 = 2;
/** Every field a plain number (FIELD_NUMBER). */
const ALL_NUMBERS: i32 = 4;
/** One field of white space, some of it past ASCII: JavaScript tells whether trim() empties it. */
const MAYBE_BLANK_LINE: i32 = 8;

// What isBlank finds.
const NOT_BLANK: i32 = 0;
const BLANK: i32 = 1;
/** Only white space and characters past ASCII, which String.trim() may remove (JavaScript asks). */
const MAYBE_BLANK: i32 = 2;

const ONES: u64 = 0x0101010101010101;
const LOW: u64 = 0x7f7f7f7f7f7f7f7f;
const HIGH: u64 = 0x8080808080808080;

/** A high bit in each byte of `word` that is zero, and in no other. */
@inline
function zeroBytes(word: u64): u64 {
  return ~(((word & LOW) + LOW) | word | LOW);
}

/** Whether a field holds white space only (what String.trim() removes). */
function isBlank(text: usize, start: i32, end: i32): i32 {
  let outcome = BLANK;
  for (let k = start; k < end; k++) {
    const c = <i32>load<u8>(text + <usize>k);
    if (c >= 0x80) outcome = MAYBE_BLANK;
    else if (c != 32 && (c < 9 || c > 13)) return NOT_BLANK;
  }
  return outcome;
}

/**
 * UTF-16 code units less than UTF-8 bytes, for one byte of a character past ASCII: +1 for each
 * continuation byte, -1 for the first byte of a four-byte character (two code units). So a
 * position's code unit, where strings count, is its byte less the sum over the bytes before it.
 */
@inline
function shiftOf(c: i32): i32 {
  return (c & 0xc0) == 0x80 ? 1 : c >= 0xf0 ? -1 : 0;
}

/**
 * scanRecords over the UTF-8 text[0, length) from `from`, into a batch: each field's value
 * (f64), start and end (i32), kind (u8) and text id (i32, intern(); -1 for any other field) from
 * `values`, `starts`, `ends`, `kinds`, `ids` (room for `fieldRoom`), and each record's first
 * field, field count, start, end, line and flags, six i32 from `records` (room for
 * `recordRoom`). Positions are in UTF-16 code units, as the string's: a byte's is the byte less
 * the shift before it (`fromShift` at `from`). Only characters past ASCII shift, and they are
 * only ever inside text cells, which the scan walks byte by byte. Returns DONE, FULL, STOPPED,
 * CUT or WIDE; `state` gets four i32: the records written, the byte the status names, the line
 * there (or after the text), and that byte's position.
 */
export function scan(
  text: usize,
  length: i32,
  from: i32,
  fromShift: i32,
  firstLine: i32,
  final: bool,
  delimiter: i32,
  decimal: i32,
  recordLimit: i32,
  values: usize,
  starts: usize,
  ends: usize,
  kinds: usize,
  ids: usize,
  fieldRoom: i32,
  records: usize,
  recordRoom: i32,
  state: usize,
): i32 {
  let line = firstLine;
  let i = from;
  let shift = fromShift;
  const bareDecimal = decimal == delimiter ? -2 : decimal;
  const delimiterWord = ONES * <u64>delimiter;
  let fieldsUsed: i32 = 0;
  let recordsUsed: i32 = 0;
  let status = DONE;
  let position = length;
  let positionShift = shift;
  while (i < length) {
    const recordStart = i;
    const recordShift = shift;
    const recordAt = recordStart - recordShift;
    if (recordsUsed == recordRoom) {
      status = FULL;
      position = recordStart;
      positionShift = recordShift;
      break;
    }
    let recordLines: i32 = 0;
    let count: i32 = 0;
    let stray = false;
    let allNumbers = true;
    let firstQuoted = false;
    let ended = false;
    let outcome = DONE;
    // The first field's bytes, for the blank line test.
    let firstStart: i32 = 0;
    let firstEnd: i32 = 0;
    for (;;) {
      if (fieldsUsed + count == fieldRoom) {
        outcome = recordsUsed == 0 ? WIDE : FULL;
        break;
      }
      const f = <usize>(fieldsUsed + count);
      let c = at(text, i, length);
      let fieldStart: i32;
      let fieldStartAt: i32;
      let fieldEnd: i32;
      let kind: u8;
      let value: f64;
      if (c == QUOTE) {
        if (count == 0) firstQuoted = true;
        fieldStart = i + 1;
        fieldStartAt = fieldStart - shift;
        value = plainNumber(text, fieldStart, length, decimal);
        let q = plainEnd;
        kind = FIELD_NUMBER;
        if (at(text, q, length) != QUOTE || at(text, q + 1, length) == QUOTE || value != value) {
          let escaped = false;
          let closed = false;
          for (;;) {
            while (q < length) {
              // Eight bytes a step while none is a quote or past ASCII.
              if (q + 8 <= length) {
                const word = load<u64>(text + <usize>q);
                const stops = zeroBytes(word ^ QUOTE_WORD) | (word & HIGH);
                if (stops == 0) {
                  q += 8;
                  continue;
                }
                q += <i32>(ctz(stops) >> 3);
              }
              const b = <i32>load<u8>(text + <usize>q);
              if (b == QUOTE) break;
              if (b >= 0x80) shift += shiftOf(b);
              q++;
            }
            if (q >= length) break;
            if (q + 1 < length && <i32>load<u8>(text + <usize>(q + 1)) == QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            closed = true;
            break;
          }
          if (!closed) {
            outcome = CUT;
            break;
          }
          for (let k = fieldStart; k < q; k++) {
            if (<i32>load<u8>(text + <usize>k) == NEWLINE) recordLines++;
          }
          value = escaped ? NaN : numberIn(text, fieldStart, q, decimal);
          kind =
            value != value
              ? escaped
                ? FIELD_ESCAPED
                : FIELD_TEXT
              : dollarSeen
                ? FIELD_DOLLARS
                : FIELD_NUMBER;
        }
        fieldEnd = q;
        i = q + 1;
        c = at(text, i, length);
        if (c != delimiter && c != NEWLINE && i < length) {
          outcome = STOPPED;
          break;
        }
        if (i >= length && !final) {
          outcome = CUT;
          break;
        }
      } else {
        fieldStart = i;
        fieldStartAt = fieldStart - shift;
        value = plainNumber(text, i, length, bareDecimal);
        kind = FIELD_NUMBER;
        i = plainEnd;
        c = at(text, i, length);
        if (c != delimiter && c != NEWLINE && i < length) {
          // The rest of a text cell; a quote in it is kept as written, and reported.
          while (i < length) {
            // Eight bytes a step while none ends the cell, is a quote or is past ASCII.
            if (i + 8 <= length) {
              const word = load<u64>(text + <usize>i);
              const stops =
                zeroBytes(word ^ delimiterWord) |
                zeroBytes(word ^ NEWLINE_WORD) |
                zeroBytes(word ^ QUOTE_WORD) |
                (word & HIGH);
              if (stops == 0) {
                i += 8;
                continue;
              }
              i += <i32>(ctz(stops) >> 3);
            }
            c = <i32>load<u8>(text + <usize>i);
            if (c == delimiter || c == NEWLINE) break;
            if (c == QUOTE) stray = true;
            else if (c >= 0x80) shift += shiftOf(c);
            i++;
          }
          value = numberIn(text, fieldStart, i, bareDecimal);
          if (dollarSeen) kind = FIELD_DOLLARS;
        }
        if (i >= length && !final) {
          outcome = CUT;
          break;
        }
        fieldEnd = i;
        if (value != value) kind = FIELD_TEXT;
      }
      store<f64>(values + (f << 3), value);
      store<i32>(starts + (f << 2), fieldStartAt);
      store<i32>(ends + (f << 2), fieldEnd - shift);
      store<u8>(kinds + f, kind);
      store<i32>(ids + (f << 2), kind == FIELD_TEXT ? intern(text, fieldStart, fieldEnd, count) : -1);
      if (kind != FIELD_NUMBER) allNumbers = false;
      if (count == 0) {
        firstStart = fieldStart;
        firstEnd = fieldEnd;
      }
      count++;
      if (i >= length) {
        ended = true;
        break;
      }
      if (<i32>load<u8>(text + <usize>i) == NEWLINE) {
        i++;
        recordLines++;
        break;
      }
      i++;
      if (i - shift - recordAt > recordLimit) {
        outcome = STOPPED;
        break;
      }
    }
    if (outcome == DONE && i - shift - recordAt > recordLimit) outcome = STOPPED;
    if (outcome != DONE) {
      status = outcome;
      position = recordStart;
      positionShift = recordShift;
      break;
    }
    let flags = 0;
    const blank =
      count == 1 && !firstQuoted && load<u8>(kinds + <usize>fieldsUsed) == FIELD_TEXT
        ? isBlank(text, firstStart, firstEnd)
        : NOT_BLANK;
    if (blank == BLANK) flags = BLANK_LINE;
    else if (blank == MAYBE_BLANK) flags = MAYBE_BLANK_LINE | (stray ? STRAY_QUOTE : 0);
    else if (stray) flags = STRAY_QUOTE;
    else if (allNumbers) flags = ALL_NUMBERS;
    const record = records + <usize>(recordsUsed * 24);
    store<i32>(record, fieldsUsed);
    store<i32>(record, count, 4);
    store<i32>(record, recordAt, 8);
    store<i32>(record, i - shift, 12);
    store<i32>(record, line, 16);
    store<i32>(record, flags, 20);
    recordsUsed++;
    fieldsUsed += count;
    line += recordLines;
    if (ended) {
      positionShift = shift;
      break;
    }
  }
  if (status == DONE) positionShift = shift;
  store<i32>(state, recordsUsed);
  store<i32>(state, position, 4);
  store<i32>(state, line, 8);
  store<i32>(state, position - positionShift, 12);
  return status;
}
