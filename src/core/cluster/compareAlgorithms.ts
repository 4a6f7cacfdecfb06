import {
  ALGORITHM_LABELS,
  type AnalysisOptions,
  type ClusteringAlgorithm,
} from '../analysis/analysisOptions';
import { prepareFeatures } from '../analysis/analyzeTable';
import { calinskiHarabasz, daviesBouldin } from './quality/clusterMetrics';
import { densityClusters } from './density/densityClustering';
import { METRIC_LABELS } from './distance';
import { fitHierarchy, hierarchyLabels } from './hierarchy/hierarchicalClustering';
import type { ColumnSummary } from '../read/inferColumns';
import { kmeans } from './kmeans/kmeans';
import type { PipelineProgress } from '../common/progress';
import { SilhouetteSample } from './quality/silhouette';
import type { Table } from '../read/table';

export interface AlgorithmRow {
  algorithm: ClusteringAlgorithm;
  /** The settings it ran with, in words: "Ward linkage, Euclidean, k = 4". */
  settings: string;
  clusters: number;
  /** Share of rows labelled noise (DBSCAN only; 0 otherwise). */
  noiseShare: number;
  /** Indices over the clustered rows (noise left out); null where undefined (one cluster). */
  silhouette: number | null;
  daviesBouldin: number | null;
  calinskiHarabasz: number | null;
  /** Rows per cluster, largest first. */
  sizes: number[];
}

export interface AlgorithmComparison {
  rows: AlgorithmRow[];
  /** Adjusted Rand index of every pair of rows' labelings (noise is a group of its own). */
  agreement: number[][];
  analysedRows: number;
  silhouetteSampleSize: number;
  metric: AnalysisOptions['metric'];
}

/**
 * The three algorithms side by side on the same cleaned and scaled rows: k-means and
 * hierarchical with k segments, DBSCAN with its eps and minPts (the suggested eps when none is
 * set). The same silhouette sample and distance score all three, so the figures compare.
 */
export function compareAlgorithms(
  table: Table,
  options: AnalysisOptions,
  k: number,
  onProgress?: PipelineProgress,
  columns?: ColumnSummary[],
): AlgorithmComparison {
  const { scaled, n, d } = prepareFeatures(table, options, onProgress, columns);
  const matrix = scaled.matrix;
  const segments = Math.max(1, Math.min(k, n));
  const report = (from: number, to: number) => (f: number) =>
    onProgress?.('cluster', from + (to - from) * f);

  const clustering = kmeans(matrix, n, d, {
    k: segments,
    nInit: options.nInit,
    maxIter: options.maxIter,
    seed: options.seed + segments,
    localSearch: options.localSearch,
    onProgress: report(0, 0.3),
  });
  const kmeansLabels = Int32Array.from(clustering.labels);
  // Ward is Euclidean only; the other linkages take the chosen distance.
  const linkage =
    options.linkage === 'ward' && options.metric !== 'euclidean' ? 'average' : options.linkage;
  const fit = fitHierarchy(matrix, n, d, linkage, options.metric, options.seed, report(0.3, 0.6));
  const hierarchical = hierarchyLabels(fit, matrix, n, d, segments);
  const density = densityClusters(
    matrix,
    n,
    d,
    { eps: options.eps, minPts: options.minPts, metric: options.metric, seed: options.seed },
    report(0.6, 0.9),
  );
  const silhouette = new SilhouetteSample(
    matrix,
    n,
    d,
    options.silhouetteSample,
    options.seed,
    (f) => onProgress?.('silhouette', f),
    options.metric,
  );
  const metricName = METRIC_LABELS[options.metric];
  const labelings: [ClusteringAlgorithm, string, Int32Array, number][] = [
    ['kmeans', `k = ${segments}, best of ${options.nInit}`, kmeansLabels, segments],
    [
      'hierarchical',
      `${linkage} linkage, ${linkage === 'ward' ? 'Euclidean' : metricName}, k = ${segments}${fit.sampled ? `, tree on ${fit.rows.length.toLocaleString('en-US')} rows` : ''}`,
      hierarchical,
      segments,
    ],
    [
      'dbscan',
      `eps ${density.eps}${options.eps === null ? ' (suggested)' : ''}, ${density.minPts} minimum points, ${metricName}`,
      density.labels,
      density.clusters,
    ],
  ];
  const rows = labelings.map(([algorithm, settings, labels, clusters]): AlgorithmRow => {
    const sizes = new Array<number>(clusters).fill(0);
    let noise = 0;
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0) noise++;
      else sizes[labels[i]]++;
    }
    const defined = clusters >= 2 && clusters < n - noise;
    const finite = (value: number) => (Number.isFinite(value) ? value : null);
    return {
      algorithm,
      settings,
      clusters,
      noiseShare: noise / n,
      silhouette: defined ? finite(silhouette.score(labels, clusters)) : null,
      daviesBouldin: defined ? finite(daviesBouldin(matrix, n, d, labels, true)) : null,
      calinskiHarabasz: defined ? finite(calinskiHarabasz(matrix, n, d, labels, true)) : null,
      sizes: sizes.sort((a, b) => b - a),
    };
  });
  const agreement = labelings.map(([, , a]) =>
    labelings.map(([, , b]) => adjustedRandIndexOfLabels(a, b)),
  );
  onProgress?.('profile', 1);
  return {
    rows,
    agreement,
    analysedRows: n,
    silhouetteSampleSize: silhouette.size,
    metric: options.metric,
  };
}

/**
 * Adjusted Rand index of two labelings of small integers (noise -1 counts as a label), from
 * their contingency table: one pass over the rows, as scikit-learn's adjusted_rand_score.
 */
export function adjustedRandIndexOfLabels(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  let minA = 0;
  let maxA = 0;
  let minB = 0;
  let maxB = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] < minA) minA = a[i];
    if (a[i] > maxA) maxA = a[i];
    if (b[i] < minB) minB = b[i];
    if (b[i] > maxB) maxB = b[i];
  }
  const ra = maxA - minA + 1;
  const rb = maxB - minB + 1;
  const table = new Float64Array(ra * rb);
  for (let i = 0; i < n; i++) table[(a[i] - minA) * rb + (b[i] - minB)]++;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let sumCells = 0;
  const rowSums = new Float64Array(ra);
  const colSums = new Float64Array(rb);
  for (let r = 0; r < ra; r++)
    for (let c = 0; c < rb; c++) {
      const count = table[r * rb + c];
      sumCells += pairs(count);
      rowSums[r] += count;
      colSums[c] += count;
    }
  let sumRows = 0;
  for (const count of rowSums) sumRows += pairs(count);
  let sumCols = 0;
  for (const count of colSums) sumCols += pairs(count);
  const total = pairs(n);
  if (total === 0) return 1;
  const expected = (sumRows * sumCols) / total;
  const maximum = (sumRows + sumCols) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

export { ALGORITHM_LABELS };
