import { describeSize } from '../common/byteSize';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { requireColumn, ROW_LONG, ROW_QUOTES, ROW_SHORT, type Table } from '../read/table';
import {
  DROP_REASONS,
  DROPPED_DUPLICATE,
  DROPPED_MALFORMED,
  KEPT,
  missingStrategies,
  type CleanOptions,
  type CleanReport,
  type CleanResult,
  type FeatureSource,
} from './cleanOptions';
import { findDuplicateRows } from './findDuplicates';
import { dropRowsWithMissing, fillValue, withoutMissingCodes } from './missingValues';
import { findSentinels } from './sentinels';
import { hasNegative, transformed, type NumericTransform } from './numericFeature';
import { encodeOneHot, type OneHotColumn } from './oneHot';
import { treatOutliers } from './outliers';
import { message, type Message } from '../common/message';
import { shareableFloat64Array } from '../common/sharedArrays';

/**
 * Cleaning, in this order, each step optional and counted: rows that could not be read,
 * exact duplicates, missing values (drop or fill), log1p, outliers (clip or drop), one-hot.
 * Every record ends up kept or dropped for exactly one reason: read = kept + dropped.
 */
export function cleanRows(
  table: Table,
  options: CleanOptions,
  onProgress?: StageProgress,
): CleanResult {
  const n = table.rowCount;
  const report: CleanReport = {
    read: n,
    kept: 0,
    dropped: { malformed: 0, duplicate: 0, missing: 0, outlier: 0 },
    imputed: [],
    clipped: [],
    missingCodes: [],
    sentinels: [],
    excluded: [],
    notes: [],
  };
  const reason = new Uint8Array(n);
  const detail = new Map<number, Message>();
  setAsideUnreadable(table, options.padShortRows, reason, detail);
  const column = (name: string) => ({ name, index: requireColumn(table, name, 'bad-option') });
  const numeric = options.features.map(column);
  const categorical = options.oneHot.map(column);

  // A feature with no value at all would drop every row; leave it out instead.
  const usableNumeric = numeric.filter(({ name, index }) => {
    const values = table.columns[index].numbers;
    for (let i = 0; i < n; i++) if (reason[i] === KEPT && values[i] === values[i]) return true;
    report.excluded.push({ column: name, reason: message('featureNoNumbersReason') });
    return false;
  });
  if (usableNumeric.length + categorical.length === 0) {
    throw new UserError(
      'no-features',
      options.features.length + options.oneHot.length === 0
        ? 'featureNoneChosen'
        : 'featureNoNumbers',
    );
  }
  onProgress?.(0.1);

  if (options.duplicates === 'drop') setAsideDuplicates(table, reason, detail);
  onProgress?.(0.3);

  const strategyOf = missingStrategies(options);
  const coded = markMissingCodes(table, options, usableNumeric, reason, report);
  if (coded.length + categorical.length === 0)
    throw new UserError('no-features', 'featureNoNumbers');
  dropRowsWithMissing(table, coded, categorical, strategyOf, reason, detail);
  // Each numeric feature is read from its column as it is written into the matrix, through its
  // transforms (fill, log1p, clip): no copy of a column is made but of one with missing codes.
  const transforms = coded.map(({ name, values }): NumericTransform => {
    const strategy = strategyOf(name);
    const fill =
      strategy === 'drop'
        ? NaN
        : fillValue(values, reason, name, strategy, options.missingConstant, report);
    return { name, values, fill, log: false, low: -Infinity, high: Infinity };
  });
  onProgress?.(0.5);

  const sources: FeatureSource[] = coded.map(({ name }) => ({
    name,
    column: name,
    transform: 'none',
  }));
  for (const name of options.log1p) {
    const f = coded.findIndex((feature) => feature.name === name);
    if (f === -1) {
      const index = requireColumn(table, name, 'bad-option');
      if (!numeric.some((feature) => feature.name === name))
        report.notes.push(
          message(table.columns[index].codes === null ? 'log1pNotFeature' : 'log1pNotNumeric', {
            name,
          }),
        );
      continue;
    }
    if (hasNegative(transforms[f], reason)) {
      report.notes.push(message('log1pNegative', { name }));
      continue;
    }
    transforms[f].log = true;
    sources[f] = { name: `log1p(${name})`, column: name, transform: 'log1p' };
  }

  if (options.outliers !== 'none')
    treatOutliers(
      transforms,
      sources,
      options,
      reason,
      detail,
      report,
      new Set(report.sentinels.map((code) => code.column)),
    );
  onProgress?.(0.7);

  const oneHot = categorical.map(({ name, index }) =>
    encodeOneHot(table, name, index, strategyOf(name), reason, report),
  );
  const rows = keptRows(reason, report);
  const matrix = featureMatrix(rows, transforms, oneHot);
  onProgress?.(1);
  return {
    rows,
    dropReason: reason,
    dropDetail: detail,
    matrix,
    features: [
      ...sources,
      ...oneHot.flatMap(({ column, categories }) =>
        categories.map((category): FeatureSource => ({
          name: `${column}=${category}`,
          column,
          transform: 'onehot',
          category,
        })),
      ),
    ],
    report,
    fitted: transforms.map((t) => ({
      name: t.name,
      fill: t.fill,
      missingCodes: missingCodesOf(options, t.name),
      log: t.log,
      low: t.low,
      high: t.high,
      outlierLow: t.outlierLow ?? NaN,
      outlierHigh: t.outlierHigh ?? NaN,
    })),
  };
}

/**
 * Each numeric feature's values with its missing codes made NaN (counted in the report), and the
 * codes still in it found and noted (report.sentinels). A code given for a column that is not a
 * numeric feature is noted, not an error (the column may simply not be chosen this time).
 */
function markMissingCodes(
  table: Table,
  options: CleanOptions,
  numeric: readonly { name: string; index: number }[],
  reason: Uint8Array,
  report: CleanReport,
): { name: string; index: number; values: Float64Array }[] {
  for (const code of options.missingCodes) {
    if (numeric.some(({ name }) => name === code.column)) continue;
    requireColumn(table, code.column, 'bad-option');
    report.notes.push(message('missingCodeNotFeature', { column: code.column, value: code.value }));
  }
  const coded = numeric.map(({ name, index }) => {
    const values = withoutMissingCodes(
      name,
      table.columns[index].numbers,
      missingCodesOf(options, name),
      reason,
      report,
    );
    for (const code of findSentinels(name, values, reason)) {
      report.sentinels.push(code);
      report.notes.push(
        message(options.outliers === 'none' ? 'sentinelFound' : 'sentinelFoundNotClipped', {
          column: name,
          value: code.value,
          // The value as written in a flag (--missing-code pdays=999): no grouping, every digit.
          code: String(code.value),
          share: code.share,
          low: code.restLow,
          high: code.restHigh,
        }),
      );
    }
    return { name, index, values };
  });
  // A feature whose every value is a missing code has nothing left to fill from: leave it out.
  return coded.filter(({ name, values }) => {
    for (let i = 0; i < values.length; i++)
      if (reason[i] === KEPT && values[i] === values[i]) return true;
    report.excluded.push({ column: name, reason: message('featureOnlyMissingCodesReason') });
    return false;
  });
}

/** A column's missing codes, each once, in the order given. */
export function missingCodesOf(
  options: Pick<CleanOptions, 'missingCodes'>,
  column: string,
): number[] {
  return [
    ...new Set(options.missingCodes.filter((code) => code.column === column).map((c) => c.value)),
  ];
}

/** Rows that could not be read into the columns are set aside first (short ones unless padded). */
function setAsideUnreadable(
  table: Table,
  padShortRows: boolean,
  reason: Uint8Array,
  detail: Map<number, Message>,
): void {
  const issues = new Map(table.issues.map((issue) => [issue.row, issue.reason]));
  for (let i = 0; i < table.rowCount; i++) {
    const status = table.rowStatus[i];
    if (status === ROW_LONG || status === ROW_QUOTES || (status === ROW_SHORT && !padShortRows)) {
      reason[i] = DROPPED_MALFORMED;
      detail.set(
        i,
        issues.get(i) ?? message(status === ROW_QUOTES ? 'rowQuotes' : 'rowFieldCountShort'),
      );
    }
  }
}

/** A row repeated to the character is set aside, naming the line it repeats. */
function setAsideDuplicates(table: Table, reason: Uint8Array, detail: Map<number, Message>): void {
  const n = table.rowCount;
  const candidate = new Uint8Array(n);
  for (let i = 0; i < n; i++) candidate[i] = reason[i] === KEPT ? 1 : 0;
  const duplicate = findDuplicateRows(table, candidate);
  for (let i = 0; i < n; i++) {
    if (duplicate[i] === -1) continue;
    reason[i] = DROPPED_DUPLICATE;
    detail.set(i, message('detailRepeats', { line: table.rowText.line[duplicate[i]] }));
  }
}

/** The kept rows (ascending), every other row counted under its reason. */
function keptRows(reason: Uint8Array, report: CleanReport): Int32Array {
  let kept = 0;
  for (let i = 0; i < reason.length; i++) {
    const r = reason[i];
    if (r === KEPT) kept++;
    else report.dropped[DROP_REASONS[r - 1]]++;
  }
  report.kept = kept;
  if (kept === 0) {
    const { key, params } = noRowsLeftMessage(report);
    throw new UserError('too-few-rows', key, params);
  }
  const rows = new Int32Array(kept);
  for (let i = 0, r = 0; i < reason.length; i++) if (reason[i] === KEPT) rows[r++] = i;
  return rows;
}

/**
 * The most cells (rows x features) the feature matrix holds: 1 GB of doubles, which every later
 * stage copies at most a few times. Refused before allocating, with the figures.
 */
export const MAX_MATRIX_CELLS = 1 << 27;

/** Refuses, before allocating, a feature matrix larger than MAX_MATRIX_CELLS. */
export function checkMatrixSize(rows: number, features: number): void {
  if (rows * features > MAX_MATRIX_CELLS)
    throw new UserError('too-large', 'featuresTooMany', {
      rows,
      features,
      size: describeSize(rows * features * 8),
    });
}

/** Kept rows x features, row-major: the numeric features (filled, logged, clipped), then 0/1s. */
function featureMatrix(
  rows: Int32Array,
  transforms: readonly NumericTransform[],
  oneHot: readonly OneHotColumn[],
): Float64Array {
  const kept = rows.length;
  const numericCount = transforms.length;
  const d = numericCount + oneHot.reduce((sum, c) => sum + c.categories.length, 0);
  checkMatrixSize(kept, d);
  // Scaled in place later, and then read by every helper of the elbow: shared where it can be.
  const matrix = shareableFloat64Array(kept * d);
  transforms.forEach((transform, f) => {
    for (let r = 0; r < kept; r++) {
      const v = transformed(transform, rows[r]);
      matrix[r * d + f] =
        v < transform.low ? transform.low : v > transform.high ? transform.high : v;
    }
  });
  let offset = numericCount;
  for (const { codes, categories } of oneHot) {
    for (let r = 0; r < kept; r++) {
      const code = codes[rows[r]];
      if (code >= 0) matrix[r * d + offset + code] = 1;
    }
    offset += categories.length;
  }
  return matrix;
}

function noRowsLeftMessage(report: CleanReport): Message {
  const { malformed, duplicate, missing, outlier } = report.dropped;
  if (missing > 0 && missing >= malformed + duplicate + outlier)
    return message('cleanNoRowsMissing', { count: missing });
  if (malformed > 0 && malformed >= duplicate + missing + outlier)
    return message('cleanNoRowsMalformed', { count: malformed });
  return message('cleanNoRows');
}
