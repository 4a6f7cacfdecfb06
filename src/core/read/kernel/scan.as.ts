// AssemblyScript: the reader's fast path (scanRecords.ts) over a chunk's text written in UTF-8
// bytes, compiled to WebAssembly by scripts/buildKernels.ts (npm run build:kernels). Every
// argument named like an array is a byte offset into this module's memory, where scanKernel.ts
// lays the arrays out. Each step is scanRecords.ts' own, operation for operation, so both give
// the very same fields, numbers and outcomes; test/core/read/kernel checks that they do.

const QUOTE: i32 = 34;
const NEWLINE: i32 = 10;
const MINUS: i32 = 45;
const PLUS: i32 = 43;
const DOLLAR: i32 = 36;
const COMMA: i32 = 44;
const DOT: i32 = 46;

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

/** Where plainNumber stopped (scanRecords.ts' plainEnd). */
let plainEnd: i32 = 0;
/** numberIn saw a `$` (scanRecords.ts' unit.dollar). */
let dollarSeen: bool = false;

/** 10^n for 0 <= n <= 22, every one exact in a double (scanRecords.ts' POWERS_OF_TEN). */
function powerOfTen(n: i32): f64 {
  switch (n) {
    case 0: return 1;
    case 1: return 1e1;
    case 2: return 1e2;
    case 3: return 1e3;
    case 4: return 1e4;
    case 5: return 1e5;
    case 6: return 1e6;
    case 7: return 1e7;
    case 8: return 1e8;
    case 9: return 1e9;
    case 10: return 1e10;
    case 11: return 1e11;
    case 12: return 1e12;
    case 13: return 1e13;
    case 14: return 1e14;
    case 15: return 1e15;
    case 16: return 1e16;
    case 17: return 1e17;
    case 18: return 1e18;
    case 19: return 1e19;
    case 20: return 1e20;
    case 21: return 1e21;
    default: return 1e22;
  }
}

/**
 * The character at i. The text is followed by two NUL bytes (a character the fast path never
 * reads: readRecords leaves text with NUL to the reference path), which, like charCodeAt's NaN
 * past the end, equal no character the scan looks for; so no bounds check is needed, and where
 * scanRecords.ts asks whether it is past the end (c === -1), this asks i >= length.
 */
@inline
function at(text: usize, i: i32, length: i32): i32 {
  return <i32>load<u8>(text + <usize>i);
}

/**
 * scanRecords.ts' plainNumber (inlined: it runs once a field). The digits make an integer that
 * is exact while it matters (at most 15 digits: more make the cell not a plain number), so its
 * double is the one scanRecords.ts accumulates, without a double's latency per digit. (Reading
 * eight digits a step, as fast_float does, was slower here: 211 to 249 ms against 179 to 190 ms
 * for the plain shape's 50 MB.)
 */
@inline
function plainNumber(text: usize, start: i32, length: i32, decimal: i32): f64 {
  let i = start;
  let c = at(text, i, length);
  let negative = false;
  if (c == MINUS) {
    negative = true;
    c = at(text, ++i, length);
  } else if (c == PLUS) {
    c = at(text, ++i, length);
  }
  let whole: i64 = 0;
  let digits: i32 = 0;
  let fraction: i32 = -1;
  for (;;) {
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + <i64>(c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c == decimal && fraction < 0) {
      fraction = 0;
    } else {
      break;
    }
    c = at(text, ++i, length);
  }
  const mantissa = <f64>whole;
  if ((c == 101 || c == 69) && digits > 0 && fraction != 0)
    return withExponent(text, i + 1, length, negative, mantissa, digits, fraction);
  plainEnd = i;
  if (digits == 0 || digits > 15 || fraction == 0) return NaN;
  const magnitude = fraction > 0 ? mantissa / powerOfTen(fraction) : mantissa;
  return negative ? -magnitude : magnitude;
}

/** scanRecords.ts' withExponent. */
function withExponent(
  text: usize,
  start: i32,
  length: i32,
  negative: bool,
  mantissa: f64,
  digits: i32,
  fraction: i32,
): f64 {
  let i = start;
  let c = at(text, i, length);
  let exponentNegative = false;
  if (c == MINUS || c == PLUS) {
    exponentNegative = c == MINUS;
    c = at(text, ++i, length);
  }
  let exponent: i32 = 0;
  let exponentDigits: i32 = 0;
  while (c >= 48 && c <= 57) {
    // Past three digits the value no longer matters (the number is refused below), only the end.
    if (exponentDigits < 4) exponent = exponent * 10 + (c - 48);
    exponentDigits++;
    c = at(text, ++i, length);
  }
  plainEnd = i;
  if (exponentDigits == 0 || exponentDigits > 3 || digits > 15) return NaN;
  const power = (exponentNegative ? -exponent : exponent) - (fraction > 0 ? fraction : 0);
  let magnitude: f64;
  if (power == 0) magnitude = mantissa;
  else if (power < 0 && power >= -22) magnitude = mantissa / powerOfTen(-power);
  else if (power > 0 && power <= 22) magnitude = mantissa * powerOfTen(power);
  else return NaN;
  return negative ? -magnitude : magnitude;
}

/** scanRecords.ts' numberIn over text[start, end); a `$` sets dollarSeen. */
function numberIn(text: usize, start: i32, end: i32, decimal: i32): f64 {
  let i = start;
  let negative = false;
  let c = i < end ? <i32>load<u8>(text + <usize>i) : 0;
  if (c == MINUS) {
    negative = true;
    c = ++i < end ? <i32>load<u8>(text + <usize>i) : 0;
  } else if (c == PLUS) {
    c = ++i < end ? <i32>load<u8>(text + <usize>i) : 0;
  }
  let dollar = false;
  dollarSeen = false;
  if (c == DOLLAR) {
    dollar = true;
    i++;
  }
  const grouping = decimal == COMMA ? DOT : COMMA;
  let whole: i64 = 0;
  let digits: i32 = 0;
  let fraction: i32 = -1;
  let group: i32 = -1;
  let exponent: i32 = 0;
  for (; i < end; i++) {
    c = <i32>load<u8>(text + <usize>i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + <i64>(c - 48);
      digits++;
      if (fraction >= 0) fraction++;
      else if (group >= 0) group++;
    } else if (c == decimal && fraction < 0) {
      if (group != -1 && group != 3) return NaN;
      fraction = 0;
    } else if (c == grouping && fraction < 0 && (group == -1 ? digits <= 3 : group == 3)) {
      if (digits == 0) return NaN;
      group = 0;
    } else if (
      (c == 101 || c == 69) &&
      digits > 0 &&
      fraction != 0 &&
      (fraction > 0 || group == -1 || group == 3)
    ) {
      if (!exponentIn(text, i + 1, end)) return NaN;
      exponent = exponentValue;
      break;
    } else {
      return NaN;
    }
  }
  if (digits == 0 || digits > 15 || fraction == 0 || (group != -1 && fraction < 0 && group != 3))
    return NaN;
  const mantissa = <f64>whole;
  const power = exponent - (fraction > 0 ? fraction : 0);
  let magnitude: f64;
  if (power == 0) magnitude = mantissa;
  else if (power > 0 && power <= 22) magnitude = mantissa * powerOfTen(power);
  else if (power < 0 && power >= -22) magnitude = mantissa / powerOfTen(-power);
  else return NaN;
  dollarSeen = dollar;
  return negative ? -magnitude : magnitude;
}

/** exponentIn's value, when it returns true. */
let exponentValue: i32 = 0;

/** scanRecords.ts' exponentIn: false where it gives NaN. */
function exponentIn(text: usize, start: i32, end: i32): bool {
  let i = start;
  let negative = false;
  const first = i < end ? <i32>load<u8>(text + <usize>i) : 0;
  if (first == MINUS || first == PLUS) {
    negative = first == MINUS;
    i++;
  }
  if (i >= end || end - i > 3) return false;
  let value: i32 = 0;
  for (; i < end; i++) {
    const c = <i32>load<u8>(text + <usize>i);
    if (c < 48 || c > 57) return false;
    value = value * 10 + (c - 48);
  }
  exponentValue = negative ? -value : value;
  return true;
}

// What isBlank finds.
const NOT_BLANK: i32 = 0;
const BLANK: i32 = 1;
/** Only white space and characters past ASCII, which String.trim() may remove (JavaScript asks). */
const MAYBE_BLANK: i32 = 2;

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

// The text cells' ids: in each column (a field's place in its record, below `internColumns`),
// each distinct text gets the next id, 0, 1, 2..., so that the column can take a text it has
// seen by its id, without a string. The table is open-addressed, `tableMask + 1` entries of 24
// bytes (hash, column, the text's offset in the arena and length, id, used); the arena holds
// each distinct text's bytes. Both are set once per read (internInit) and never grow: past half
// the table or the arena's end, new texts get no id (-1) and the column reads them as before.
let table: usize = 0;
let tableMask: u32 = 0;
let tableUsed: u32 = 0;
let arena: usize = 0;
let arenaSize: u32 = 0;
let arenaUsed: u32 = 0;
/** Ids given so far in each column, one i32 each. */
let counters: usize = 0;
let internColumns: i32 = 0;

export function internInit(
  atTable: usize,
  tableBits: i32,
  atArena: usize,
  arenaBytes: u32,
  atCounters: usize,
  columns: i32,
): void {
  table = atTable;
  tableMask = (<u32>1 << tableBits) - 1;
  tableUsed = 0;
  arena = atArena;
  arenaSize = arenaBytes;
  arenaUsed = 0;
  counters = atCounters;
  internColumns = columns;
}

/** The bytes at p[0, length) (the text is followed by room for a word). */
@inline
function hashBytes(p: usize, length: i32): u32 {
  let h: u64 = 0x9e3779b97f4a7c15 ^ <u64>length;
  const end = p + <usize>length;
  while (p + 8 <= end) {
    h = (rotl<u64>(h, 5) ^ load<u64>(p)) * 0x517cc1b727220a95;
    p += 8;
  }
  if (p < end) {
    const tail = load<u64>(p) & ((<u64>1 << (<u64>(end - p) << 3)) - 1);
    h = (rotl<u64>(h, 5) ^ tail) * 0x517cc1b727220a95;
  }
  return <u32>(h ^ (h >> 29));
}

@inline
function sameBytes(a: usize, b: usize, length: i32): bool {
  let k: i32 = 0;
  for (; k + 8 <= length; k += 8) {
    if (load<u64>(a + <usize>k) != load<u64>(b + <usize>k)) return false;
  }
  for (; k < length; k++) {
    if (load<u8>(a + <usize>k) != load<u8>(b + <usize>k)) return false;
  }
  return true;
}

/** The id of the text cell text[start, end) in `column`, given now if new; -1 if none. */
function intern(text: usize, start: i32, end: i32, column: i32): i32 {
  if (column >= internColumns) return -1;
  const length = end - start;
  const source = text + <usize>start;
  const hash = hashBytes(source, length) ^ (<u32>column * 0x9e3779b1);
  let slot = hash & tableMask;
  for (;;) {
    const entry = table + <usize>slot * 24;
    if (load<u32>(entry, 20) == 0) {
      if (tableUsed >= (tableMask >> 1) || arenaUsed + <u32>length > arenaSize) return -1;
      const offset = arenaUsed;
      memory.copy(arena + <usize>offset, source, <usize>length);
      arenaUsed += <u32>length;
      tableUsed++;
      const counter = counters + (<usize>column << 2);
      const id = load<i32>(counter);
      store<i32>(counter, id + 1);
      store<u32>(entry, hash);
      store<i32>(entry, column, 4);
      store<u32>(entry, offset, 8);
      store<i32>(entry, length, 12);
      store<i32>(entry, id, 16);
      store<u32>(entry, 1, 20);
      return id;
    }
    if (
      load<u32>(entry) == hash &&
      load<i32>(entry, 4) == column &&
      load<i32>(entry, 12) == length &&
      sameBytes(arena + <usize>load<u32>(entry, 8), source, length)
    )
      return load<i32>(entry, 16);
    slot = (slot + 1) & tableMask;
  }
  return -1; // not reached: the table is never more than half full
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
