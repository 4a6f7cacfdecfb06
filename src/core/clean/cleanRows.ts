import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import { requireColumn, ROW_LONG, ROW_QUOTES, ROW_SHORT, type Table } from '../read/table';
import {
  DROP_REASONS,
  DROPPED_DUPLICATE,
  DROPPED_MALFORMED,
  KEPT,
  type CleanOptions,
  type CleanReport,
  type CleanResult,
  type FeatureSource,
} from './cleanOptions';
import { findDuplicateRows } from './findDuplicates';
import { dropRowsWithMissing, fillValue } from './missingValues';
import { hasNegative, transformed, type NumericTransform } from './numericFeature';
import { encodeOneHot, type OneHotColumn } from './oneHot';
import { treatOutliers } from './outliers';

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
    excluded: [],
    notes: [],
  };
  const reason = new Uint8Array(n);
  const detail = new Map<number, string>();
  setAsideUnreadable(table, options.padShortRows, reason, detail);
  const column = (name: string) => ({ name, index: requireColumn(table, name, 'bad-option') });
  const numeric = options.features.map(column);
  const categorical = options.oneHot.map(column);

  // A feature with no value at all would drop every row; leave it out instead.
  const usableNumeric = numeric.filter(({ name, index }) => {
    const values = table.columns[index].numbers;
    for (let i = 0; i < n; i++) if (reason[i] === KEPT && values[i] === values[i]) return true;
    report.excluded.push({ column: name, reason: 'it has no numbers' });
    return false;
  });
  if (usableNumeric.length + categorical.length === 0) {
    throw new UserError(
      'no-features',
      options.features.length + options.oneHot.length === 0
        ? 'No feature is chosen: tick "use as feature" for at least one numeric column.'
        : 'The chosen features have no numbers in them: choose at least one numeric column as a feature.',
    );
  }
  onProgress?.(0.1);

  if (options.duplicates === 'drop') setAsideDuplicates(table, reason, detail);
  onProgress?.(0.3);

  const strategyOf = (name: string) => options.missingByColumn[name] ?? options.missing;
  dropRowsWithMissing(table, usableNumeric, categorical, strategyOf, reason, detail);
  // Each numeric feature is read from its column as it is written into the matrix, through its
  // transforms (fill, log1p, clip): no full copy of a column is ever made.
  const transforms = usableNumeric.map(({ name, index }): NumericTransform => {
    const values = table.columns[index].numbers;
    const strategy = strategyOf(name);
    const fill =
      strategy === 'drop'
        ? NaN
        : fillValue(values, reason, name, strategy, options.missingConstant, report);
    return { name, values, fill, log: false, low: -Infinity, high: Infinity };
  });
  onProgress?.(0.5);

  const sources: FeatureSource[] = usableNumeric.map(({ name }) => ({
    name,
    column: name,
    transform: 'none',
  }));
  for (const name of options.log1p) {
    const f = usableNumeric.findIndex((feature) => feature.name === name);
    if (f === -1) {
      const index = requireColumn(table, name, 'bad-option');
      if (!numeric.some((feature) => feature.name === name))
        report.notes.push(
          table.columns[index].codes === null
            ? `${name} is not among the chosen features, so log(1 + x) was not applied to it.`
            : `${name} is not a numeric feature, so log(1 + x) was not applied to it.`,
        );
      continue;
    }
    if (hasNegative(transforms[f], reason)) {
      report.notes.push(`${name} has negative values, so log(1 + x) was not applied to it.`);
      continue;
    }
    transforms[f].log = true;
    sources[f] = { name: `log1p(${name})`, column: name, transform: 'log1p' };
  }

  if (options.outliers !== 'none')
    treatOutliers(transforms, sources, options, reason, detail, report);
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
  };
}

/** Rows that could not be read into the columns are set aside first (short ones unless padded). */
function setAsideUnreadable(
  table: Table,
  padShortRows: boolean,
  reason: Uint8Array,
  detail: Map<number, string>,
): void {
  const issues = new Map(table.issues.map((issue) => [issue.row, issue.reason]));
  for (let i = 0; i < table.rowCount; i++) {
    const status = table.rowStatus[i];
    if (status === ROW_LONG || status === ROW_QUOTES || (status === ROW_SHORT && !padShortRows)) {
      reason[i] = DROPPED_MALFORMED;
      detail.set(
        i,
        issues.get(i) ??
          (status === ROW_QUOTES ? 'unbalanced or stray quotes' : 'wrong number of fields'),
      );
    }
  }
}

/** A row repeated to the character is set aside, naming the line it repeats. */
function setAsideDuplicates(table: Table, reason: Uint8Array, detail: Map<number, string>): void {
  const n = table.rowCount;
  const candidate = new Uint8Array(n);
  for (let i = 0; i < n; i++) candidate[i] = reason[i] === KEPT ? 1 : 0;
  const duplicate = findDuplicateRows(table, candidate);
  for (let i = 0; i < n; i++) {
    if (duplicate[i] === -1) continue;
    reason[i] = DROPPED_DUPLICATE;
    detail.set(i, `repeats line ${table.rowText.line[duplicate[i]]}`);
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
  if (kept === 0) throw new UserError('too-few-rows', noRowsLeftMessage(report));
  const rows = new Int32Array(kept);
  for (let i = 0, r = 0; i < reason.length; i++) if (reason[i] === KEPT) rows[r++] = i;
  return rows;
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
  const matrix = new Float64Array(kept * d);
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

function noRowsLeftMessage(report: CleanReport): string {
  const { malformed, duplicate, missing, outlier } = report.dropped;
  if (missing > 0 && missing >= malformed + duplicate + outlier) {
    return `Every row has a missing value in some feature (${missing} rows): fill missing values instead of dropping rows, or choose other features.`;
  }
  if (malformed > 0 && malformed >= duplicate + missing + outlier) {
    return `No row could be read (${malformed} malformed rows): check the delimiter and quotes, or allow short rows to be padded.`;
  }
  return 'No rows are left after cleaning: relax the cleaning options (duplicates, missing values, outliers).';
}
