import type { PipelineProgress } from '../../common/progress';
import { UserError } from '../../common/userError';
import { outcomeFromLabels, type ClusterData } from '../clusterJob';
import { elbowPointOf, resultOf, silhouetteOf, type Clustering } from '../clustering';
import type { SilhouetteSample } from '../quality/silhouette';
import { DBSCAN_MAX_ROWS, type DensityClustering } from './densityClustering';

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
    throw new UserError(
      'no-clusters',
      `At eps ${found.eps} with ${found.minPts} minimum points every row is noise: raise eps (the k-distance plot suggests ${found.suggestedEps}) or lower the minimum points.`,
    );
  const outcome = outcomeFromLabels(data, Int32Array.from(found.labels), found.clusters);
  const point = elbowPointOf(
    outcome,
    silhouetteOf(input.silhouette(), outcome.labels, outcome.k, n),
  );
  const share = (found.noise / n) * 100;
  const notes: string[] = [];
  if (found.clusteredRows < n)
    notes.push(
      `DBSCAN ran on a seeded sample of ${found.clusteredRows.toLocaleString('en-US')} of the ${n.toLocaleString('en-US')} rows (it takes up to ${DBSCAN_MAX_ROWS.toLocaleString('en-US')} rows in reasonable time); every other row joined the segment of a core row within eps of it, or noise when none was that close.`,
    );
  return {
    elbow: [point],
    results: [resultOf(outcome)],
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
