// AssemblyScript: scanRecords.ts' readings of a number (plainNumber, withExponent, numberIn,
// exponentIn) for the reader's kernel (scan.as.ts), which inlines them. `text` is a byte offset
// into the kernel's memory, where the chunk lies in UTF-8; each reading is scanRecords.ts' own,
// operation for operation, so both give the very same doubles.

const MINUS: i32 = 45;
const PLUS: i32 = 43;
const DOLLAR: i32 = 36;
const COMMA: i32 = 44;
const DOT: i32 = 46;

/** Where plainNumber stopped (scanRecords.ts' plainEnd). */
export let plainEnd: i32 = 0;
/** numberIn saw a `$` (scanRecords.ts' unit.dollar). */
export let dollarSeen: bool = false;

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
export function at(text: usize, i: i32, length: i32): i32 {
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
export function plainNumber(text: usize, start: i32, length: i32, decimal: i32): f64 {
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
export function numberIn(text: usize, start: i32, end: i32, decimal: i32): f64 {
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
