/**
 * How a typed cell of a workbook or Parquet file is written as text: in the table (dates as ISO
 * text, which `parseDate` reads whatever the user's date order) and in the row text that exports
 * repeat (one CSV line per row).
 */

const DAY_MS = 86_400_000;

/**
 * `2010-12-01` for a date without a time of day when `withTime` is false, otherwise
 * `2010-12-01 08:26:00` (and `.250` when there are milliseconds). NaN gives ''.
 */
export function isoDateText(time: number, withTime: boolean): string {
  if (time !== time) return '';
  const iso = new Date(time).toISOString();
  const date = iso.startsWith('+') || iso.startsWith('-') ? iso.slice(0, 13) : iso.slice(0, 10);
  const rest = iso.slice(date.length);
  if (!withTime && time % DAY_MS === 0) return date;
  const ms = rest.slice(9, 13);
  return `${date} ${rest.slice(1, 9)}${ms === '.000' ? '' : ms}`;
}

/** Booleans as Excel shows them. */
export function booleanText(value: boolean): string {
  return value ? 'TRUE' : 'FALSE';
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field of a CSV line (RFC 4180): quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
