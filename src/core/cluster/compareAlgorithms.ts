import type { AnalysisOptions, ClusteringAlgorithm } from '../analysis/analysisOptions';
import { adjustedRandIndex, separationIndices } from './quality/clusterMetrics';
import type { SilhouetteSample } from './quality/silhouette';
import type { Message } from '../common/message';
import type { SegmentLabels } from './segmentLabels';

export interface AlgorithmRow {
  algorithm: ClusteringAlgorithm;
  /** The settings it ran with, in words: "Ward linkage, Euclidean, k = 4". */
  settings: Message;
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

/** One algorithm's labels of the rows (0..clusters-1, -1 for noise), and how it ran. */
export interface Labelling {
  algorithm: ClusteringAlgorithm;
  settings: Message;
  labels: SegmentLabels;
  clusters: number;
}

/**
 * Labellings of the same cleaned and scaled rows side by side. The same silhouette sample and
 * distance score them all, so the figures compare; the adjusted Rand index says how far any
 * two agree.
 */
export function compareLabellings(
  matrix: Float64Array,
  n: number,
  d: number,
  labellings: readonly Labelling[],
  silhouette: SilhouetteSample,
  metric: AnalysisOptions['metric'],
): AlgorithmComparison {
  const rows = labellings.map(({ algorithm, settings, labels, clusters }): AlgorithmRow => {
    const sizes = new Array<number>(clusters).fill(0);
    let noise = 0;
    for (let i = 0; i < n; i++) {
      if (labels[i] < 0) noise++;
      else sizes[labels[i]]++;
    }
    const defined = clusters >= 2 && clusters < n - noise;
    const finite = (value: number) => (Number.isFinite(value) ? value : null);
    const indices = defined ? separationIndices(matrix, n, d, labels, true) : null;
    return {
      algorithm,
      settings,
      clusters,
      noiseShare: noise / n,
      silhouette: defined ? finite(silhouette.score(labels, clusters)) : null,
      daviesBouldin: indices === null ? null : finite(indices.daviesBouldin),
      calinskiHarabasz: indices === null ? null : finite(indices.calinskiHarabasz),
      sizes: sizes.sort((a, b) => b - a),
    };
  });
  const agreement = labellings.map((a) =>
    labellings.map((b) => adjustedRandIndex(a.labels, b.labels)),
  );
  return { rows, agreement, analysedRows: n, silhouetteSampleSize: silhouette.size, metric };
}
