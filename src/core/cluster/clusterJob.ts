import { type ProfileContext } from '../profile/profileContext';
import type { FeatureSource } from '../clean/cleanOptions';
import { separationIndices, type SeparationIndices } from './quality/clusterMetrics';
import { KMEANS_DEFAULTS, kmeans } from './kmeans/kmeans';
import { absoluteTolerance } from './kmeans/tolerance';
import { profileSegments } from '../profile/profileSegments';
import type { Profiles } from '../profile/profileTypes';
import { segmentLabelsFor, type SegmentLabels } from './segmentLabels';

/**
 * One k of the elbow as a self-contained job: everything it reads is in ClusterData (typed
 * arrays that a worker can receive once and keep), everything it returns is plain data. The
 * page spreads these jobs over a pool of workers, the command line over node threads.
 */
export interface ClusterData {
  /** n x d, scaled. Never changed once the data are made (jobs remember its tolerance). */
  matrix: Float64Array;
  n: number;
  d: number;
  /** To give centroids in the features' own units. */
  center: Float64Array;
  scale: Float64Array;
  transforms: FeatureSource['transform'][];
  profile: ProfileContext;
  /**
   * When the rows are the first `count` principal components of the scaled features (d = count),
   * the basis to give centroids back in the scaled features' space (featureCount wide). Centroids
   * given back lie in the components' span, so the nearest of them to any row in feature space is
   * the nearest in component space: applying a model needs no PCA for k-means.
   */
  basis: ComponentBasis | null;
}

export interface ComponentBasis {
  count: number;
  /** count x featureCount, row-major. */
  components: Float64Array;
  /** The scaled features' means (featureCount). */
  mean: Float64Array;
  featureCount: number;
}

/** k centroids in component space (k x count) to the scaled features' space (k x featureCount). */
export function centroidsInFeatureSpace(
  centroids: Float64Array,
  k: number,
  basis: ComponentBasis | null,
): Float64Array {
  if (basis === null) return centroids;
  const { count, components, mean, featureCount: d } = basis;
  const result = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const row = result.subarray(c * d, c * d + d);
    row.set(mean);
    for (let p = 0; p < count; p++) {
      const weight = centroids[c * count + p];
      for (let j = 0; j < d; j++) row[j] += weight * components[p * d + j];
    }
  }
  return result;
}

export interface KmeansSettings {
  nInit: number;
  maxIter: number;
  seed: number;
  localSearch: boolean;
}

export interface ClusterOutcome {
  k: number;
  /** Segment of each analysed row, numbered by size: 0 is the largest segment. */
  labels: SegmentLabels;
  /** k x features, in scaled units (given back from component space when clustered on PCA). */
  centroids: Float64Array;
  /** k x d, in the features' own units (scaling undone, log1p undone). */
  centroidsOriginal: Float64Array;
  sizes: Int32Array;
  inertia: number;
  iterations: number;
  profiles: Profiles;
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
}

/** k-means for one k (seeded per k, so the order jobs run in does not matter), then its indices and profiles. */
export function runClusterJob(
  data: ClusterData,
  k: number,
  settings: KmeansSettings,
  onProgress?: (fraction: number) => void,
): ClusterOutcome {
  const { matrix, n, d } = data;
  const clustering = kmeans(matrix, n, d, {
    k,
    absoluteTol: toleranceOf(data),
    nInit: settings.nInit,
    maxIter: settings.maxIter,
    seed: settings.seed + k,
    localSearch: settings.localSearch,
    onProgress: (f) => onProgress?.(f * 0.9),
  });
  const { labels, centroids, sizes } = orderBySize(
    clustering.labels,
    clustering.centroids,
    clustering.sizes,
    d,
  );
  const indices = k >= 2 && k < n;
  const featureCentroids = centroidsInFeatureSpace(centroids, k, data.basis);
  const outcome: ClusterOutcome = {
    k,
    labels,
    centroids: featureCentroids,
    centroidsOriginal: toOriginalUnits(
      featureCentroids,
      k,
      data.basis?.featureCount ?? d,
      data.center,
      data.scale,
      data.transforms,
    ),
    sizes,
    inertia: clustering.inertia,
    iterations: clustering.iterations,
    profiles: profileSegments(data.profile, labels),
    ...indicesOf(indices ? separationIndices(matrix, n, d, labels) : null),
  };
  onProgress?.(1);
  return outcome;
}

/** Each data's k-means tolerance, worked out by its first job (the matrix never changes). */
const tolerances = new WeakMap<ClusterData, number>();

function toleranceOf(data: ClusterData): number {
  let tolerance = tolerances.get(data);
  if (tolerance === undefined) {
    tolerance = absoluteTolerance(data.matrix, data.n, data.d, KMEANS_DEFAULTS.tol);
    tolerances.set(data, tolerance);
  }
  return tolerance;
}

/**
 * The outcome of a clustering made by another algorithm (DBSCAN, hierarchical): labels 0..k-1,
 * or -1 for noise, which is left out of the centroids, the inertia and the indices. Segments are
 * renumbered by size, as k-means' are.
 */
export function outcomeFromLabels(
  data: ClusterData,
  labels: Int32Array,
  k: number,
): ClusterOutcome {
  const { matrix, n, d } = data;
  const centroids = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0) continue;
    sizes[c]++;
    for (let j = 0; j < d; j++) centroids[c * d + j] += matrix[i * d + j];
  }
  for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centroids[c * d + j] /= sizes[c];
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    if (c < 0) continue;
    for (let j = 0; j < d; j++) inertia += (matrix[i * d + j] - centroids[c * d + j]) ** 2;
  }
  const ordered = orderBySize(labels, centroids, sizes, d);
  let clustered = 0;
  for (let c = 0; c < k; c++) clustered += sizes[c];
  const indices = k >= 2 && k < clustered;
  const featureCentroids = centroidsInFeatureSpace(ordered.centroids, k, data.basis);
  return {
    k,
    labels: ordered.labels,
    centroids: featureCentroids,
    centroidsOriginal: toOriginalUnits(
      featureCentroids,
      k,
      data.basis?.featureCount ?? d,
      data.center,
      data.scale,
      data.transforms,
    ),
    sizes: ordered.sizes,
    inertia,
    iterations: 0,
    profiles: profileSegments(data.profile, ordered.labels),
    ...indicesOf(indices ? separationIndices(matrix, n, d, ordered.labels, true) : null),
  };
}

/** Runs the jobs for a list of k, reporting each outcome as it finishes (in any order). */
export interface ClusterExecutor {
  /**
   * `before` is work for this thread that other workers need not wait for (the silhouette
   * sample): it runs here once the jobs are handed out.
   */
  run(
    data: ClusterData,
    ks: number[],
    settings: KmeansSettings,
    onOutcome: (outcome: ClusterOutcome) => void,
    onProgress?: (fraction: number) => void,
    before?: () => void,
  ): Promise<void>;
}

/** Relative cost of a job, to share work and report progress: Lloyd's work grows with k. */
export function jobCost(k: number): number {
  return k + 1;
}

/** Every job in turn on this thread, letting other tasks run between jobs. */
export const inlineExecutor: ClusterExecutor = {
  async run(data, ks, settings, onOutcome, onProgress, before) {
    before?.();
    const total = ks.reduce((sum, k) => sum + jobCost(k), 0);
    let done = 0;
    for (const k of ks) {
      onOutcome(
        runClusterJob(data, k, settings, (f) => onProgress?.((done + f * jobCost(k)) / total)),
      );
      done += jobCost(k);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  },
};

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** The outcome's indices: null where they are not defined (k = 1, a cluster per row). */
function indicesOf(
  computed: SeparationIndices | null,
): Pick<ClusterOutcome, 'daviesBouldin' | 'calinskiHarabasz'> {
  return {
    daviesBouldin: computed === null ? null : finiteOrNull(computed.daviesBouldin),
    calinskiHarabasz: computed === null ? null : finiteOrNull(computed.calinskiHarabasz),
  };
}

/**
 * Renumbers segments so that 0 is the largest (ties keep their order): stable colours and ids.
 * The renumbered labels are a new array in the narrowest type that holds them (segmentLabels.ts);
 * the labels given are left as they were.
 */
export function orderBySize(
  labels: SegmentLabels,
  centroids: Float64Array,
  sizes: Int32Array,
  d: number,
) {
  const k = sizes.length;
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  const ordered = segmentLabelsFor(labels.length, k);
  for (let i = 0; i < labels.length; i++) ordered[i] = labels[i] >= 0 ? rank[labels[i]] : -1;
  const newCentroids = new Float64Array(k * d);
  const newSizes = new Int32Array(k);
  order.forEach((c, r) => {
    newSizes[r] = sizes[c];
    for (let j = 0; j < d; j++) newCentroids[r * d + j] = centroids[c * d + j];
  });
  return { labels: ordered, centroids: newCentroids, sizes: newSizes };
}

function toOriginalUnits(
  centroids: Float64Array,
  k: number,
  d: number,
  center: Float64Array,
  scale: Float64Array,
  transforms: readonly FeatureSource['transform'][],
): Float64Array {
  const out = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) {
      const value = centroids[c * d + j] * scale[j] + center[j];
      out[c * d + j] = transforms[j] === 'log1p' ? Math.expm1(value) : value;
    }
  }
  return out;
}

/**
 * Runs a small job on made-up data, so that a fresh worker's JavaScript engine has compiled the
 * k-means code before the first real job (a cold first job runs at about half speed). Workers
 * call this while the page waits for a file.
 */
export function warmUpClustering(): void {
  const n = 3000;
  const d = 4;
  const matrix = new Float64Array(n * d);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++)
      matrix[i * d + j] = ((i % 3) * 4 + ((i * 7919 + j * 104729) % 1000) / 250) * (j + 1);
    values[i] = matrix[i * d];
  }
  const profile: ProfileContext = {
    n,
    numeric: [
      { name: 'x', values, complete: true, stats: { feature: 'x', mean: 0, median: 0, std: 1 } },
    ],
    categorical: [],
  };
  const data: ClusterData = {
    matrix,
    n,
    d,
    center: new Float64Array(d),
    scale: new Float64Array(d).fill(1),
    transforms: ['none', 'none', 'none', 'none'],
    profile,
    basis: null,
  };
  for (const k of [2, 6])
    runClusterJob(data, k, { nInit: 2, maxIter: 50, seed: 1, localSearch: true });
}
