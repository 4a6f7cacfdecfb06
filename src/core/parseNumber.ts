/**
 * Turning one CSV cell into a number, the way people write numbers in spreadsheets:
 * `12.5`, ` 12 `, `1,234.5`, `$1,234`, `12%`, `(120)`, and with a decimal comma `12,5`,
 * `1.234,56`, `1 234,56 €`. Anything else is not a number (NaN).
 */

export type DecimalSeparator = '.' | ',';

/** The missing-value markers the issue lists, plus the spellings pandas and Excel write. */
const MISSING_MARKERS = new Set([
  'NA',
  'N/A',
  'na',
  'n/a',
  'null',
  'NULL',
  'Null',
  'NaN',
  'nan',
  'NAN',
  '?',
  '-',
  '#N/A',
  '#NA',
  '<NA>',
]);

/** True for an empty cell, a cell of spaces, or one of the missing markers. */
export function isMissingCell(cell: string): boolean {
  if (cell.length === 0) return true;
  if (cell.length > 5) return cell.trim().length === 0;
  if (MISSING_MARKERS.has(cell)) return true;
  const trimmed = cell.trim();
  return trimmed.length === 0 || (trimmed !== cell && MISSING_MARKERS.has(trimmed));
}

/** The units we strip from numbers; the column keeps the unit in its description. */
const CURRENCY_SYMBOLS = ['$', '€', '£', '¥', '￥', '₹', '₩', '₽', 'R$', 'CHF'];
const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CNY', 'RMB', 'JPY', 'INR', 'CAD', 'AUD', 'CHF'];
const UNIT_PATTERN = new RegExp(
  `^(?:(${CURRENCY_CODES.join('|')})\\s*|(${CURRENCY_SYMBOLS.map(escape).join('|')})\\s*)|(?:\\s*(${CURRENCY_CODES.join('|')})|\\s*(${CURRENCY_SYMBOLS.map(escape).join('|')})|\\s*(%))$`,
  'g',
);

function escape(symbol: string): string {
  return symbol.replace(/[$]/g, '\\$');
}

export interface ParsedNumber {
  value: number;
  /** The unit that was stripped (`$`, `€`, `%`, `CNY`, ...), or null. */
  unit: string | null;
}

const NOT_A_NUMBER: ParsedNumber = { value: NaN, unit: null };

// Digits with optional grouping, for each decimal separator.
const DOT_DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const COMMA_DECIMAL =
  /^[+-]?(?:\d{1,3}(?:[.\s\u00a0\u202f']\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Parses a cell known not to be missing. The fast path is plain `Number()`, which accepts
 * surrounding spaces; the slow path handles units, grouping, decimal commas and accounting
 * negatives.
 */
export function parseNumberCell(cell: string, decimal: DecimalSeparator): ParsedNumber {
  if (decimal === '.') {
    const fast = fastNumber(cell);
    if (fast === fast) return { value: fast, unit: null };
  }
  return slowNumber(cell, decimal);
}

/** `Number(cell)` without its surprises: no hex/octal/binary literals, no Infinity, no ''. */
export function fastNumber(cell: string): number {
  const value = +cell;
  if (value - value !== 0) return NaN; // NaN or ±Infinity
  const c1 = cell.charCodeAt(1);
  // Letters can only follow the first character in `1e5`, `0x1F`, `0b1`, `0o7`.
  if (c1 > 57 || cell.charCodeAt(2) > 57) {
    if (/[xXbBoO]/.test(cell)) return NaN;
  }
  if (cell.length === 0 || (value === 0 && cell.trim().length === 0)) return NaN;
  return value;
}

function slowNumber(cell: string, decimal: DecimalSeparator): ParsedNumber {
  let text = cell.trim();
  if (text.length === 0 || text.length > 40) return NOT_A_NUMBER;
  let negative = false;
  // Accounting negatives: (1,234.00)
  if (text.charCodeAt(0) === 40 && text.charCodeAt(text.length - 1) === 41) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let unit: string | null = null;
  // A sign may stand before a currency symbol: -$12 or $-12.
  let sign = '';
  if (text[0] === '-' || text[0] === '+' || text[0] === '−') {
    sign = text[0] === '+' ? '' : '-';
    text = text.slice(1).trimStart();
  }
  text = text.replace(UNIT_PATTERN, (match) => {
    unit = match.trim();
    return '';
  });
  text = text.trim();
  if (text.length === 0) return NOT_A_NUMBER;
  if (text[0] === '-' || text[0] === '+' || text[0] === '−') {
    if (sign !== '') return NOT_A_NUMBER;
    sign = text[0] === '+' ? '' : '-';
    text = text.slice(1);
  }
  let normalised: string;
  if (decimal === '.') {
    if (!DOT_DECIMAL.test(text) || !/\d/.test(text)) return NOT_A_NUMBER;
    normalised = text.replace(/,/g, '');
  } else {
    if (!COMMA_DECIMAL.test(text) || !/\d/.test(text)) return NOT_A_NUMBER;
    normalised = text.replace(/[.\s\u00a0\u202f']/g, '').replace(',', '.');
  }
  const value = Number(sign + normalised);
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return { value: negative ? -value : value, unit };
}
