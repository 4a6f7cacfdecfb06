import type { Message, MessageKey } from '../common/message';

/**
 * The vocabulary of segment profiles, shared by the profiles (profileSegments), their labels
 * (segmentLabels), their rates (segmentRates) and what shows them: types only, so that those
 * files need not import one another for them.
 */

/** Per-feature statistics of one segment, in the feature's original units. */
export interface FeatureStats {
  feature: string;
  mean: number;
  median: number;
  /** (segment mean - population mean) / population standard deviation. */
  z: number;
}

export interface CategoryStats {
  column: string;
  value: string;
  /** Share of the segment's rows with this value. */
  share: number;
  /** Share of all analysed rows with this value, for comparison. */
  populationShare: number;
}

export interface SegmentProfile {
  /** The segment number; -1 is noise (DBSCAN). */
  id: number;
  /** A readable label from the segment's most distinctive features (see segmentLabels). */
  label: Message;
  size: number;
  share: number;
  features: FeatureStats[];
  /** The most frequent value of each categorical column (not of 0/1 columns). */
  topCategories: CategoryStats[];
  /**
   * Rates of yes/no, category and 0/1 values against the whole base, most different first
   * (see segmentRates); none is a finding when the segment matches the base.
   */
  rates: RateDifference[];
}

export interface PopulationStats {
  feature: string;
  mean: number;
  median: number;
  std: number;
}

export interface Profiles {
  segments: SegmentProfile[];
  population: PopulationStats[];
}

/**
 * How often one value of a yes/no or category column (or the 1 of a 0/1 column) occurs in a
 * segment against the whole base: "Churn = Yes: 44% vs 27% overall". Plain data and a message,
 * so the page, the command line and the report all say the same thing.
 */
export interface RateDifference {
  column: string;
  /** The value counted; '1' for a 0/1 column. */
  value: string;
  /** A numeric column of 0s and 1s, whose rate is the share of 1s. */
  flag: boolean;
  /** Rows of the segment with this value, and with any value in the column (blanks left out). */
  count: number;
  rows: number;
  /** count / rows. */
  share: number;
  /** The same share among all analysed rows with a value in the column. */
  overallShare: number;
  /** share - overallShare, in percentage points. */
  points: number;
  /** share / overallShare (how many times as common as in the base). */
  lift: number;
  /** A real difference: at least MIN_POINTS apart and unlikely by chance (see isFinding). */
  finding: boolean;
  /** "Churn = Yes: 44% vs 27% overall" or "SeniorCitizen: 41% are 1 vs 16% overall". */
  description: Message;
}

/**
 * How to say that a segment is high or low on a feature, where "High recency" would mislead:
 * { high: 'rfmLapsed', low: 'rfmRecent', ... } (message keys). Without one, labels read
 * "High <feature>".
 */
export interface FeatureWording {
  high: MessageKey;
  low: MessageKey;
  slightlyHigh: MessageKey;
  slightlyLow: MessageKey;
}

/** The wording of one column's labels (a column name is a value here, never a key). */
export interface ColumnWording {
  column: string;
  wording: FeatureWording;
}
