import { parseNumberCell, type DecimalSeparator } from './parseNumber';
import { guessDateOrder, type DateOrder } from './parseDate';
import type { StageProgress } from '../common/progress';
import { MISSING_CODE, ROW_LONG, ROW_QUOTES, type Column, type Table } from './table';
import { message, type Message } from '../common/message';
import { exactCellText, hasRoundedIntegers, isRoundedInteger } from './exactCells';
import { looksLikeCodes, type NumberEvidence } from './identifierCodes';
import {
  identifierNameHint,
  looksLikeIdentifierName,
  looksLikeMeasurementName,
} from './identifierNames';
import { looksLikeTargetName } from './targetColumns';
import { byCountThenValue, NumberTally, type CountedNumbers, type TopValue } from './numberTally';

export type ColumnKind = 'numeric' | 'categorical' | 'datetime' | 'identifier' | 'text';
export const COLUMN_KINDS: readonly ColumnKind[] = [
  'numeric',
  'categorical',
  'datetime',
  'identifier',
  'text',
];

export type { TopValue };

/** What a column holds, as the Columns table shows it. */
export interface ColumnSummary {
  name: string;
  index: number;
  kind: ColumnKind;
  /** Missing cells among the rows that could be read. */
  missing: number;
  /** Distinct filled values. */
  unique: number;
  /** For numeric columns. */
  min: number | null;
  mean: number | null;
  max: number | null;
  /** Filled cells that are not numbers, in a numeric column (they count as missing). */
  notNumbers: number;
  /** The most frequent values (categorical, identifier and text columns), most frequent first. */
  top: TopValue[];
  /** The unit stripped from the numbers, e.g. `$` or `%`. */
  unit: string | null;
  /** For datetime columns: how the dates are written, and whether that had to be guessed. */
  dateOrder: DateOrder | null;
  dateOrderAmbiguous: boolean;
  /** Why the kind was chosen or what to know about the column; null when there is nothing to say. */
  note: Message | null;
  /**
   * Named like the outcome to predict or a model's output (`Churn`, `churn_prob`): it keeps its
   * kind but is not a feature by default (defaultFeatures), and the note says why.
   */
  likelyTarget: boolean;
}

/** A numeric column counts as numeric when at least this share of its filled cells are numbers. */
const NUMERIC_SHARE = 0.95;
/**
 * A column read as text is one of mostly numbers (said in its note, with the numbers' range) when
 * at least this share of its filled cells are numbers...
 */
const MOSTLY_NUMBERS_SHARE = 0.5;
/** ...and its other cells hold at most this many distinct texts (words for "no value"). */
const MOST_NO_VALUE_WORDS = 5;
const MAX_CATEGORIES = 100;
const TOP_VALUES = 5;

// Name rules live in identifierNames.ts; callers and tests have always found this one here.
export { looksLikeIdentifierName };

/**
 * The cells of a column that are numbers written with the other decimal separator (`1,5` in a
 * file read with points), with one of them; null when there is none.
 */
function otherSeparatorExample(
  column: Column,
  decimal: DecimalSeparator,
  textCells: number,
): { count: number; example: string } | null {
  if (textCells === 0) return null;
  const other: DecimalSeparator = decimal === '.' ? ',' : '.';
  let count = 0;
  let example: string | null = null;
  column.texts.forEach((text, t) => {
    // `1,234` reads as a thousand with a point: only a separator that cannot be grouping counts.
    if (!/^[-+]?\d*[.,]\d{1,2}$|^[-+]?\d*[.,]\d{4,}$/.test(text.trim())) return;
    if (Number.isNaN(parseNumberCell(text, other).value)) return;
    count += column.textCounts[t];
    example ??= text;
  });
  return example === null ? null : { count, example };
}

/** Kinds and statistics for every column of a table. */
export function inferColumns(table: Table, onProgress?: StageProgress): ColumnSummary[] {
  // Said at once, so the time of the first column counts as this stage's, not the read's.
  onProgress?.(0);
  const readable = readableRows(table);
  const names = table.columns.map((column) => column.name);
  const tally = new NumberTally();
  return table.columns.map((column, index) => {
    const summary = markTarget(
      summarise(
        column,
        index,
        readable,
        table.dialect.decimal,
        tally.clear(),
        exactCells(table, index),
      ),
      names.filter((_, j) => j !== index),
    );
    onProgress?.((index + 1) / table.columns.length);
    return summary;
  });
}

/** A column named like a target or a model's output is flagged, and its note says so. */
function markTarget(summary: ColumnSummary, otherNames: readonly string[]): ColumnSummary {
  if (summary.kind === 'identifier' || !looksLikeTargetName(summary.name, otherNames))
    return summary;
  return {
    ...summary,
    likelyTarget: true,
    note:
      summary.note === null
        ? message('kindTarget')
        : message('kindTargetAndNote', { note: summary.note }),
  };
}

/** Rows whose cells were read (well-formed, or short and kept in place); null when all were. */
export function readableRows(table: Table): Uint8Array | null {
  if (table.issues.length === 0) return null;
  const mask = new Uint8Array(table.rowCount);
  for (let i = 0; i < table.rowCount; i++) {
    const status = table.rowStatus[i];
    mask[i] = status === ROW_LONG || status === ROW_QUOTES ? 0 : 1;
  }
  return mask;
}

function summarise(
  column: Column,
  index: number,
  readable: Uint8Array | null,
  decimal: DecimalSeparator,
  tally: NumberTally,
  exact: ((row: number) => string) | null = null,
): ColumnSummary {
  const values = column.numbers;
  let distinctCount = tally.countColumn(values, readable).distinct;
  // Ids too long for a double are told apart by their digits, not by their rounded numbers.
  if (exact !== null) distinctCount = distinctExact(values, readable, exact);
  const { rows, missing, numbers, sum, min, max } = numberStats(column, readable, tally.counted);
  const filled = rows - missing;
  const texts = filled - numbers;
  const base: ColumnSummary = {
    name: column.name,
    index,
    kind: 'text',
    missing,
    unique: 0,
    min: null,
    mean: null,
    max: null,
    notNumbers: 0,
    top: [],
    unit: column.unit,
    dateOrder: null,
    dateOrderAmbiguous: false,
    note: null,
    likelyTarget: false,
  };
  if (filled === 0) {
    return { ...base, kind: 'numeric', note: message('kindAllMissing') };
  }
  if (numbers > 0 && numbers >= filled * NUMERIC_SHARE) {
    const unique = distinctCount + column.texts.length;
    const summary: ColumnSummary = {
      ...base,
      kind: 'numeric',
      unique,
      min,
      mean: sum / numbers,
      max,
      notNumbers: texts,
      note:
        texts > 0 ? message('kindNotNumbers', { count: texts, example: column.texts[0] }) : null,
    };
    const identifier = identifierByNumbers(column, readable, exact, {
      values,
      readable,
      filled,
      numbers,
      distinct: distinctCount,
      min,
      max,
    });
    if (identifier !== null) return { ...summary, kind: 'identifier', note: identifier };
    if (isRowNumber(values, readable, distinctCount, numbers, filled, min, max)) {
      return {
        ...summary,
        kind: 'identifier',
        note: message('kindRowNumber'),
      };
    }
    if (min === max) return { ...summary, note: message('kindConstant') };
    return summary;
  }
  const unique = distinctCount + column.texts.length;
  const top = topValues(column, distinctCount > 0 ? tally : null);
  // Mostly numbers with a few words among them standing for no value ("unknown", "?"): read as
  // text, but said so, and with the numbers' range, so that a column the user makes numeric has
  // its figures. Codes such as StockCode's 85123A (many distinct texts) are not such a column.
  const mostlyNumbers =
    numbers > 0 &&
    numbers >= filled * MOSTLY_NUMBERS_SHARE &&
    column.texts.length <= MOST_NO_VALUE_WORDS;
  const summary: ColumnSummary = {
    ...base,
    unique,
    top,
    unit: null,
    ...(mostlyNumbers ? { min, mean: sum / numbers, max, notNumbers: texts } : {}),
  };
  const textNote = (note: Message | null) =>
    mostlyNumbers
      ? message('kindMostlyNumbers', {
          name: column.name,
          numbers,
          texts,
          example: column.texts[0] ?? '',
        })
      : note;
  const mixed = numbers > 0 ? otherSeparatorExample(column, decimal, filled - numbers) : null;
  if (mixed !== null && numbers + mixed.count >= filled * NUMERIC_SHARE) {
    // Numbers written with both separators: neither reading is right, so say so rather than
    // guess (an identifier, as the unique texts would suggest, is the one wrong answer).
    return {
      ...summary,
      kind: 'text',
      note: message('kindMixedDecimals', {
        example: mixed.example,
        separator: decimal === '.' ? 'point' : 'comma',
      }),
    };
  }
  if (looksLikeIdentifierName(column.name)) {
    return {
      ...summary,
      kind: 'identifier',
      note: message('kindIdentifierName'),
    };
  }
  if (numbers === 0) {
    const dates = guessDateOrder(column.texts);
    if (dates.order !== null && dates.share >= NUMERIC_SHARE) {
      return {
        ...summary,
        kind: 'datetime',
        dateOrder: dates.order,
        dateOrderAmbiguous: dates.ambiguous,
        note: dates.ambiguous ? message('kindAmbiguousDates') : null,
      };
    }
  }
  if (
    unique === filled &&
    filled >= 10 &&
    column.texts.every((text) => text.length <= 40 && !/\s/.test(text))
  ) {
    return {
      ...summary,
      kind: 'identifier',
      note: message('kindUnique'),
    };
  }
  if (unique <= MAX_CATEGORIES && (unique <= filled / 2 || filled < 20)) {
    return {
      ...summary,
      kind: 'categorical',
      note: textNote(unique === 1 ? message('kindSameCategory') : null),
    };
  }
  return {
    ...summary,
    kind: 'text',
    note: textNote(message('kindTooManyValues', { count: unique })),
  };
}

/**
 * Counts and range of a column's numbers: the rows read, the missing cells, and what the tally
 * found of the numbers (`counted`). Where every row was read, a cell is a number, a text or
 * missing, so the missing cells are what the numbers and the texts leave; else one pass counts.
 */
function numberStats(column: Column, readable: Uint8Array | null, counted: CountedNumbers) {
  const { numbers, sum, min, max } = counted;
  const n = column.numbers.length;
  if (readable === null) {
    let texts = 0;
    if (column.codes !== null) for (const count of column.textCounts) texts += count;
    return { rows: n, missing: n - numbers - texts, numbers, sum, min, max };
  }
  const values = column.numbers;
  const codes = column.codes;
  let rows = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    if (readable[i] === 0) continue;
    rows++;
    const v = values[i];
    if (v !== v && (codes === null || codes[i] === MISSING_CODE)) missing++;
  }
  return { rows, missing, numbers, sum, min, max };
}

const YEAR_NAME = /year|jahr|année|annee|año|年/iu;

/**
 * Why a numeric column is an identifier: its name (`CustomerID`), its content (`708082083`, codes
 * of one width), or both (`Member_number` holding 1000..5000); null for a measurement.
 */
function identifierByNumbers(
  column: Column,
  readable: Uint8Array | null,
  exact: ((row: number) => string) | null,
  evidence: NumberEvidence,
): Message | null {
  // A year (of joining, of birth) is a measure, whatever else its long name says.
  if (YEAR_NAME.test(column.name) && evidence.min >= 1800 && evidence.max <= 2100) return null;
  const hint = identifierNameHint(column.name);
  const byContent =
    !looksLikeMeasurementName(column.name) &&
    looksLikeCodes(evidence, hint === 'name' ? null : hint);
  if (hint === 'name')
    return byContent
      ? message('kindIdentifierNameAndCodes', {
          example: firstNumber(evidence.values, readable, exact),
        })
      : message('kindIdentifierName');
  if (!byContent) return null;
  return hint === 'hint'
    ? message('kindIdentifierNameAndCodes', {
        example: firstNumber(evidence.values, readable, exact),
      })
    : message('kindIdentifierCodes', {
        digits: String(Math.trunc(evidence.min)).length,
        count: evidence.distinct,
        example: firstNumber(evidence.values, readable, exact),
      });
}

function firstNumber(
  values: Float64Array,
  readable: Uint8Array | null,
  exact: ((row: number) => string) | null,
): string {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (readable === null || readable[i] === 1))
      return exact !== null && isRoundedInteger(v) ? exact(i) : String(v);
  }
  return '';
}

/** The cells of a column as written, where some of its numbers are integers a double rounds. */
function exactCells(table: Table, index: number): ((row: number) => string) | null {
  return hasRoundedIntegers(table.columns[index])
    ? (row) => exactCellText(table, index, row)
    : null;
}

/** Distinct numbers, long integers told apart by their digits as written. */
function distinctExact(
  values: Float64Array,
  readable: Uint8Array | null,
  exact: (row: number) => string,
): number {
  const seen = new Set<number | string>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v || (readable !== null && readable[i] === 0)) continue;
    seen.add(isRoundedInteger(v) ? exact(i) : v);
  }
  return seen.size;
}

/** Integers 0..n-1 or 1..n, each once: a row number, not a measurement. */
function isRowNumber(
  values: Float64Array,
  readable: Uint8Array | null,
  distinct: number,
  numbers: number,
  filled: number,
  min: number,
  max: number,
): boolean {
  if (numbers !== filled || distinct !== numbers || numbers < 10) return false;
  if ((min !== 0 && min !== 1) || max - min !== numbers - 1) return false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v && (readable === null || readable[i] === 1) && !Number.isInteger(v)) return false;
  }
  return true;
}

function topValues(column: Column, numbers: NumberTally | null): TopValue[] {
  const counts: TopValue[] = column.texts.map((value, code) => ({
    value,
    count: column.textCounts[code],
  }));
  if (numbers !== null) counts.push(...numbers.top(TOP_VALUES));
  counts.sort(byCountThenValue);
  return counts.slice(0, TOP_VALUES);
}

/**
 * The `limit` most frequent numbers of a column, ties broken by their text as topValues breaks
 * them (only the numbers that can still be among the first `limit` are made into text).
 */
export function topNumbers(
  values: Float64Array,
  readable: Uint8Array | null,
  limit: number,
): TopValue[] {
  return new NumberTally().countColumn(values, readable).top(limit);
}
