import { findDuplicateRows } from './findDuplicates';
import type { StageProgress } from '../common/progress';
import { quantile } from '../common/quantiles';
import {
  cellText,
  columnIndex,
  MISSING_CODE,
  ROW_LONG,
  ROW_QUOTES,
  ROW_SHORT,
  type Table,
} from '../read/table';
import { UserError } from '../common/userError';

export type MissingStrategy = 'drop' | 'mean' | 'median' | 'mode' | 'constant';
export type OutlierMethod = 'none' | 'zscore' | 'iqr';
export type OutlierAction = 'clip' | 'drop';

export interface CleanOptions {
  /** Numeric columns used as features, by name. */
  features: string[];
  /** Categorical columns turned into 0/1 features, one per category. */
  oneHot: string[];
  duplicates: 'drop' | 'keep';
  /** How to treat a missing value in a feature, unless `missingByColumn` says otherwise. */
  missing: MissingStrategy;
  missingByColumn: Record<string, MissingStrategy>;
  /** The value `constant` fills in (numeric features). */
  missingConstant: number;
  outliers: OutlierMethod;
  outlierAction: OutlierAction;
  /** |z| above this is an outlier (method `zscore`). */
  zThreshold: number;
  /** Beyond this many IQRs outside the quartiles is an outlier (method `iqr`). */
  iqrFactor: number;
  /** Non-negative skewed columns to replace by log(1 + x). */
  log1p: string[];
  /** Keep rows with too few fields, their missing cells handled like any missing value. */
  padShortRows: boolean;
}

/** The cleaning choices, without the choice of features. */
export type Cleaning = Omit<CleanOptions, 'features' | 'oneHot'>;

export const DEFAULT_CLEANING: Cleaning = {
  duplicates: 'drop',
  missing: 'drop',
  missingByColumn: {},
  missingConstant: 0,
  // Real files have typos (a spend of 2,000,000 for 2,000): clipping at |z| > 3 keeps those rows
  // and stops a handful of them from becoming segments of their own.
  outliers: 'zscore',
  outlierAction: 'clip',
  zThreshold: 3,
  iqrFactor: 1.5,
  log1p: [],
  padShortRows: false,
};

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = {
  ...DEFAULT_CLEANING,
  features: [],
  oneHot: [],
};

/** Why a row was set aside; 0 (KEPT) means it is analysed. */
export const KEPT = 0;
export const DROPPED_MALFORMED = 1;
export const DROPPED_DUPLICATE = 2;
export const DROPPED_MISSING = 3;
export const DROPPED_OUTLIER = 4;
export type DropReason = 'malformed' | 'duplicate' | 'missing' | 'outlier';
export const DROP_REASONS: DropReason[] = ['malformed', 'duplicate', 'missing', 'outlier'];

export interface FeatureSource {
  name: string;
  column: string;
  transform: 'none' | 'log1p' | 'onehot';
  /** The category a one-hot feature stands for. */
  category?: string;
}

export interface CleanReport {
  read: number;
  kept: number;
  dropped: Record<DropReason, number>;
  imputed: { column: string; strategy: MissingStrategy; count: number; value: string }[];
  clipped: { column: string; count: number; low: number; high: number }[];
  /** Features asked for but left out, with why. */
  excluded: { column: string; reason: string }[];
  notes: string[];
}

export interface CleanResult {
  /** Record indices of the analysed rows, ascending. */
  rows: Int32Array;
  /** Per record: KEPT or the DROPPED_* reason. */
  dropReason: Uint8Array;
  /** For dropped records: what exactly (which column was missing, which row it repeats...). */
  dropDetail: Map<number, string>;
  /** Analysed rows x features, row-major, before scaling. */
  matrix: Float64Array;
  features: FeatureSource[];
  report: CleanReport;
}

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
  const issues = new Map(table.issues.map((issue) => [issue.row, issue.reason]));
  for (let i = 0; i < n; i++) {
    const status = table.rowStatus[i];
    if (
      status === ROW_LONG ||
      status === ROW_QUOTES ||
      (status === ROW_SHORT && !options.padShortRows)
    ) {
      reason[i] = DROPPED_MALFORMED;
      detail.set(
        i,
        issues.get(i) ??
          (status === ROW_QUOTES ? 'unbalanced or stray quotes' : 'wrong number of fields'),
      );
    }
  }
  const numeric = options.features.map((name) => ({ name, index: requireColumn(table, name) }));
  const categorical = options.oneHot.map((name) => ({ name, index: requireColumn(table, name) }));

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

  if (options.duplicates === 'drop') {
    const candidate = new Uint8Array(n);
    for (let i = 0; i < n; i++) candidate[i] = reason[i] === KEPT ? 1 : 0;
    const duplicate = findDuplicateRows(table, candidate);
    for (let i = 0; i < n; i++) {
      if (duplicate[i] === -1) continue;
      reason[i] = DROPPED_DUPLICATE;
      detail.set(i, `repeats line ${table.rowText.line[duplicate[i]]}`);
    }
  }
  onProgress?.(0.3);

  const strategyOf = (name: string) => options.missingByColumn[name] ?? options.missing;
  // Missing values, first the rows to drop, then what the others are filled with.
  for (const { name, index } of usableNumeric) {
    if (strategyOf(name) !== 'drop') continue;
    const values = table.columns[index].numbers;
    for (let i = 0; i < n; i++) {
      if (reason[i] === KEPT && values[i] !== values[i]) {
        reason[i] = DROPPED_MISSING;
        detail.set(i, `no value for ${name}`);
      }
    }
  }
  for (const { name, index } of categorical) {
    if (strategyOf(name) !== 'drop') continue;
    const codes = table.columns[index].codes;
    const values = table.columns[index].numbers;
    for (let i = 0; i < n; i++) {
      const missing = codes === null ? values[i] !== values[i] : codes[i] === MISSING_CODE;
      if (reason[i] === KEPT && missing) {
        reason[i] = DROPPED_MISSING;
        detail.set(i, `no value for ${name}`);
      }
    }
  }
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
      const index = requireColumn(table, name);
      if (!numeric.some((feature) => feature.name === name))
        report.notes.push(
          table.columns[index].codes === null
            ? `${name} is not among the chosen features, so log(1 + x) was not applied to it.`
            : `${name} is not a numeric feature, so log(1 + x) was not applied to it.`,
        );
      continue;
    }
    const transform = transforms[f];
    let negative = false;
    for (let i = 0; i < n; i++)
      if (reason[i] === KEPT && transformed(transform, i) < 0) negative = true;
    if (negative) {
      report.notes.push(`${name} has negative values, so log(1 + x) was not applied to it.`);
      continue;
    }
    transform.log = true;
    sources[f] = { name: `log1p(${name})`, column: name, transform: 'log1p' };
  }

  if (options.outliers !== 'none') {
    const outlier = new Uint8Array(n);
    transforms.forEach((transform, f) => {
      const [low, high] = outlierBounds(transform, reason, options);
      if (!(low <= high)) return;
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (reason[i] !== KEPT) continue;
        const v = transformed(transform, i);
        if (v < low || v > high) {
          count++;
          if (options.outlierAction === 'drop' && outlier[i] === 0) {
            outlier[i] = 1;
            detail.set(
              i,
              `${transform.name} ${v < low ? 'below' : 'above'} ${formatNumber(v < low ? low : high)}${sources[f].transform === 'log1p' ? ' (after log1p)' : ''}`,
            );
          }
        }
      }
      if (options.outlierAction === 'clip') {
        transform.low = low;
        transform.high = high;
        if (count > 0) report.clipped.push({ column: transform.name, count, low, high });
      }
    });
    for (let i = 0; i < n; i++) if (outlier[i] === 1) reason[i] = DROPPED_OUTLIER;
  }
  onProgress?.(0.7);

  const oneHot: { codes: Int32Array; categories: string[]; column: string }[] = [];
  for (const { name, index } of categorical) {
    const column = table.columns[index];
    const strategy = strategyOf(name);
    const codes = new Int32Array(n).fill(-1);
    const ids = new Map<string, number>();
    const found: string[] = [];
    const counts: number[] = [];
    let missing = 0;
    for (let i = 0; i < n; i++) {
      if (reason[i] !== KEPT) continue;
      const label = cellText(column, i);
      if (label === '') {
        missing++;
        continue;
      }
      let id = ids.get(label);
      if (id === undefined) {
        id = found.length;
        ids.set(label, id);
        found.push(label);
        counts.push(0);
      }
      counts[id]++;
      codes[i] = id;
    }
    // Most frequent category first.
    const order = found
      .map((_, id) => id)
      .sort((a, b) => counts[b] - counts[a] || (found[a] < found[b] ? -1 : 1));
    const rank = new Int32Array(found.length);
    order.forEach((id, r) => (rank[id] = r));
    const categories = order.map((id) => found[id]);
    let fill = -1;
    if (missing > 0) {
      const value =
        strategy === 'constant' || categories.length === 0 ? '(missing)' : categories[0];
      if (value === '(missing)') categories.push(value);
      fill = categories.indexOf(value);
      report.imputed.push({
        column: name,
        strategy: strategy === 'constant' ? 'constant' : 'mode',
        count: missing,
        value,
      });
    }
    for (let i = 0; i < n; i++) codes[i] = codes[i] === -1 ? fill : rank[codes[i]];
    oneHot.push({ codes, categories, column: name });
  }

  let kept = 0;
  for (let i = 0; i < n; i++) {
    const r = reason[i];
    if (r === KEPT) kept++;
    else report.dropped[DROP_REASONS[r - 1]]++;
  }
  report.kept = kept;
  if (kept === 0) {
    throw new UserError('too-few-rows', noRowsLeftMessage(report));
  }
  const rows = new Int32Array(kept);
  for (let i = 0, r = 0; i < n; i++) if (reason[i] === KEPT) rows[r++] = i;
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

/** Every set-aside record with its reason and detail, in file order. */
export function listSetAside(
  dropReason: Uint8Array,
  dropDetail: ReadonlyMap<number, string>,
): { row: number; reason: DropReason; detail: string }[] {
  const list: { row: number; reason: DropReason; detail: string }[] = [];
  for (let i = 0; i < dropReason.length; i++) {
    if (dropReason[i] !== KEPT)
      list.push({
        row: i,
        reason: DROP_REASONS[dropReason[i] - 1],
        detail: dropDetail.get(i) ?? '',
      });
  }
  return list;
}

function requireColumn(table: Table, name: string): number {
  const index = columnIndex(table, name);
  if (index === -1) {
    const names = table.columns.map((c) => c.name).join(', ');
    throw new UserError('bad-option', `There is no column named "${name}": choose among ${names}.`);
  }
  return index;
}

/** A numeric feature as the matrix receives it: filled, maybe logged, clipped to [low, high]. */
interface NumericTransform {
  name: string;
  values: Float64Array;
  /** What a missing cell becomes (NaN when missing rows are dropped, so none is left). */
  fill: number;
  log: boolean;
  low: number;
  high: number;
}

function transformed(transform: NumericTransform, row: number): number {
  let v = transform.values[row];
  if (v !== v) v = transform.fill;
  return transform.log ? Math.log1p(v) : v;
}

/** The value missing cells of a feature get, from its kept rows; reported when any is missing. */
function fillValue(
  values: Float64Array,
  reason: Uint8Array,
  name: string,
  strategy: MissingStrategy,
  constant: number,
  report: CleanReport,
): number {
  let missing = 0;
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    if (reason[i] !== KEPT) continue;
    if (values[i] !== values[i]) missing++;
    else present++;
  }
  if (missing === 0) return NaN;
  let fill: number;
  if (strategy === 'constant') {
    fill = constant;
  } else {
    const kept = new Float64Array(present);
    for (let i = 0, k = 0; i < values.length; i++)
      if (reason[i] === KEPT && values[i] === values[i]) kept[k++] = values[i];
    fill =
      strategy === 'median' ? quantile(kept, 0.5) : strategy === 'mode' ? modeOf(kept) : mean(kept);
  }
  report.imputed.push({ column: name, strategy, count: missing, value: formatNumber(fill) });
  return fill;
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** The most frequent value; the smallest one on ties. */
function modeOf(values: Float64Array): number {
  const sorted = values.slice().sort();
  let best = sorted[0];
  let bestRun = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestRun) {
      bestRun = j - i;
      best = sorted[i];
    }
    i = j;
  }
  return best;
}

function outlierBounds(
  transform: NumericTransform,
  reason: Uint8Array,
  options: CleanOptions,
): [number, number] {
  const n = reason.length;
  if (options.outliers === 'iqr') {
    let count = 0;
    for (let i = 0; i < n; i++) if (reason[i] === KEPT) count++;
    const kept = new Float64Array(count);
    for (let i = 0, k = 0; i < n; i++)
      if (reason[i] === KEPT) kept[k++] = transformed(transform, i);
    const q1 = quantile(kept, 0.25);
    const q3 = quantile(kept, 0.75);
    const spread = (q3 - q1) * options.iqrFactor;
    return [q1 - spread, q3 + spread];
  }
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== KEPT) continue;
    sum += transformed(transform, i);
    count++;
  }
  const m = sum / count;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== KEPT) continue;
    const delta = transformed(transform, i) - m;
    squares += delta * delta;
  }
  const std = Math.sqrt(squares / count);
  if (std === 0) return [NaN, NaN];
  return [m - options.zThreshold * std, m + options.zThreshold * std];
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

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(6)));
}
