import type { CancellationSetting } from '../rfm/cancellations';
import type { ClusteringAlgorithm } from '../analysis/analysisOptions';
import type { MissingStrategy, OutlierAction, OutlierMethod } from '../clean/cleanOptions';
import type { DistanceMetric } from '../cluster/distance';
import type { Linkage } from '../cluster/hierarchy/agglomerative';
import type { Message, MessageKey } from '../common/message';
import type { ScaleMethod } from '../features/scale';
import type { Encoding } from '../read/detectEncoding';
import type { Delimiter } from '../read/dialect';
import type { ColumnKind } from '../read/inferColumns';
import type { DateOrder } from '../read/parseDate';
import type { DecimalSeparator } from '../read/parseNumber';
import type { SegmentScheme } from '../rfm/rfmSegments';

/**
 * A saved analysis: everything needed to put new rows (or new customers) into the same segments
 * as the analysis did, and to restore the analysis on its own file. Plain JSON data, version 1.
 * Column names and cell values are values here (in arrays), never keys.
 */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  /** "major.minor": a reader refuses a newer major version. */
  formatVersion: string;
  appVersion: string;
  /** When it was saved, ms on a UTC clock. */
  savedAt: number;
  /** What the file holds of the customers' own data, said in the file itself. */
  privacy: ModelPrivacy;
  source: ModelSource;
  /** The columns of the file the model reads, with the kinds the analysis gave them. */
  columns: ModelColumn[];
  /** The analysis' settings, to restore it on its file. */
  settings: ModelSettings;
  /** RFM models: from order lines to customers' recency, frequency and monetary value. */
  rfm: RfmModel | null;
  /** From a row (or an RFM customer) to the features the clustering measured distances on. */
  preparation: Preparation;
  clustering: ModelClustering;
  /** Segments 0..k-1, numbered by size as the analysis numbered them. */
  segments: ModelSegment[];
}

export const MODEL_FORMAT = 'segmentlens-model';
export const MODEL_MAJOR = 1;
export const MODEL_MINOR = 0;
export const MODEL_FORMAT_VERSION = `${MODEL_MAJOR}.${MODEL_MINOR}`;
/** Larger files are refused before they are parsed (a model with 50,000 DBSCAN core rows of 30 features is about 30 MB). */
export const MAX_MODEL_BYTES = 40 * 1024 * 1024;

export interface ModelPrivacy {
  /** Customer rows in the file: 0, or DBSCAN's core rows (scaled feature values, no ids). */
  customerRows: number;
  note: string;
}

export const PRIVACY_NOTE_NONE =
  'This file holds no customer rows: only settings, fitted parameters and segment centres.';
export const PRIVACY_NOTE_CORE_ROWS =
  "This file holds DBSCAN's core rows (scaled feature values, without ids or other columns), which applying the model needs, and no other customer rows.";

export interface ModelSource {
  fileName: string;
  /** Records in the file (rows after the header). */
  rows: number;
  read: ModelRead;
}

export interface ModelRead {
  encoding: Encoding;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  hasHeader: boolean;
}

export interface ModelColumn {
  name: string;
  kind: ColumnKind;
}

export interface ModelSettings {
  options: StoredOptions;
  rfm: StoredRfmSettings | null;
  k: number;
}

/** AnalysisOptions with its per-column records written as lists of pairs. */
export interface StoredOptions {
  kinds: { column: string; kind: ColumnKind }[];
  features: string[] | null;
  oneHot: string[];
  clean: StoredCleaning;
  scale: ScaleMethod;
  kMax: number;
  k: number | null;
  nInit: number;
  maxIter: number;
  seed: number;
  silhouetteSample: number;
  localSearch: boolean;
  wording: {
    column: string;
    high: MessageKey;
    low: MessageKey;
    slightlyHigh: MessageKey;
    slightlyLow: MessageKey;
  }[];
  algorithm: ClusteringAlgorithm;
  metric: DistanceMetric;
  eps: number | null;
  minPts: number;
  linkage: Linkage;
  cutHeight: number | null;
  /** Absent from files saved before the tree's rows could be chosen (they used 5,000). */
  treeMaxRows?: number;
  pcaComponents: number | 'all' | 'auto';
}

export interface StoredCleaning {
  duplicates: 'drop' | 'keep';
  missing: MissingStrategy;
  missingByColumn: { column: string; strategy: MissingStrategy }[];
  missingConstant: number;
  outliers: OutlierMethod;
  outlierAction: OutlierAction;
  zThreshold: number;
  iqrFactor: number;
  log1p: string[];
  padShortRows: boolean;
  /** Values that stand for "no value" (absent in files saved before there were any). */
  missingCodes?: { column: string; value: number }[];
}

export interface StoredMapping {
  customer: string;
  date: string;
  order: string | null;
  quantity: string | null;
  price: string | null;
  amount: string | null;
}

export interface StoredRfmSettings {
  mapping: StoredMapping;
  dateOrder: DateOrder | null;
  snapshot: number | null;
}

/** RFM: order lines to customers, scores against the saved cut points, named segments. */
export interface RfmModel {
  mapping: StoredMapping;
  /** How the dates were written (as decided on the saved file). */
  dateOrder: DateOrder;
  /** Recency counts to a fixed day, or to the latest order of the file + 1 day. */
  snapshot: { rule: 'fixed'; at: number } | { rule: 'after-last-order' };
  /** 'off' when the model keeps `C` + digits order ids (absent: 'auto', see rfm/cancellations). */
  cancellations?: CancellationSetting;
  customers: number;
  /**
   * Score cut points: score = 1 + the number of cut points a customer is better than: recency
   * below the cut (fewer days), frequency above, monetary above (with a relative margin of
   * 1e-9, so that sums added in another order score the same).
   */
  cuts: { recency: number[]; frequency: number[]; monetary: number[] };
  /** The customers' means (the 'rfm-mean' scheme compares with them). */
  means: { recency: number; frequency: number; monetary: number };
  map: ModelSegmentMap;
}

export interface ModelSegmentMap {
  scheme: SegmentScheme;
  /** Names the user gave (texts) or the default names (messages, shown in the user's language). */
  names: (string | Message)[];
  /** For each cell of the scheme, its named segment. */
  cells: number[];
  /** Customers in each named segment on the saved file. */
  sizes: number[];
}

/** The cleaning, encoding and scaling of a row, as fitted on the saved file. */
export interface Preparation {
  /** Rows with too few fields are kept (their cells missing) instead of set aside. */
  padShortRows: boolean;
  /** Whether the analysis set aside repeated rows (applying scores every row: see applyModel). */
  duplicates: 'drop' | 'keep';
  numeric: NumericStep[];
  oneHot: OneHotStep[];
  /**
   * The features clustered on, as indices into the inputs: the numeric steps, then every one-hot
   * step's categories in order (constant features were left out by scaling).
   */
  kept: number[];
  /** Each kept feature's name ("Income", "log1p(Spend)", "Gender=Female"). */
  featureNames: string[];
  scale: ModelScale;
  /** When the clustering ran on principal components: the first `count` of them. */
  pca: ModelPca | null;
}

export interface NumericStep {
  column: string;
  /** What a missing value becomes; null: a row missing it is set aside (the "drop" policy). */
  fill: number | null;
  log1p: boolean;
  /** Limits values are clipped to (after log1p); null when not clipped. */
  clip: [number, number] | null;
  /** Rows whose value (after log1p) lies outside these limits are set aside as outliers. */
  dropOutside: [number, number] | null;
  /**
   * Values that stand for "no value": read as missing before anything else (absent in files
   * saved before there were any, and when there are none).
   */
  missingCodes?: number[];
}

export interface OneHotStep {
  column: string;
  /** The categories, one feature each, most frequent first. */
  categories: string[];
  /**
   * The category a missing cell takes (an index); -1 for none (every feature 0); null: a row
   * missing it is set aside.
   */
  fill: number | null;
}

export interface ModelScale {
  method: ScaleMethod;
  /** Per kept feature: subtracted, then divided by. */
  center: number[];
  scale: number[];
  /** Per kept feature: its mean and population standard deviation on the saved rows (drift). */
  mean: number[];
  std: number[];
}

export interface ModelPca {
  count: number;
  /** count x features, row-major. */
  components: number[];
  /** Per kept feature, subtracted before projecting. */
  mean: number[];
}

export type ModelClustering = KmeansModel | HierarchicalModel | DbscanModel;

export interface KmeansModel {
  algorithm: 'kmeans';
  metric: 'euclidean';
  /** k x dims, row-major: the nearest centre (squared Euclidean, ties to the lower) wins. */
  centres: number[];
}

export interface HierarchicalModel {
  algorithm: 'hierarchical';
  linkage: Linkage;
  /** The distance the tree was built with (Euclidean for Ward). */
  metric: DistanceMetric;
  /** k x dims: each segment's mean; the nearest under the metric (ties to the lower) wins. */
  centres: number[];
}

export interface DbscanModel {
  algorithm: 'dbscan';
  metric: DistanceMetric;
  eps: number;
  minPts: number;
  /** Noise rows on the saved file. */
  noise: number;
  /**
   * Core rows x dims, in the order their clusters were found: a row joins the segment of the
   * first core row within eps, as DBSCAN's border rows join the first cluster that reaches them.
   */
  cores: number[];
  coreSegments: number[];
}

export interface ModelSegment {
  id: number;
  /** Rows (or customers) in the segment on the saved file, and their share of the analysed ones. */
  size: number;
  share: number;
  /** The label the analysis gave (in the user's language when shown). */
  label: Message;
  /** The name the user gave, if any (shown instead of the label). */
  name: string | null;
}

/** The number of coordinates the clustering works in: principal components, or kept features. */
export function clusteringDims(preparation: Preparation): number {
  return preparation.pca === null ? preparation.kept.length : preparation.pca.count;
}

/** How many features the numeric and one-hot steps make before scaling leaves some out. */
export function inputFeatureCount(preparation: Preparation): number {
  return (
    preparation.numeric.length + preparation.oneHot.reduce((s, c) => s + c.categories.length, 0)
  );
}

/** How a segment reads: the user's name, or the analysis' label. */
export function segmentText(segment: ModelSegment, render: (m: Message) => string): string {
  return segment.name ?? render(segment.label);
}

/** The model as its file holds it: compact JSON (a DBSCAN model's core rows make it long). */
export function modelText(model: ModelFile): string {
  return JSON.stringify(model) + '\n';
}
