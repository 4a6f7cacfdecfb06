import { transfer } from 'comlink';
import { releaseReusableArrays } from '../core/common/reusableArrays';
import { isShared } from '../core/common/sharedArrays';
import {
  runClusterJob,
  type ClusterData,
  type ClusterOutcome,
  type KmeansSettings,
} from '../core/cluster/clusterJob';

/**
 * A helper worker's side: it receives the scaled matrix (and what profiles need) once, then runs
 * one k-means job per call. Plain functions; the page's cluster.worker.ts and the command line's
 * clusterThread.ts expose them (as helperApi).
 */
let data: ClusterData | null = null;

/** The data for the coming jobs; null frees it between analyses. */
export async function setData(next: ClusterData | null): Promise<void> {
  data = next;
  if (next === null) releaseReusableArrays();
}

export async function cluster(k: number, settings: KmeansSettings): Promise<ClusterOutcome> {
  if (data === null) throw new Error('The helper has no data yet.');
  return runClusterJob(data, k, settings);
}

/**
 * What a helper exposes to the pool (the page's workers and the command line's threads alike):
 * outcomes go back transferred, not copied.
 */
export const helperApi = {
  /** Answers once the helper handles messages: the pool gives it jobs from then on. */
  async ready(): Promise<void> {},
  setData,
  async cluster(...args: Parameters<typeof cluster>): Promise<ClusterOutcome> {
    const outcome = await cluster(...args);
    return transfer(outcome, outcomeBuffers(outcome));
  },
};

/** The buffers of an outcome, to transfer rather than copy. */
export function outcomeBuffers(outcome: ClusterOutcome): ArrayBuffer[] {
  return [
    outcome.labels.buffer,
    outcome.centroids.buffer,
    outcome.centroidsOriginal.buffer,
    outcome.sizes.buffer,
  ] as ArrayBuffer[];
}

/**
 * A copy of the data for another worker, and the buffers to transfer with it. The matrix stays in
 * double precision (k-means results must not depend on which worker ran them). Arrays on shared
 * memory (the matrix, the profiles' columns and codes) are not copied at all.
 */
export function copyForTransfer(source: ClusterData): {
  copy: ClusterData;
  buffers: ArrayBuffer[];
} {
  const copy: ClusterData = {
    ...source,
    // A shared matrix goes as it is: every helper reads the one copy.
    matrix: isShared(source.matrix) ? source.matrix : source.matrix.slice(),
    center: source.center.slice(),
    scale: source.scale.slice(),
    profile: {
      n: source.profile.n,
      // A copy in single precision: half the size, and profiles show fewer digits.
      numeric: source.profile.numeric.map((f) => ({
        ...f,
        values: isShared(f.values) ? f.values : Float32Array.from(f.values),
      })),
      categorical: source.profile.categorical.map((c) => ({
        ...c,
        codes: isShared(c.codes) ? c.codes : c.codes.slice(),
        counts: c.counts.slice(),
      })),
    },
  };
  const buffers = [
    ...(isShared(copy.matrix) ? [] : [copy.matrix.buffer]),
    copy.center.buffer,
    copy.scale.buffer,
    ...copy.profile.numeric.filter((f) => !isShared(f.values)).map((f) => f.values.buffer),
    ...copy.profile.categorical.flatMap((c) => (isShared(c.codes) ? [] : [c.codes.buffer])),
    ...copy.profile.categorical.map((c) => c.counts.buffer),
  ] as ArrayBuffer[];
  return { copy, buffers };
}
