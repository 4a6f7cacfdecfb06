import { defaultFeatures, effectiveKinds, type AnalysisOptions } from './analysisOptions';
import { recommendK, type ElbowPoint, type Recommendation } from '../cluster/quality/chooseK';
import { cleanRows, type CleanReport, type FeatureSource } from '../clean/cleanRows';
import {
  inlineExecutor,
  outcomeFromLabels,
  type ClusterData,
  type ClusterExecutor,
  type ClusterOutcome,
  type ClusterSettings,
} from '../cluster/clusterJob';
import { inferColumns, type ColumnSummary } from '../read/inferColumns';
import { fitPca, projectPca, type PcaResult } from '../features/pca';
import { prepareProfiles, type Profiles } from '../profile/profileSegments';
import type { PipelineProgress } from '../common/progress';
import { scaleFeatures, type ScaleMethod } from '../features/scale';
import { SilhouetteSample } from '../cluster/quality/silhouette';
import type { Table } from '../read/table';
import { UserError } from '../common/userError';
import type { ClusteringAlgorithm } from './analysisOptions';
import type { Linkage } from '../cluster/hierarchy/agglomerative';
import { DBSCAN_MAX_ROWS, densityClusters } from '../cluster/density/densityClustering';
import type { DistanceMetric } from '../cluster/distance';
import {
  clustersAtHeight,
  cutHeightFor,
  dendrogram,
  fitHierarchy,
  hierarchyLabels,
  HIERARCHY_MAX_ROWS,
  type Dendrogram,
} from '../cluster/hierarchy/hierarchicalClustering';
import type { ColumnKind } from '../read/inferColumns';

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
  /** One result per k, ascending (see resultFor): every k of the elbow, or DBSCAN's one. */
  results: KResult[];
  notes: string[];
  algorithm: ClusteringAlgorithm;
  /** The distance of DBSCAN, hierarchical clustering and the silhouette. */
  metric: DistanceMetric;
  density: DensitySummary | null;
  /** DBSCAN only: what each analysed row is (POINT_CORE, ...), for the exports. */
  pointKinds: Uint8Array | null;
  hierarchy: HierarchySummary | null;
}

/** What DBSCAN did, for the page's k-distance chart and notes. */
export interface DensitySummary {
  eps: number;
  suggestedEps: number;
  minPts: number;
  clusters: number;
  noise: number;
  coreRows: number;
  /** Sorted k-distances (k = minPts) of a seeded sample; the knee is at `knee`. */
  kDistances: Float64Array;
  knee: number;
  clusteredRows: number;
  maxRows: number;
  joinedFromOutside: number;
}

/** What hierarchical clustering did, for the dendrogram and notes. */
export interface HierarchySummary {
  linkage: Linkage;
  /** Rows the tree was built on (a seeded sample above maxRows). */
  treeRows: number;
  maxRows: number;
  dendrogram: Dendrogram;
  /** Height where the cut giving each k of the elbow falls: cutHeights[k - 1]. */
  cutHeights: (number | null)[];
  /** The height cut asked for, when the cut is by height. */
  cutHeight: number | null;
}

/** The result for k segments, if it was computed. */
export function resultFor(analysis: Pick<AnalysisResult, 'results'>, k: number): KResult | null {
  return analysis.results.find((result) => result.k === k) ?? null;
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

/** The feature matrix an analysis clusters: the table's rows cleaned, encoded and scaled. */
export interface PreparedFeatures {
  columns: ColumnSummary[];
  kinds: ColumnKind[];
  cleaned: ReturnType<typeof cleanRows>;
  scaled: ReturnType<typeof scaleFeatures>;
  /** Features clustered on (constant ones left out by scaling). */
  features: FeatureSource[];
  n: number;
  d: number;
  notes: string[];
}

/** Checks the chosen features, then cleans and scales: what every clustering starts from. */
export function prepareFeatures(
  table: Table,
  options: AnalysisOptions,
  onProgress?: PipelineProgress,
  known?: ColumnSummary[],
): PreparedFeatures {
  const notes: string[] = [];
  const columns = known ?? inferColumns(table, (f) => onProgress?.('infer', f));
  const kinds = effectiveKinds(columns, options.kinds);
  const requested = options.features ?? defaultFeatures(columns, kinds);
  for (const name of requested) {
    const j = columns.findIndex((c) => c.name === name);
    if (j !== -1 && kinds[j] !== 'numeric') {
      throw new UserError(
        'bad-option',
        kinds[j] === 'categorical'
          ? `"${name}" is a categorical column, not a numeric one: choose numeric features, or one-hot encode it (--one-hot on the command line).`
          : `"${name}" is a ${kinds[j]} column, not a numeric one: choose numeric features, or change its kind to numeric.`,
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
    // Features the file offers, all unticked: say so (a file without any gets the reason below).
    if (
      options.features !== null &&
      table.rowCount > 1 &&
      defaultFeatures(columns, kinds).length > 0
    ) {
      throw new UserError(
        'no-features',
        'No feature is chosen: tick "use as feature" for at least one numeric column.',
      );
    }
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
  notes.push(...cleaned.report.notes);
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

  return { columns, kinds, cleaned, scaled, features, n, d, notes };
}

export async function analyzeTable(
  table: Table,
  options: AnalysisOptions,
  onProgress?: PipelineProgress,
  extras: AnalysisExtras = {},
): Promise<AnalysisResult> {
  const prepared = prepareFeatures(table, options, onProgress, extras.columns);
  const { columns, kinds, cleaned, scaled, features, n, d, notes } = prepared;
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
  const silhouetteOf = (sample: SilhouetteSample | null, labels: Int32Array, k: number) => {
    const score = k >= 2 && k < n ? (sample?.score(labels, k) ?? NaN) : NaN;
    return Number.isNaN(score) ? null : score;
  };
  const newSilhouette = () =>
    n >= 3
      ? new SilhouetteSample(
          scaled.matrix,
          n,
          d,
          options.silhouetteSample,
          options.seed,
          (f) => onProgress?.('silhouette', f),
          options.metric,
        )
      : null;
  let clustering: Clustering;
  if (options.algorithm === 'dbscan') {
    clustering = runDensity(data, options, newSilhouette, silhouetteOf, onProgress);
  } else if (options.algorithm === 'hierarchical') {
    clustering = runHierarchy(data, options, kMax, newSilhouette, silhouetteOf, extras, onProgress);
  } else {
    clustering = await runKmeans(
      data,
      options,
      kMax,
      newSilhouette,
      silhouetteOf,
      extras,
      onProgress,
    );
  }
  const { elbow, results, silhouette, recommendation, density, hierarchy } = clustering;
  notes.push(...clustering.notes);
  onProgress?.('profile', 1);
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
    k: clustering.k ?? options.k ?? recommendation.k,
    algorithm: options.algorithm,
    metric: options.metric,
    density,
    pointKinds: clustering.pointKinds,
    hierarchy,
    results,
    notes: [...table.notes, ...notes, ...scaled.warnings],
  };
}

interface Clustering {
  elbow: ElbowPoint[];
  results: KResult[];
  silhouette: SilhouetteSample | null;
  recommendation: Recommendation;
  /** The k to show when the algorithm decides it (DBSCAN, a height cut); else null. */
  k: number | null;
  density: DensitySummary | null;
  pointKinds: Uint8Array | null;
  hierarchy: HierarchySummary | null;
  notes: string[];
}

type SilhouetteOf = (
  sample: SilhouetteSample | null,
  labels: Int32Array,
  k: number,
) => number | null;

function toResult(outcome: ClusterOutcome): KResult {
  const { daviesBouldin: _db, calinskiHarabasz: _ch, ...result } = outcome;
  return result;
}

function pointOf(outcome: ClusterOutcome, silhouette: number | null): ElbowPoint {
  return {
    k: outcome.k,
    inertia: outcome.inertia,
    silhouette,
    daviesBouldin: outcome.daviesBouldin,
    calinskiHarabasz: outcome.calinskiHarabasz,
  };
}

/** k-means for every k of the elbow, spread over the executor's workers. */
async function runKmeans(
  data: ClusterData,
  options: AnalysisOptions,
  kMax: number,
  newSilhouette: () => SilhouetteSample | null,
  silhouetteOf: SilhouetteOf,
  extras: AnalysisExtras,
  onProgress?: PipelineProgress,
): Promise<Clustering> {
  const { n } = data;
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
    const point = pointOf(outcome, silhouetteOf(silhouette, outcome.labels, outcome.k));
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
      silhouette = newSilhouette();
      for (const outcome of waiting.splice(0)) extras.onElbowPoint?.(elbowPoint(outcome));
    },
  );
  const elbow: ElbowPoint[] = [];
  const results: KResult[] = [];
  for (let k = 1; k <= kMax; k++) {
    const outcome = outcomes.get(k);
    if (!outcome) throw new Error(`the clustering for k = ${k} did not come back`);
    elbow.push(elbowPoint(outcome));
    results.push(toResult(outcome));
  }
  return {
    elbow,
    results,
    silhouette,
    recommendation: recommendK(elbow),
    k: null,
    density: null,
    pointKinds: null,
    hierarchy: null,
    notes: [],
  };
}

/** DBSCAN: one result, whose k is the number of clusters found; noise labelled -1. */
function runDensity(
  data: ClusterData,
  options: AnalysisOptions,
  newSilhouette: () => SilhouetteSample | null,
  silhouetteOf: SilhouetteOf,
  onProgress?: PipelineProgress,
): Clustering {
  const { matrix, n, d } = data;
  const found = densityClusters(
    matrix,
    n,
    d,
    { eps: options.eps, minPts: options.minPts, metric: options.metric, seed: options.seed },
    (f) => onProgress?.('cluster', f),
  );
  if (found.clusters === 0)
    throw new UserError(
      'no-clusters',
      `At eps ${found.eps} with ${found.minPts} minimum points every row is noise: raise eps (the k-distance plot suggests ${found.suggestedEps}) or lower the minimum points.`,
    );
  const outcome = outcomeFromLabels(data, found.labels, found.clusters);
  const silhouette = newSilhouette();
  const point = pointOf(outcome, silhouetteOf(silhouette, outcome.labels, outcome.k));
  const share = (found.noise / n) * 100;
  const notes: string[] = [];
  if (found.clusteredRows < n)
    notes.push(
      `DBSCAN ran on a seeded sample of ${found.clusteredRows.toLocaleString('en-US')} of the ${n.toLocaleString('en-US')} rows (it takes up to ${DBSCAN_MAX_ROWS.toLocaleString('en-US')} rows in reasonable time); every other row joined the segment of a core row within eps of it, or noise when none was that close.`,
    );
  return {
    elbow: [point],
    results: [toResult(outcome)],
    silhouette,
    recommendation: {
      k: found.clusters,
      elbowK: null,
      silhouetteK: null,
      reason: `DBSCAN found ${found.clusters} ${found.clusters === 1 ? 'segment' : 'segments'} at eps ${found.eps} with ${found.minPts} minimum points; ${found.noise.toLocaleString('en-US')} rows (${share.toFixed(1)}%) are noise.`,
    },
    k: found.clusters,
    density: {
      eps: found.eps,
      suggestedEps: found.suggestedEps,
      minPts: found.minPts,
      clusters: found.clusters,
      noise: found.noise,
      coreRows: found.coreRows,
      kDistances: found.kDistances,
      knee: found.knee,
      clusteredRows: found.clusteredRows,
      maxRows: DBSCAN_MAX_ROWS,
      joinedFromOutside: found.joinedFromOutside,
    },
    pointKinds: found.pointKinds,
    hierarchy: null,
    notes,
  };
}

/** Agglomerative clustering: one tree, cut for every k of the elbow (and at a height if asked). */
function runHierarchy(
  data: ClusterData,
  options: AnalysisOptions,
  kMax: number,
  newSilhouette: () => SilhouetteSample | null,
  silhouetteOf: SilhouetteOf,
  extras: AnalysisExtras,
  onProgress?: PipelineProgress,
): Clustering {
  const { matrix, n, d } = data;
  const fit = fitHierarchy(matrix, n, d, options.linkage, options.metric, options.seed, (f) =>
    onProgress?.('cluster', 0.8 * f),
  );
  const silhouette = newSilhouette();
  const ks = Array.from({ length: kMax }, (_, i) => i + 1);
  const heightK = options.cutHeight === null ? null : clustersAtHeight(fit.tree, options.cutHeight);
  if (heightK !== null && heightK > kMax) {
    if (heightK > MAX_HEIGHT_CUT_SEGMENTS)
      throw new UserError(
        'bad-option',
        `Cutting the tree at height ${options.cutHeight} gives ${heightK} segments: choose a height of at least ${roundUp(cutHeightFor(fit.tree, MAX_HEIGHT_CUT_SEGMENTS) ?? 0)} for at most ${MAX_HEIGHT_CUT_SEGMENTS}.`,
      );
    ks.push(heightK);
  }
  const elbow: ElbowPoint[] = [];
  const results: KResult[] = [];
  ks.forEach((k, i) => {
    const outcome = outcomeFromLabels(data, hierarchyLabels(fit, matrix, n, d, k), k);
    const point = pointOf(outcome, silhouetteOf(silhouette, outcome.labels, k));
    if (k <= kMax) {
      elbow.push(point);
      extras.onElbowPoint?.(point);
    }
    results.push(toResult(outcome));
    onProgress?.('cluster', 0.8 + (0.2 * (i + 1)) / ks.length);
  });
  const notes: string[] = [];
  if (fit.sampled)
    notes.push(
      `Hierarchical clustering ran on a seeded sample of ${fit.rows.length.toLocaleString('en-US')} of the ${n.toLocaleString('en-US')} rows (it needs every pairwise distance, so it takes up to ${HIERARCHY_MAX_ROWS.toLocaleString('en-US')} rows); every other row joined the segment whose centre is nearest.`,
    );
  const recommendation = recommendK(elbow);
  return {
    elbow,
    results,
    silhouette,
    recommendation:
      heightK === null
        ? recommendation
        : {
            ...recommendation,
            reason: `${recommendation.reason} The tree cut at height ${options.cutHeight} gives ${heightK} ${heightK === 1 ? 'segment' : 'segments'}.`,
          },
    k: heightK,
    density: null,
    pointKinds: null,
    hierarchy: {
      linkage: options.linkage,
      treeRows: fit.rows.length,
      maxRows: HIERARCHY_MAX_ROWS,
      dendrogram: dendrogram(fit.tree),
      cutHeights: Array.from({ length: kMax }, (_, i) => cutHeightFor(fit.tree, i + 1)),
      cutHeight: options.cutHeight,
    },
    notes,
  };
}

/** A height cut may give more segments than the elbow tries, up to this many. */
export const MAX_HEIGHT_CUT_SEGMENTS = 50;

function roundUp(value: number): number {
  const rounded = Number(value.toPrecision(2));
  return rounded < value
    ? Number((rounded + 10 ** (Math.floor(Math.log10(value)) - 1)).toPrecision(2))
    : rounded;
}
