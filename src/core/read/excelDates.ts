/**
 * Excel keeps a date as a number of days (a "serial date") and tells it is a date only through
 * the cell's number format. This tells which formats are dates, and turns serials into times.
 */

const DAY_MS = 86_400_000;

/** How a number format shows its number. */
export const FORMAT_NUMBER = 0;
export const FORMAT_DATE = 1;
export const FORMAT_DATE_TIME = 2;
/** A time of day without a date (`h:mm`): written as `08:26:00`. */
export const FORMAT_TIME = 3;
export type FormatKind =
  typeof FORMAT_NUMBER | typeof FORMAT_DATE | typeof FORMAT_DATE_TIME | typeof FORMAT_TIME;

/**
 * Built-in format ids that are dates: 14-17 (dates), 22 (date and time), 18-21 and 45-47 (times
 * of day), and the East Asian locale ones 27-36 and 50-58 (年/月/日, 时/分), which workbooks use
 * without defining them.
 */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58,
]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

/** What a format shows: a plain number, a date, or a date with a time of day. */
export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code === undefined) {
    if (id === 22) return FORMAT_DATE_TIME;
    if (BUILTIN_TIMES.has(id)) return FORMAT_TIME;
    return BUILTIN_DATES.has(id) ? FORMAT_DATE : FORMAT_NUMBER;
  }
  return formatCodeKind(code);
}

/**
 * A custom format is a date when, once quoted text, escaped characters, padding and bracketed
 * parts (colours, locales, conditions) are removed, its first section still has y, m, d, h or s.
 * `[h]:mm` (elapsed hours) is a duration, not a date: it stays a number.
 */
export function formatCodeKind(code: string): FormatKind {
  if (/\[(h+|m+|s+)\]/i.test(code)) return FORMAT_NUMBER;
  const first = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .replace(/general/gi, '');
  if (!/[dmyhs]/i.test(first)) return FORMAT_NUMBER;
  const clock = /[hs]/i.test(first) || /am\/pm|a\/p/i.test(first);
  if (clock && !/[yd]/i.test(first)) return FORMAT_TIME;
  return clock ? FORMAT_DATE_TIME : FORMAT_DATE;
}

/** Serials outside 1900-01-01 .. 9999-12-31 are not dates Excel can show. */
const MAX_SERIAL = 2_958_466;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * Milliseconds on a UTC clock for a serial date, rounded to the second (Excel shows seconds at
 * most unless told otherwise), or NaN when the number cannot be a date. In the 1900 system Excel
 * counts a 29 February 1900 that never was, so serials before 61 are one day later than it says.
 */
export function serialToTime(serial: number, date1904: boolean): number {
  if (!(serial >= 0) || serial >= MAX_SERIAL) return NaN;
  const seconds = Math.round(serial * 86_400);
  if (date1904) return EPOCH_1904 + seconds * 1000;
  const time = EPOCH_1900 + seconds * 1000;
  return serial < 61 ? time + DAY_MS : time;
}

/** `08:26:00` for the time-of-day part of a serial. */
export function timeOfDayText(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}
