import { defaultFeatures, effectiveKinds, type AnalysisOptions } from './analysisOptions';
import { recommendK, type ElbowPoint, type Recommendation } from './chooseK';
import { cleanRows, type CleanReport, type FeatureSource } from './cleanRows';
import {
  inlineExecutor,
  type ClusterData,
  type ClusterExecutor,
  type ClusterOutcome,
  type ClusterSettings,
} from './clusterJob';
import { inferColumns, type ColumnSummary } from './inferColumns';
import { fitPca, projectPca, type PcaResult } from './pca';
import { prepareProfiles, type Profiles } from './profileSegments';
import type { PipelineProgress } from './progress';
import { scaleFeatures, type ScaleMethod } from './scale';
import { SilhouetteSample } from './silhouette';
import type { Table } from './table';
import { UserError } from './userError';

/** The segmentation for one number of segments. */
export interface KResult {
  k: number;
  /** Segment of each analysed row, numbered by size: 0 is the largest segment. */
  labels: Int32Array;
  /** k x d, in scaled units. */
  centroids: Float64Array;
  /** k x d, in the features' own units (scaling undone, log1p undone). */
  centroidsOriginal: Float64Array;
  sizes: Int32Array;
  inertia: number;
  iterations: number;
  profiles: Profiles;
}

export interface AnalysisResult {
  columns: ColumnSummary[];
  /** Features clustered on (constant ones left out by scaling). */
  features: FeatureSource[];
  /** Numeric columns described in the profiles, and categorical ones whose top value is shown. */
  profiledNumeric: string[];
  profiledCategorical: string[];
  /** Record indices of the analysed rows. */
  rows: Int32Array;
  /** Per record: 0 analysed, else why it was set aside (see cleanRows). */
  dropReason: Uint8Array;
  dropDetail: Map<number, string>;
  cleaning: CleanReport;
  scaling: {
    method: ScaleMethod;
    mean: Float64Array;
    std: Float64Array;
    center: Float64Array;
    scale: Float64Array;
    warnings: string[];
  };
  pca: PcaResult;
  /** Every analysed row on the first min(3, d) components, n x pcaDims row-major. */
  /** For plotting only, so single precision (half the memory at a million rows). */
  projection: Float32Array;
  projectionDims: number;
  elbow: ElbowPoint[];
  /** Set when there were fewer rows than the largest k asked for. */
  kRangeNote: string | null;
  silhouetteSampleSize: number;
  recommendation: Recommendation;
  /** The k shown. */
  k: number;
  /** One result per k in the elbow, results[k - 1]. */
  results: KResult[];
  notes: string[];
}

/**
 * Everything after reading: column kinds, cleaning, scaling, PCA, k-means for every k of the
 * elbow with its quality indices, the recommended k, and profiles for every k (so that changing
 * k on the page is instant).
 */
export interface AnalysisExtras {
  /** Column kinds already inferred (the page infers them when it reads the file). */
  columns?: ColumnSummary[];
  /** Where the k-means jobs run (default: one after another on this thread). */
  executor?: ClusterExecutor;
  /** Each k's point as soon as its clustering is done, so the elbow curve can fill in. */
  onElbowPoint?: (point: ElbowPoint) => void;
}

export async function analyzeTable(
  table: Table,
  options: AnalysisOptions,
  onProgress?: PipelineProgress,
  extras: AnalysisExtras = {},
): Promise<AnalysisResult> {
  const notes: string[] = [];
  const columns = extras.columns ?? inferColumns(table, (f) => onProgress?.('infer', f));
  const kinds = effectiveKinds(columns, options.kinds);
  const requested = options.features ?? defaultFeatures(columns, kinds);
  for (const name of requested) {
    const j = columns.findIndex((c) => c.name === name);
    if (j !== -1 && kinds[j] !== 'numeric') {
      throw new UserError(
        'bad-option',
        `"${name}" is a ${kinds[j]} column, not a numeric one: choose numeric features, or change its kind to numeric.`,
      );
    }
  }
  if (options.features === null) {
    for (const [j, column] of columns.entries()) {
      if (kinds[j] === 'numeric' && !requested.includes(column.name) && column.note)
        notes.push(`${column.name}: ${column.note}`);
    }
  }
  if (requested.length + options.oneHot.length === 0) {
    const numeric = columns.filter((c, j) => kinds[j] === 'numeric' && c.min !== null);
    if (table.rowCount === 1) {
      throw new UserError(
        'too-few-rows',
        'This file has only one row of data: segments need at least two customers, one per row.',
      );
    }
    if (numeric.length > 0) {
      throw new UserError(
        'no-features',
        'Every numeric column has the same value on every row, so nothing tells the customers apart: choose a file with varied numbers.',
      );
    }
    throw new UserError(
      'no-features',
      'This file has no numeric column to cluster on: it needs at least one column of numbers (such as spend or visits).',
    );
  }

  const cleaned = cleanRows(
    table,
    { ...options.clean, features: requested, oneHot: options.oneHot },
    (f) => onProgress?.('clean', f),
  );
  for (const excluded of cleaned.report.excluded)
    notes.push(`${excluded.column} was left out of the features: ${excluded.reason}.`);
  const n = cleaned.rows.length;
  const inputNames = cleaned.features.map((f) => f.name);
  const scaled = scaleFeatures(
    cleaned.matrix,
    n,
    inputNames.length,
    inputNames,
    options.scale,
    (f) => onProgress?.('scale', f),
  );
  const features = Array.from(scaled.kept, (j) => cleaned.features[j]);
  const d = scaled.d;
  if (d === 0) {
    throw new UserError(
      'no-features',
      'Every chosen feature has the same value on every row, so there is nothing to cluster on: choose other features.',
    );
  }
  if (options.k !== null && options.k > n) {
    throw new UserError(
      'too-few-rows',
      `There are ${n} usable rows, fewer than the ${options.k} segments asked for: choose at most ${n} segments.`,
    );
  }

  const pca = fitPca(scaled.matrix, n, d, (f) => onProgress?.('pca', f));
  const projectionDims = Math.min(3, d);
  const projection = projectPca(
    scaled.matrix,
    n,
    pca,
    projectionDims,
    new Float32Array(n * projectionDims),
  );

  const kMax = Math.max(1, Math.min(options.kMax, n));
  const kRangeNote =
    kMax < options.kMax
      ? `Only ${n} rows are left to analyse, so k runs from 1 to ${kMax}: add rows or ask for fewer segments.`
      : null;
  if (kRangeNote) notes.push(kRangeNote);
  const profiledNumeric = [
    ...new Set(features.filter((f) => f.transform !== 'onehot').map((f) => f.column)),
  ];
  const profiledCategorical = columns
    .filter((_, j) => kinds[j] === 'categorical')
    .map((c) => c.name);
  const data: ClusterData = {
    matrix: scaled.matrix,
    n,
    d,
    center: scaled.center,
    scale: scaled.scale,
    transforms: features.map((f) => f.transform),
    profile: prepareProfiles({
      table,
      rows: cleaned.rows,
      numeric: profiledNumeric,
      categorical: profiledCategorical,
      wording: options.wording,
    }),
  };
  // The silhouette sample's distances are computed on this thread while other workers start
  // clustering; outcomes that arrive before it is ready wait for their silhouette.
  let silhouette: SilhouetteSample | null = null;
  const ks = Array.from({ length: kMax }, (_, i) => kMax - i);
  const outcomes = new Map<number, ClusterOutcome>();
  const points = new Map<number, ElbowPoint>();
  const waiting: ClusterOutcome[] = [];
  /** Each k's point, computed once (the silhouette pass over the sample is not free). */
  const elbowPoint = (outcome: ClusterOutcome): ElbowPoint => {
    const known = points.get(outcome.k);
    if (known) return known;
    const score =
      outcome.k >= 2 && outcome.k < n ? (silhouette?.score(outcome.labels, outcome.k) ?? NaN) : NaN;
    const point: ElbowPoint = {
      k: outcome.k,
      inertia: outcome.inertia,
      silhouette: Number.isNaN(score) ? null : score,
      daviesBouldin: outcome.daviesBouldin,
      calinskiHarabasz: outcome.calinskiHarabasz,
    };
    if (silhouette !== null || n < 3) points.set(outcome.k, point);
    return point;
  };
  const settings: ClusterSettings = {
    nInit: options.nInit,
    maxIter: options.maxIter,
    seed: options.seed,
    localSearch: options.localSearch,
  };
  await (extras.executor ?? inlineExecutor).run(
    data,
    ks,
    settings,
    (outcome) => {
      outcomes.set(outcome.k, outcome);
      if (silhouette === null && n >= 3) waiting.push(outcome);
      else extras.onElbowPoint?.(elbowPoint(outcome));
    },
    (f) => onProgress?.('cluster', f),
    () => {
      if (n >= 3) {
        silhouette = new SilhouetteSample(
          scaled.matrix,
          n,
          d,
          options.silhouetteSample,
          options.seed,
          (f) => onProgress?.('silhouette', f),
        );
      }
      for (const outcome of waiting.splice(0)) extras.onElbowPoint?.(elbowPoint(outcome));
    },
  );
  const elbow: ElbowPoint[] = [];
  const results: KResult[] = [];
  for (let k = 1; k <= kMax; k++) {
    const outcome = outcomes.get(k);
    if (!outcome) throw new Error(`the clustering for k = ${k} did not come back`);
    elbow.push(elbowPoint(outcome));
    const { daviesBouldin: _db, calinskiHarabasz: _ch, ...result } = outcome;
    results.push(result);
  }
  onProgress?.('profile', 1);
  const recommendation = recommendK(elbow);
  return {
    columns,
    features,
    profiledNumeric,
    profiledCategorical,
    rows: cleaned.rows,
    dropReason: cleaned.dropReason,
    dropDetail: cleaned.dropDetail,
    cleaning: cleaned.report,
    scaling: {
      method: scaled.method,
      mean: scaled.mean,
      std: scaled.std,
      center: scaled.center,
      scale: scaled.scale,
      warnings: scaled.warnings,
    },
    pca,
    projection,
    projectionDims,
    elbow,
    kRangeNote,
    silhouetteSampleSize: (silhouette as SilhouetteSample | null)?.size ?? 0,
    recommendation,
    k: options.k ?? recommendation.k,
    results,
    notes: [...table.notes, ...notes, ...scaled.warnings],
  };
}
