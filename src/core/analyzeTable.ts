import { defaultFeatures, effectiveKinds, type AnalysisOptions } from './analysisOptions';
import { recommendK, type ElbowPoint, type Recommendation } from './chooseK';
import { cleanRows, type CleanReport, type FeatureSource } from './cleanRows';
import { calinskiHarabasz, daviesBouldin } from './clusterMetrics';
import { inferColumns, type ColumnSummary } from './inferColumns';
import { kmeans } from './kmeans';
import { fitPca, projectPca, type PcaResult } from './pca';
import { profileSegments, type Profiles } from './profileSegments';
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
  projection: Float64Array;
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
export function analyzeTable(
  table: Table,
  options: AnalysisOptions,
  onProgress?: PipelineProgress,
  columnSummaries?: ColumnSummary[],
): AnalysisResult {
  const notes: string[] = [];
  const columns = columnSummaries ?? inferColumns(table, (f) => onProgress?.('infer', f));
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
  const projection = projectPca(scaled.matrix, n, pca, projectionDims);

  const kMax = Math.max(1, Math.min(options.kMax, n));
  const kRangeNote =
    kMax < options.kMax
      ? `Only ${n} rows are left to analyse, so k runs from 1 to ${kMax}: add rows or ask for fewer segments.`
      : null;
  if (kRangeNote) notes.push(kRangeNote);
  const silhouette =
    n >= 3
      ? new SilhouetteSample(scaled.matrix, n, d, options.silhouetteSample, options.seed, (f) =>
          onProgress?.('silhouette', f),
        )
      : null;

  const elbow: ElbowPoint[] = [];
  const results: KResult[] = [];
  const profiledNumeric = [
    ...new Set(features.filter((f) => f.transform !== 'onehot').map((f) => f.column)),
  ];
  const profiledCategorical = columns
    .filter((_, j) => kinds[j] === 'categorical')
    .map((c) => c.name);
  const work = (kMax * (kMax + 1)) / 2;
  let done = 0;
  for (let k = 1; k <= kMax; k++) {
    const clustering = kmeans(scaled.matrix, n, d, {
      k,
      nInit: options.nInit,
      maxIter: options.maxIter,
      seed: options.seed + k,
      localSearch: options.localSearch,
      onProgress: (f) => onProgress?.('cluster', (done + f * k) / work),
    });
    done += k;
    const { labels, centroids, sizes } = orderBySize(
      clustering.labels,
      clustering.centroids,
      clustering.sizes,
      d,
    );
    const centroidsOriginal = toOriginalUnits(
      centroids,
      k,
      d,
      scaled.center,
      scaled.scale,
      features,
    );
    const point: ElbowPoint = {
      k,
      inertia: clustering.inertia,
      silhouette: null,
      daviesBouldin: null,
      calinskiHarabasz: null,
    };
    if (k >= 2 && k < n) {
      const score = silhouette?.score(labels, k) ?? NaN;
      point.silhouette = Number.isNaN(score) ? null : score;
      point.daviesBouldin = finiteOrNull(daviesBouldin(scaled.matrix, n, d, labels));
      point.calinskiHarabasz = finiteOrNull(calinskiHarabasz(scaled.matrix, n, d, labels));
    }
    elbow.push(point);
    const profiles = profileSegments({
      table,
      rows: cleaned.rows,
      labels,
      numeric: profiledNumeric,
      categorical: profiledCategorical,
    });
    results.push({
      k,
      labels,
      centroids,
      centroidsOriginal,
      sizes,
      inertia: clustering.inertia,
      iterations: clustering.iterations,
      profiles,
    });
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
    silhouetteSampleSize: silhouette?.size ?? 0,
    recommendation,
    k: options.k ?? recommendation.k,
    results,
    notes: [...table.notes, ...notes, ...scaled.warnings],
  };
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** Renumbers segments so that 0 is the largest (ties keep their order): stable colours and ids. */
export function orderBySize(
  labels: Int32Array,
  centroids: Float64Array,
  sizes: Int32Array,
  d: number,
) {
  const k = sizes.length;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  const newLabels = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++)
    newLabels[i] = labels[i] < 0 ? labels[i] : rank[labels[i]];
  const newCentroids = new Float64Array(k * d);
  const newSizes = new Int32Array(k);
  order.forEach((c, r) => {
    newSizes[r] = sizes[c];
    for (let j = 0; j < d; j++) newCentroids[r * d + j] = centroids[c * d + j];
  });
  return { labels: newLabels, centroids: newCentroids, sizes: newSizes };
}

function toOriginalUnits(
  centroids: Float64Array,
  k: number,
  d: number,
  center: Float64Array,
  scale: Float64Array,
  features: readonly FeatureSource[],
): Float64Array {
  const out = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const value = centroids[c * d + j] * scale[j] + center[j];
      out[c * d + j] = features[j].transform === 'log1p' ? Math.expm1(value) : value;
    }
  }
  return out;
}
