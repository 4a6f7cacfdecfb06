/**
 * Dates as people write them in order exports: ISO (`2010-12-01 08:26:00`), month-first
 * (`12/1/2010 8:26`) and day-first (`01/12/2010 08:26`, `01.12.2010`). Times are read as written,
 * without time zones, and returned as milliseconds on a UTC clock so day arithmetic is exact.
 */

export type DateOrder = 'ymd' | 'dmy' | 'mdy';
export const DATE_ORDERS: readonly DateOrder[] = ['ymd', 'dmy', 'mdy'];

export interface DateFormatGuess {
  /** The order that reads every value, or null when no order does. */
  order: DateOrder | null;
  /** True when day-first and month-first both read every value (no part above 12). */
  ambiguous: boolean;
  /** Share of the values that parse under `order`. */
  share: number;
}

const YMD =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;
const DMY_OR_MDY =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

const DAY_MS = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Milliseconds since 1970 for a date written in `order`, or NaN when it is not such a date. */
export function parseDate(value: string, order: DateOrder): number {
  const text = value.trim();
  if (order === 'ymd') {
    const m = YMD.exec(text);
    if (!m) return NaN;
    return build(+m[1], +m[2], +m[3], m[4], m[5], m[6], undefined);
  }
  const m = DMY_OR_MDY.exec(text);
  if (!m) {
    // An ISO date reads the same whatever the user's order.
    return YMD.test(text) ? parseDate(text, 'ymd') : NaN;
  }
  const first = +m[1];
  const second = +m[2];
  const year = m[3].length === 2 ? twoDigitYear(+m[3]) : +m[3];
  return order === 'dmy'
    ? build(year, second, first, m[4], m[5], m[6], m[7])
    : build(year, first, second, m[4], m[5], m[6], m[7]);
}

function twoDigitYear(year: number): number {
  return year < 70 ? 2000 + year : 1900 + year;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem: string | undefined,
): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  let h = hour === undefined ? 0 : +hour;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return NaN;
    const pm = meridiem.toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  }
  const min = minute === undefined ? 0 : +minute;
  const sec = second === undefined ? 0 : +second;
  if (h > 23 || min > 59 || sec > 60) return NaN;
  // Reject 31/02 and the like, which Date.UTC would roll over into the next month, and a leap
  // second at the end of a day, which it would roll into the next day. (Date.UTC reads years 0 to
  // 99 as 1900 to 1999, so their leap years are those.)
  if (day > 28 && day > daysInMonth(year >= 0 && year <= 99 ? 1900 + year : year, month))
    return NaN;
  if (sec === 60 && min === 59 && h === 23) return NaN;
  return Date.UTC(year, month - 1, day, h, min, sec);
}

/**
 * Decides how a column writes its dates from its distinct values: a first part above 12 means
 * day-first, a second part above 12 means month-first; when neither shows, the order is
 * ambiguous and the caller should ask (month-first is then only a default). Decided once per
 * array of values (the column's kinds and its RFM both ask).
 */
export function guessDateOrder(values: readonly string[]): DateFormatGuess {
  const known = guesses.get(values);
  if (known !== undefined && known.length === values.length) return known.guess;
  const guess = guessOnce(values);
  guesses.set(values, { length: values.length, guess });
  return guess;
}

/**
 * Each value's time under `order` (parseDate's NaN where it is not such a date), made once per
 * array of values and order: a column of dates is read for its kind, and again for RFM, baskets
 * and value. The array is shared by every caller: read it, never write it.
 */
export function parseDates(values: readonly string[], order: DateOrder): Float64Array {
  let byOrder = parsed.get(values);
  if (byOrder === undefined || byOrder.length !== values.length) {
    byOrder = { length: values.length, times: new Map() };
    parsed.set(values, byOrder);
  }
  let times = byOrder.times.get(order);
  if (times === undefined) {
    times = Float64Array.from(values, (value) => parseDate(value, order));
    byOrder.times.set(order, times);
  }
  return times;
}

// Keyed by the values array itself, and its length in case it grew since (a column's texts do
// not change once read; the length only guards a caller that reuses an array).
const guesses = new WeakMap<readonly string[], { length: number; guess: DateFormatGuess }>();
const parsed = new WeakMap<
  readonly string[],
  { length: number; times: Map<DateOrder, Float64Array> }
>();

function guessOnce(values: readonly string[]): DateFormatGuess {
  let filled = 0;
  let iso = 0;
  let slashed = 0;
  let firstOver12 = false;
  let secondOver12 = false;
  // Read as ISO first: a column of ISO dates is then parsed once, for its kind and its RFM alike.
  const isoTimes = parseDates(values, 'ymd');
  for (let v = 0; v < values.length; v++) {
    const value = values[v].trim();
    if (value.length === 0) continue;
    filled++;
    if (isoTimes[v] === isoTimes[v]) {
      iso++;
      continue;
    }
    // Written as ISO, but no such day.
    if (YMD.test(value)) continue;
    const m = DMY_OR_MDY.exec(value);
    if (!m) continue;
    slashed++;
    if (+m[1] > 12) firstOver12 = true;
    if (+m[2] > 12) secondOver12 = true;
  }
  if (filled === 0) return { order: null, ambiguous: false, share: 0 };
  if (slashed === 0)
    return { order: iso > 0 ? 'ymd' : null, ambiguous: false, share: iso / filled };
  if (firstOver12 && secondOver12) return { order: null, ambiguous: false, share: 0 };
  const order: DateOrder = firstOver12 ? 'dmy' : 'mdy';
  const times = parseDates(values, order);
  let read = 0;
  // A blank value parses to NaN, so every time read is of a filled value.
  for (let t = 0; t < times.length; t++) if (times[t] === times[t]) read++;
  return { order, ambiguous: !firstOver12 && !secondOver12, share: read / filled };
}

/** Whole days between two times, rounded down. */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}

export const ONE_DAY_MS = DAY_MS;

/** `2010-12-01 08:26:00`, the way the reference writes times. */
export function formatDateTime(time: number): string {
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
