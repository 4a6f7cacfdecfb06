import type { IdentifierNameHint } from './identifierNames';

/** What inferColumns knows of a numeric column's filled cells. */
export interface NumberEvidence {
  values: Float64Array;
  /** Rows whose cells were read; null when all were. */
  readable: Uint8Array | null;
  /** Filled cells, numbers, and distinct numbers among them. */
  filled: number;
  numbers: number;
  distinct: number;
  min: number;
  max: number;
}

/** Codes need this many filled cells before their content alone can say "identifier". */
const MIN_ROWS = 20;
/** Codes on their own: at least six digits (no age, count, year or score has them all). */
const CODE_MIN = 100_000;
/** With a name hint: codes from 100 up (counts start at 0 or 1), or a different one per row. */
const HINTED_CODE_MIN = 100;
const NEAR_UNIQUE = 0.9;

/**
 * True when a numeric column holds codes rather than a measurement. On content alone the
 * evidence must be strong: whole numbers, none negative, all written with the same number of
 * digits and at least six (`708082083`, as a card or client number), many distinct values
 * (near-unique, or repeating like a customer number on order lines), and not dates written as
 * numbers (`20240131`). With a name hint (`Member_number`, `zip_code`) whole numbers from 100 up,
 * or a different one on nearly every row, are enough. The caller rules out names of
 * measurements (an income of 123456 is not a code).
 */
export function looksLikeCodes(evidence: NumberEvidence, hint: IdentifierNameHint): boolean {
  const { filled, numbers, distinct, min, max } = evidence;
  if (numbers !== filled || min < 0 || !wholeNumbers(evidence)) return false;
  if (hint !== null) {
    return distinct >= 10 && (min >= HINTED_CODE_MIN || distinct >= filled * NEAR_UNIQUE);
  }
  if (filled < MIN_ROWS || distinct < MIN_ROWS || min < CODE_MIN) return false;
  if (digits(min) !== digits(max)) return false;
  return !datesAsNumbers(evidence);
}

function digits(value: number): number {
  return String(Math.trunc(value)).length;
}

function wholeNumbers({ values, readable }: NumberEvidence): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (readable === null || readable[i] === 1) && !Number.isInteger(v)) return false;
  }
  return true;
}

/** Every value a date written YYYYMMDD between 1900 and 2100: a date, not a code. */
function datesAsNumbers({ values, readable, min, max }: NumberEvidence): boolean {
  if (min < 19000101 || max > 21001231) return false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (readable !== null && readable[i] === 0)) continue;
    const month = Math.floor(v / 100) % 100;
    const day = v % 100;
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  }
  return true;
}
