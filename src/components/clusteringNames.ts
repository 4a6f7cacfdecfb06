import type { ClusteringAlgorithm } from '../core/analysis/analysisOptions';
import type { DistanceMetric } from '../core/cluster/distance';
import type { UiKey } from './richText';

/** The algorithms, in the order the page offers them. */
export const ALGORITHM_NAMES = {
  kmeans: 'ui.clustering.algorithmName.kmeans',
  dbscan: 'ui.clustering.algorithmName.dbscan',
  hierarchical: 'ui.clustering.algorithmName.hierarchical',
} as const satisfies Record<ClusteringAlgorithm, UiKey>;

/** A distance as a sentence names it ("Manhattan distance"). */
export const METRIC_NAMES = {
  euclidean: 'ui.clustering.metricName.euclidean',
  manhattan: 'ui.clustering.metricName.manhattan',
  chebyshev: 'ui.clustering.metricName.chebyshev',
  cosine: 'ui.clustering.metricName.cosine',
} as const satisfies Record<DistanceMetric, UiKey>;
