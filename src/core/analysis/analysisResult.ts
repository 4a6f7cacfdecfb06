import type { Message } from '../common/message';
import type { FeatureSource, CleanReport } from '../clean/cleanOptions';
import type { ColumnSummary } from '../read/inferColumns';
import type { PcaResult } from '../features/pca';
import type { ScaleMethod } from '../features/scale';
import type { ElbowPoint, Recommendation } from '../cluster/quality/chooseK';
import type { Profiles } from '../profile/profileTypes';
import type { ClusteringAlgorithm } from './analysisOptions';
import type { DistanceMetric } from '../cluster/distance';
import type { Linkage } from '../cluster/hierarchy/agglomerative';
import type { SegmentLabels } from '../cluster/segmentLabels';
import type { Dendrogram } from '../cluster/hierarchy/hierarchicalClustering';

/** The segmentation for one number of segments. */
export interface KResult {
  k: number;
  /** Segment of each analysed row, numbered by size: 0 is the largest segment (-1 noise). */
  labels: SegmentLabels;
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
  dropDetail: Map<number, Message>;
  cleaning: CleanReport;
  scaling: {
    method: ScaleMethod;
    mean: Float64Array;
    std: Float64Array;
    center: Float64Array;
    scale: Float64Array;
    warnings: Message[];
  };
  pca: PcaResult;
  /** The analysed rows' scaled features, n x pca.d row-major (the scatter projects its sample). */
  scaledMatrix: Float64Array;
  /** Components the scatter shows: min(3, d, the components PCA found). */
  projectionDims: number;
  elbow: ElbowPoint[];
  /** Set when there were fewer rows than the largest k asked for. */
  kRangeNote: Message | null;
  silhouetteSampleSize: number;
  recommendation: Recommendation;
  /**
   * What is weak about this clustering, with what to change (clusteringWarnings.ts): the
   * recommended k at the top of the range, every silhouette weak, a poor DBSCAN eps.
   */
  clusterWarnings: Message[];
  /** The k shown. */
  k: number;
  /** One result per k, ascending (see resultFor): every k of the elbow, or DBSCAN's one. */
  results: KResult[];
  notes: Message[];
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
