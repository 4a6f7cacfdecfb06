import type { PipelineProgress } from '../../common/progress';
import { UserError } from '../../common/userError';
import { outcomeFromLabels, type ClusterData } from '../clusterJob';
import { elbowPointOf, resultOf, silhouetteOf, type Clustering } from '../clustering';
import type { SilhouetteSample } from '../quality/silhouette';
import { DBSCAN_MAX_ROWS, type DensityClustering } from './densityClustering';
import { message, type Message } from '../../common/message';

export interface DensitySegmentationInput {
  data: ClusterData;
  /** DBSCAN's labels for these data and settings (computed once by the caller). */
  found: DensityClustering;
  silhouette: () => SilhouetteSample | null;
  onProgress?: PipelineProgress;
}

/** DBSCAN as a segmentation: one result, whose k is the number of clusters; noise is -1. */
export function densitySegmentation(input: DensitySegmentationInput): Clustering {
  const { data, found } = input;
  const { n } = data;
  if (found.clusters === 0)
    throw new UserError('no-clusters', 'dbscanAllNoise', {
      eps: found.eps,
      minPts: found.minPts,
      suggested: found.suggestedEps,
    });
  const outcome = outcomeFromLabels(data, found.labels, found.clusters);
  const point = elbowPointOf(
    outcome,
    silhouetteOf(input.silhouette(), outcome.labels, outcome.k, n),
  );
  const notes: Message[] = [];
  if (found.clusteredRows < n)
    notes.push(
      message('dbscanSampled', { rows: found.clusteredRows, total: n, most: DBSCAN_MAX_ROWS }),
    );
  return {
    elbow: [point],
    results: [resultOf(outcome)],
    recommendation: {
      k: found.clusters,
      elbowK: null,
      silhouetteK: null,
      reason: message('reasonDbscan', {
        clusters: found.clusters,
        eps: found.eps,
        minPts: found.minPts,
        noise: found.noise,
        share: found.noise / n,
      }),
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
