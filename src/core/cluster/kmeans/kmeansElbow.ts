import type { PipelineProgress } from '../../common/progress';
import {
  inlineExecutor,
  type ClusterData,
  type ClusterExecutor,
  type ClusterOutcome,
  type KmeansSettings,
} from '../clusterJob';
import { elbowPointOf, resultOf, silhouetteOf, type Clustering } from '../clustering';
import { recommendK, type ElbowPoint } from '../quality/chooseK';
import type { SilhouetteSample } from '../quality/silhouette';

export interface KmeansElbowInput {
  data: ClusterData;
  settings: KmeansSettings;
  kMax: number;
  /** Outcomes already computed for these data and settings; new ones are added to it. */
  known: Map<number, ClusterOutcome>;
  /** The silhouette sample, made once it is needed (its distances are the costly part). */
  silhouette: () => SilhouetteSample | null;
  executor?: ClusterExecutor;
  onElbowPoint?: (point: ElbowPoint) => void;
  onProgress?: PipelineProgress;
}

/** k-means for every k of the elbow, spread over the executor's workers. */
export async function kmeansElbow(input: KmeansElbowInput): Promise<Clustering> {
  const { data, settings, kMax, known, onElbowPoint, onProgress } = input;
  const { n } = data;
  // The silhouette sample's distances are computed on this thread while other workers start
  // clustering; outcomes that arrive before it is ready wait for their silhouette.
  let sample: SilhouetteSample | null = null;
  let sampleReady = n < 3;
  const points = new Map<number, ElbowPoint>();
  const waiting: ClusterOutcome[] = [];
  const pointFor = (outcome: ClusterOutcome): ElbowPoint => {
    const point = points.get(outcome.k);
    if (point) return point;
    const made = elbowPointOf(outcome, silhouetteOf(sample, outcome.labels, outcome.k, n));
    points.set(outcome.k, made);
    return made;
  };
  const arrived = (outcome: ClusterOutcome) => {
    if (sampleReady) onElbowPoint?.(pointFor(outcome));
    else waiting.push(outcome);
  };
  const makeSample = () => {
    sample = input.silhouette();
    sampleReady = true;
    for (const outcome of waiting.splice(0)) onElbowPoint?.(pointFor(outcome));
  };
  // Largest k first: they take longest, so the pool finishes together.
  const missing: number[] = [];
  for (let k = kMax; k >= 1; k--) if (!known.has(k)) missing.push(k);
  for (const outcome of known.values()) if (outcome.k <= kMax) waiting.push(outcome);
  if (missing.length === 0) makeSample();
  else
    await (input.executor ?? inlineExecutor).run(
      data,
      missing,
      settings,
      (outcome) => {
        known.set(outcome.k, outcome);
        arrived(outcome);
      },
      (f) => onProgress?.('cluster', f),
      makeSample,
    );
  const elbow: ElbowPoint[] = [];
  const results = [];
  for (let k = 1; k <= kMax; k++) {
    const outcome = known.get(k);
    if (!outcome) throw new Error(`the clustering for k = ${k} did not come back`);
    elbow.push(pointFor(outcome));
    results.push(resultOf(outcome));
  }
  return {
    elbow,
    results,
    recommendation: recommendK(elbow),
    k: null,
    density: null,
    pointKinds: null,
    hierarchy: null,
    notes: [],
  };
}
