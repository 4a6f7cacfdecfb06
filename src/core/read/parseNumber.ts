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

/**
 * The magnitudes the analysis takes: beyond 1e100 (or, other than zero, below 1e-100) a value is
 * not a customer figure but an overflow waiting to happen (its square, summed over the rows,
 * would leave the range of doubles), so such a cell is not read as a number: the cleaning sets it
 * aside or fills it like any unreadable cell, and says why.
 */
export const LARGEST_MAGNITUDE = 1e100;
export const SMALLEST_MAGNITUDE = 1e-100;

/** Whether a finite number is within the magnitudes the analysis takes. */
export function inAnalysableRange(value: number): boolean {
  const size = Math.abs(value);
  return size <= LARGEST_MAGNITUDE && (size >= SMALLEST_MAGNITUDE || size === 0);
}

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
  const fast = decimal === '.' ? fastNumber(cell) : fastCommaNumber(cell);
  if (fast === fast) return { value: fast, unit: null };
  return slowNumber(cell, decimal);
}

const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/**
 * `Number(cell)` without its surprises (no hex/octal/binary literals, no Infinity, '' is not 0),
 * and about twice as fast for the common case: a plain decimal such as `-1234.56789` with at most
 * 15 digits is read digit by digit into an exact integer and divided by an exact power of ten,
 * which IEEE division rounds correctly, so the result is the same double Number() gives.
 */
export function fastNumber(cell: string): number {
  const length = cell.length;
  if (length === 0) return NaN;
  let i = 0;
  let negative = false;
  const first = cell.charCodeAt(0);
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) {
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 46 && fraction < 0) {
      fraction = 0;
    } else {
      // Only an exponent or whitespace (ASCII or not) can still make a number; any other
      // character cannot (a text such as `85123A` or `2010-12-01` ends here, cheaply).
      return c === 101 || c === 69 || c <= 32 || c > 127 ? generalNumber(cell) : NaN;
    }
  }
  if (digits === 0 || digits > 15) return generalNumber(cell);
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}

/**
 * The fast path of a file with decimal commas, as fastNumber is for decimal points: `-1234,56`
 * (an optional sign, at most 15 digits, at most one comma followed by a digit) read digit by digit
 * into an exact integer divided by an exact power of ten, the double the general path gives. Any
 * other cell (grouping, units, spaces, exponents) is declined with NaN, for the general path.
 */
export function fastCommaNumber(cell: string): number {
  const length = cell.length;
  let i = 0;
  let negative = false;
  const first = length > 0 ? cell.charCodeAt(0) : 0;
  if (first === 45) {
    negative = true;
    i = 1;
  } else if (first === 43) {
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < length; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 44 && fraction < 0) {
      fraction = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15 || fraction === 0) return NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}

/** Number() for everything else (exponents, spaces), refusing what Number() wrongly accepts. */
function generalNumber(cell: string): number {
  const value = +cell;
  if (value - value !== 0) return NaN; // NaN or ±Infinity
  if (/[xXbBoO]/.test(cell)) return NaN;
  if (value === 0 && cell.trim().length === 0) return NaN;
  return inAnalysableRange(value) ? value : NaN;
}

/** Any number people write (grouping, units, decimal commas, accounting negatives), or NaN. */
export function slowNumber(cell: string, decimal: DecimalSeparator): ParsedNumber {
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
  const signed = text[0] === '-' || text[0] === '+' || text[0] === '−';
  if (signed) {
    sign = text[0] === '+' ? '' : '-';
    text = text.slice(1).trimStart();
  }
  // Every unit starts and ends with a non-digit, so a text that starts and ends with digits has
  // none to strip (the common `1,234.56`): the costly pattern runs only where a unit can be.
  if (!(isDigitAt(text, 0) && isDigitAt(text, text.length - 1)))
    text = text.replace(UNIT_PATTERN, (match) => {
      unit = match.trim();
      return '';
    });
  text = text.trim();
  if (text.length === 0) return NOT_A_NUMBER;
  if (text[0] === '-' || text[0] === '+' || text[0] === '−') {
    // One sign only: `+-3` and `-$-3` are not numbers.
    if (signed) return NOT_A_NUMBER;
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
  if (!Number.isFinite(value) || !inAnalysableRange(value)) return NOT_A_NUMBER;
  return { value: negative ? -value : value, unit };
}

function isDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c >= 48 && c <= 57;
}
