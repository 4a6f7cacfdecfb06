/** What cleaning can do, what it reports, and why a row was set aside. */

import { entriesByColumn } from '../common/columnChoices';
import type { Message } from '../common/message';

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
  /** Columns with a strategy of their own. */
  missingByColumn: readonly ColumnMissing[];
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
  /**
   * Values of numeric columns that mean "no value" (pdays = 999): such a cell is missing, and
   * follows its column's missing-value strategy.
   */
  missingCodes: MissingCode[];
}

/** A column's own missing-value strategy. */
export interface ColumnMissing {
  column: string;
  strategy: MissingStrategy;
}

/** Each column's missing-value strategy: its own, or the default. */
export function missingStrategies(
  clean: Pick<CleanOptions, 'missing' | 'missingByColumn'>,
): (column: string) => MissingStrategy {
  const own = entriesByColumn(clean.missingByColumn);
  return (column) => own.get(column)?.strategy ?? clean.missing;
}

/** A value of a column that stands for "no value". */
export interface MissingCode {
  column: string;
  value: number;
}

/** The cleaning choices, without the choice of features. */
export type Cleaning = Omit<CleanOptions, 'features' | 'oneHot'>;

export const DEFAULT_CLEANING: Cleaning = {
  duplicates: 'drop',
  missing: 'drop',
  missingByColumn: [],
  missingConstant: 0,
  // Real files have typos (a spend of 2,000,000 for 2,000): clipping at |z| > 3 keeps those rows
  // and stops a handful of them from becoming segments of their own.
  outliers: 'zscore',
  outlierAction: 'clip',
  zThreshold: 3,
  iqrFactor: 1.5,
  log1p: [],
  padShortRows: false,
  // Detected codes are offered, never applied unasked: treating pdays' 999 (96% of rows) as
  // missing would set aside or invent most of the column.
  missingCodes: [],
};

export const DEFAULT_CLEAN_OPTIONS: CleanOptions = {
  ...DEFAULT_CLEANING,
  features: [],
  oneHot: [],
};

/**
 * A value that stands for "no value" rather than a measurement: `pdays` = 999 for "never
 * contacted", -1 for "unknown". Left in, it drags the mean and the standard deviation so far that
 * outlier limits land among the real values (pdays' real 0-27 were clipped up to 384.7).
 */
export interface SentinelCode {
  column: string;
  value: number;
  /** Kept rows holding the value. */
  count: number;
  /** count / the kept rows holding any value in the column. */
  share: number;
  /** The smallest and largest of the other values. */
  restLow: number;
  restHigh: number;
}

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
  /** A number filled in, or the category a categorical column's blanks took. */
  imputed: { column: string; strategy: MissingStrategy; count: number; value: number | string }[];
  /**
   * Per clipped feature: the values clipping changed, below the low limit and above the high one
   * (count = below + above), and the limits (within the values' own range; in the column's own
   * units, also for a log1p column, whose limits are set on log(1 + x)).
   */
  clipped: {
    column: string;
    count: number;
    below: number;
    above: number;
    low: number;
    high: number;
  }[];
  /** Cells whose value was a missing code (MissingCode), per code: they then count as missing. */
  missingCodes: { column: string; value: number; count: number }[];
  /** Codes found and not treated as missing (their columns' outliers are left as they are). */
  sentinels: SentinelCode[];
  /** Features asked for but left out, with why. */
  excluded: { column: string; reason: Message }[];
  notes: Message[];
}

export interface CleanResult {
  /** Record indices of the analysed rows, ascending. */
  rows: Int32Array;
  /** Per record: KEPT or the DROPPED_* reason. */
  dropReason: Uint8Array;
  /** For dropped records: what exactly (which column was missing, which row it repeats...). */
  dropDetail: Map<number, Message>;
  /** Analysed rows x features, row-major, before scaling. */
  matrix: Float64Array;
  features: FeatureSource[];
  report: CleanReport;
  /** Each numeric feature's cleaning as fitted (in matrix order), to apply it to other rows. */
  fitted: FittedNumeric[];
}

/** A numeric feature's cleaning as fitted on the kept rows (what a saved model applies again). */
export interface FittedNumeric {
  name: string;
  /** What a missing cell became; NaN when missing rows were set aside or none was missing. */
  fill: number;
  /** Values read as missing (MissingCode), in the order given. */
  missingCodes: number[];
  log: boolean;
  /** Clip limits, after log1p (-Infinity and Infinity when not clipped). */
  low: number;
  high: number;
  /** The limits outliers were tested against (NaN when there was no test). */
  outlierLow: number;
  outlierHigh: number;
}

/** A record set aside: why, in a word, and what exactly (which column, which line it repeats). */
export interface SetAsideRecord {
  row: number;
  reason: string;
  detail: Message | null;
}

/** Every set-aside record with its reason and detail, in file order. */
export function listSetAside(
  dropReason: Uint8Array,
  dropDetail: ReadonlyMap<number, Message>,
): SetAsideRecord[] {
  const list: SetAsideRecord[] = [];
  for (let i = 0; i < dropReason.length; i++) {
    if (dropReason[i] !== KEPT)
      list.push({
        row: i,
        reason: DROP_REASONS[dropReason[i] - 1],
        detail: dropDetail.get(i) ?? null,
      });
  }
  return list;
}
