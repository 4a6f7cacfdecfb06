import type { DensitySummary, HierarchySummary, KResult } from '../analysis/analysisResult';
import type { ClusterOutcome } from './clusterJob';
import type { ElbowPoint, Recommendation } from './quality/chooseK';
import type { SilhouetteSample } from './quality/silhouette';
import type { Message } from '../common/message';
import type { SegmentLabels } from './segmentLabels';

/** What one algorithm made of the rows: a result per k it tried, and how to read them. */
export interface Clustering {
  elbow: ElbowPoint[];
  results: KResult[];
  recommendation: Recommendation;
  /** The k to show when the algorithm decides it (DBSCAN, a height cut); else null. */
  k: number | null;
  density: DensitySummary | null;
  pointKinds: Uint8Array | null;
  hierarchy: HierarchySummary | null;
  notes: Message[];
}

/** The silhouette of a labelling on the shared sample; null where it is undefined. */
export function silhouetteOf(
  sample: SilhouetteSample | null,
  labels: SegmentLabels,
  k: number,
  n: number,
): number | null {
  const score = k >= 2 && k < n ? (sample?.score(labels, k) ?? NaN) : NaN;
  return Number.isNaN(score) ? null : score;
}

export function resultOf(outcome: ClusterOutcome): KResult {
  const { daviesBouldin: _db, calinskiHarabasz: _ch, ...result } = outcome;
  return result;
}

export function elbowPointOf(outcome: ClusterOutcome, silhouette: number | null): ElbowPoint {
  return {
    k: outcome.k,
    inertia: outcome.inertia,
    silhouette,
    daviesBouldin: outcome.daviesBouldin,
    calinskiHarabasz: outcome.calinskiHarabasz,
  };
}
