import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import {
  columnIndex,
  MISSING_CODE,
  ROW_LONG,
  ROW_QUOTES,
  ROW_SHORT,
  type Column,
  type Table,
} from '../read/table';
import { numbersWithoutCodes } from '../clean/missingValues';
import type { NumericStep, OneHotStep, Preparation } from './modelFile';

/** Why applying a model set a row aside; 0 (APPLY_SCORED) means it got a segment (or noise). */
export const APPLY_SCORED = 0;
export const APPLY_MALFORMED = 1;
export const APPLY_MISSING = 2;
export const APPLY_NEGATIVE = 3;
export const APPLY_OUTLIER = 4;
export const APPLY_REASONS = ['malformed', 'missing', 'negative', 'outlier'] as const;
export type ApplyReason = (typeof APPLY_REASONS)[number];

/** A one-hot column's values that the saved file never had (they get no feature). */
export interface UnseenCategories {
  column: string;
  /** Scored rows holding such a value. */
  count: number;
  /** The first few of them, in file order. */
  values: string[];
}

export interface PreparedRows {
  /** Per record: APPLY_SCORED or why it was set aside. */
  reason: Uint8Array;
  /**
   * Per record set aside for a value (missing, negative, outlier): the column that holds it, as
   * the model names it; null for the others.
   */
  setAsideColumn: (string | null)[];
  /** The scored records, ascending. */
  rows: Int32Array;
  /** rows x dims: where the clustering measures distances (scaled, then principal components). */
  matrix: Float64Array;
  dims: number;
  /** Per kept feature: its mean over the scored rows before scaling (drift). */
  featureMeans: Float64Array;
  unseen: UnseenCategories[];
}

const UNSEEN_LISTED = 5;

/** The table's index of each column the model reads; every missing one named in one refusal. */
export function requireModelColumns(
  table: Table,
  names: readonly string[],
  savedFile: string,
): number[] {
  const indices = names.map((name) => columnIndex(table, name));
  const missing = names.filter((_, i) => indices[i] === -1);
  if (missing.length > 0)
    throw new UserError('model-mismatch', 'modelMissingColumns', {
      columns: missing.map((name) => `"${name}"`).join(', '),
      count: missing.length,
      file: savedFile,
    });
  return indices;
}

/**
 * The saved cleaning, encoding, scaling and projection applied to every record of a table, exactly
 * as the analysis transformed its rows (the same operations in the same order, so a saved row
 * comes out bit for bit the same). A record is set aside when it could not be read, misses a
 * value the saved policy drops rows for, has a negative value where log1p was applied, or lies
 * outside the saved outlier limits under the "drop" policy. Repeated rows are scored like any
 * other. A category the saved file never had gets no feature (all its one-hot features are 0).
 */
export function prepareRows(
  table: Table,
  preparation: Preparation,
  savedFile: string,
  onProgress?: StageProgress,
): PreparedRows {
  const n = table.rowCount;
  const numericCount = preparation.numeric.length;
  const indices = requireModelColumns(
    table,
    [...preparation.numeric.map((s) => s.column), ...preparation.oneHot.map((s) => s.column)],
    savedFile,
  );
  const numericIndex = indices.slice(0, numericCount);
  const oneHotIndex = indices.slice(numericCount);
  // A column with missing codes is read as a copy in which they are missing (NaN), as cleanRows.
  const numericColumns = numericIndex.map((j, f): Column => {
    const column = table.columns[j];
    const codes = preparation.numeric[f].missingCodes ?? [];
    return codes.length === 0
      ? column
      : { ...column, numbers: numbersWithoutCodes(column.numbers, codes) };
  });
  numericColumns.forEach((column, f) => {
    if (column.numberCount === 0 && n > 0)
      throw new UserError('model-mismatch', 'modelNoNumbers', {
        column: preparation.numeric[f].column,
        file: savedFile,
      });
  });
  const reason = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const status = table.rowStatus[i];
    if (
      status === ROW_LONG ||
      status === ROW_QUOTES ||
      (status === ROW_SHORT && !preparation.padShortRows)
    )
      reason[i] = APPLY_MALFORMED;
  }
  const codes = preparation.oneHot.map((step, c) =>
    categoryCodes(table.columns[oneHotIndex[c]], step),
  );
  const setAsideColumn = new Array<string | null>(n).fill(null);
  markMissing(preparation, numericColumns, codes, reason, setAsideColumn);
  markNegativeAndOutliers(preparation.numeric, numericColumns, reason, setAsideColumn);
  onProgress?.(0.3);

  let m = 0;
  for (let i = 0; i < n; i++) if (reason[i] === APPLY_SCORED) m++;
  const rows = new Int32Array(m);
  for (let i = 0, r = 0; i < n; i++) if (reason[i] === APPLY_SCORED) rows[r++] = i;
  const { matrix, featureMeans } = scaledFeatures(preparation, numericColumns, codes, rows);
  onProgress?.(0.8);
  const pca = preparation.pca;
  const projected = pca === null ? matrix : project(matrix, m, preparation.kept.length, pca);
  onProgress?.(1);
  return {
    reason,
    setAsideColumn,
    rows,
    matrix: projected,
    dims: pca === null ? preparation.kept.length : pca.count,
    featureMeans,
    unseen: preparation.oneHot.map((step, c) => unseenOf(step, codes[c], rows)),
  };
}

/** Per record of a one-hot column: its category, MISSING_CATEGORY, or UNSEEN with its text. */
interface CategoryCodes {
  code: Int32Array;
  text: (row: number) => string;
}
const MISSING_CATEGORY = -2;
const UNSEEN = -3;

function categoryCodes(column: Column, step: OneHotStep): CategoryCodes {
  const byText = new Map(step.categories.map((category, c) => [category, c]));
  const n = column.numbers.length;
  const code = new Int32Array(n);
  // A number in a categorical column reads as the app writes it (String(value)).
  const text = (row: number): string => {
    const textCode = column.codes === null ? -1 : column.codes[row];
    return textCode >= 0 ? column.texts[textCode] : String(column.numbers[row]);
  };
  const ofTexts = Int32Array.from(column.texts, (t) => byText.get(t) ?? UNSEEN);
  for (let i = 0; i < n; i++) {
    const textCode = column.codes === null ? -1 : column.codes[i];
    if (textCode >= 0) code[i] = ofTexts[textCode];
    else if (textCode === MISSING_CODE || column.numbers[i] !== column.numbers[i])
      code[i] = MISSING_CATEGORY;
    else code[i] = byText.get(String(column.numbers[i])) ?? UNSEEN;
  }
  return { code, text };
}

function markMissing(
  preparation: Preparation,
  numericColumns: readonly Column[],
  codes: readonly CategoryCodes[],
  reason: Uint8Array,
  setAsideColumn: (string | null)[],
): void {
  const n = reason.length;
  preparation.numeric.forEach((step, f) => {
    if (step.fill !== null) return;
    const values = numericColumns[f].numbers;
    for (let i = 0; i < n; i++)
      if (reason[i] === APPLY_SCORED && values[i] !== values[i]) {
        reason[i] = APPLY_MISSING;
        setAsideColumn[i] = step.column;
      }
  });
  preparation.oneHot.forEach((step, c) => {
    if (step.fill !== null) return;
    const code = codes[c].code;
    for (let i = 0; i < n; i++)
      if (reason[i] === APPLY_SCORED && code[i] === MISSING_CATEGORY) {
        reason[i] = APPLY_MISSING;
        setAsideColumn[i] = step.column;
      }
  });
}

/** A value as the saved cleaning reads it before clipping: filled, then log1p. */
function cleaned(step: NumericStep, value: number): number {
  const v = value !== value ? (step.fill ?? NaN) : value;
  return step.log1p ? Math.log1p(v) : v;
}

function markNegativeAndOutliers(
  steps: readonly NumericStep[],
  columns: readonly Column[],
  reason: Uint8Array,
  setAsideColumn: (string | null)[],
): void {
  const n = reason.length;
  steps.forEach((step, f) => {
    if (!step.log1p) return;
    const values = columns[f].numbers;
    for (let i = 0; i < n; i++) {
      if (reason[i] !== APPLY_SCORED) continue;
      const v = values[i] !== values[i] ? (step.fill ?? NaN) : values[i];
      if (v < 0) {
        reason[i] = APPLY_NEGATIVE;
        setAsideColumn[i] = step.column;
      }
    }
  });
  steps.forEach((step, f) => {
    if (step.dropOutside === null) return;
    const [low, high] = step.dropOutside;
    const values = columns[f].numbers;
    for (let i = 0; i < n; i++) {
      if (reason[i] !== APPLY_SCORED) continue;
      const v = cleaned(step, values[i]);
      if (v < low || v > high) {
        reason[i] = APPLY_OUTLIER;
        setAsideColumn[i] = step.column;
      }
    }
  });
}

/** The scored rows' kept features, cleaned and scaled, rows x d; and each feature's mean before scaling. */
function scaledFeatures(
  preparation: Preparation,
  numericColumns: readonly Column[],
  codes: readonly CategoryCodes[],
  rows: Int32Array,
): { matrix: Float64Array; featureMeans: Float64Array } {
  const { numeric, oneHot, kept, scale } = preparation;
  const m = rows.length;
  const d = kept.length;
  const matrix = new Float64Array(m * d);
  const featureMeans = new Float64Array(d);
  // Input feature i: numeric step i, then each one-hot step's categories in order.
  const sources: { step: number; category: number }[] = numeric.map((_, f) => ({
    step: f,
    category: -1,
  }));
  oneHot.forEach((step, c) =>
    step.categories.forEach((_, category) => sources.push({ step: c, category })),
  );
  kept.forEach((input, k) => {
    const center = scale.center[k];
    const divisor = scale.scale[k];
    const source = sources[input];
    let sum = 0;
    if (source.category === -1) {
      const step = numeric[source.step];
      const values = numericColumns[source.step].numbers;
      const [low, high] = step.clip ?? [-Infinity, Infinity];
      for (let r = 0; r < m; r++) {
        const v = cleaned(step, values[rows[r]]);
        const clipped = v < low ? low : v > high ? high : v;
        sum += clipped;
        matrix[r * d + k] = (clipped - center) / divisor;
      }
    } else {
      const step = oneHot[source.step];
      const code = codes[source.step].code;
      const fill = step.fill ?? -1;
      for (let r = 0; r < m; r++) {
        let c = code[rows[r]];
        if (c === MISSING_CATEGORY) c = fill;
        const v = c === source.category ? 1 : 0;
        sum += v;
        matrix[r * d + k] = (v - center) / divisor;
      }
    }
    featureMeans[k] = m > 0 ? sum / m : NaN;
  });
  return { matrix, featureMeans };
}

/** Coordinates on the saved principal components, as projectPca computes them. */
function project(
  matrix: Float64Array,
  m: number,
  d: number,
  pca: NonNullable<Preparation['pca']>,
): Float64Array {
  const { count, components, mean } = pca;
  const out = new Float64Array(m * count);
  for (let i = 0; i < m; i++) {
    const row = i * d;
    for (let c = 0; c < count; c++) {
      let sum = 0;
      const component = c * d;
      for (let j = 0; j < d; j++) sum += (matrix[row + j] - mean[j]) * components[component + j];
      out[i * count + c] = sum;
    }
  }
  return out;
}

function unseenOf(step: OneHotStep, codes: CategoryCodes, rows: Int32Array): UnseenCategories {
  let count = 0;
  const values: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    if (codes.code[rows[r]] !== UNSEEN) continue;
    count++;
    if (values.length < UNSEEN_LISTED) {
      const value = codes.text(rows[r]);
      if (!values.includes(value)) values.push(value);
    }
  }
  return { column: step.column, count, values };
}
