import { describe, expect, it } from 'vitest';
import {
  inlineExecutor,
  runClusterJob,
  type ClusterExecutor,
  type ClusterOutcome,
  type KmeansSettings,
} from '../../../../src/core/cluster/clusterJob';
import {
  kmeansElbow,
  type KmeansElbowInput,
} from '../../../../src/core/cluster/kmeans/kmeansElbow';
import { recommendK, type ElbowPoint } from '../../../../src/core/cluster/quality/chooseK';
import { SilhouetteSample } from '../../../../src/core/cluster/quality/silhouette';
import { clusterDataOf, threeBlobs } from '../../../support/clusterData';

const n = 120;
const matrix = threeBlobs(n, 6);
const data = clusterDataOf(matrix, n, 2);
const settings: KmeansSettings = { nInit: 2, maxIter: 100, seed: 0, localSearch: false };

/** The inline executor, recording the ks it is asked for. */
function recording(): ClusterExecutor & { asked: number[][] } {
  const asked: number[][] = [];
  return {
    asked,
    run(jobData, ks, jobSettings, onOutcome, onProgress, before) {
      asked.push([...ks]);
      return inlineExecutor.run(jobData, ks, jobSettings, onOutcome, onProgress, before);
    },
  };
}

const refusing: ClusterExecutor = {
  run: () => Promise.reject(new Error('nothing should be computed again')),
};

async function elbow(overrides: Partial<KmeansElbowInput> & Pick<KmeansElbowInput, 'known'>) {
  const points: ElbowPoint[] = [];
  const progress: number[] = [];
  let samples = 0;
  const clustering = await kmeansElbow({
    data,
    settings,
    kMax: 4,
    silhouette: () => {
      samples++;
      return new SilhouetteSample(matrix, n, 2);
    },
    onElbowPoint: (point) => points.push(point),
    onProgress: (stage, f) => {
      expect(stage).toBe('cluster');
      progress.push(f);
    },
    ...overrides,
  });
  return { clustering, points, progress, samples };
}

describe('kmeansElbow', () => {
  it('runs k-means for every k, largest first, and reports each point once', async () => {
    const executor = recording();
    const known = new Map<number, ClusterOutcome>();
    const { clustering, points, progress, samples } = await elbow({ known, executor });
    expect(executor.asked).toEqual([[4, 3, 2, 1]]);
    expect([...known.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(clustering.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4]);
    expect(clustering.results.map((r) => r.k)).toEqual([1, 2, 3, 4]);
    // The results are the outcomes themselves, not copies.
    clustering.results.forEach((result) => expect(result.labels).toBe(known.get(result.k)!.labels));
    expect(points.map((p) => p.k).sort()).toEqual([1, 2, 3, 4]);
    for (const point of points) expect(clustering.elbow[point.k - 1]).toBe(point);
    expect(samples).toBe(1);
    expect(clustering.elbow[0].silhouette).toBeNull();
    expect(clustering.elbow[2].silhouette).toBeGreaterThan(0.5);
    expect(clustering.elbow[2].inertia).toBe(runClusterJob(data, 3, settings).inertia);
    expect(clustering.recommendation).toEqual(recommendK(clustering.elbow));
    expect(clustering.recommendation.k).toBe(3);
    expect(clustering).toMatchObject({
      k: null,
      density: null,
      pointKinds: null,
      hierarchy: null,
      notes: [],
    });
    expect(progress.at(-1)).toBeCloseTo(1, 12);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('reuses known outcomes without computing them again', async () => {
    const known = new Map<number, ClusterOutcome>();
    const first = await elbow({ known, executor: recording() });
    const again = await elbow({ known, executor: refusing });
    expect(again.clustering.results.map((r) => r.labels)).toEqual(
      first.clustering.results.map((r) => r.labels),
    );
    again.clustering.results.forEach((result, i) =>
      expect(result.labels).toBe(first.clustering.results[i].labels),
    );
    expect(again.points.map((p) => p.k).sort()).toEqual([1, 2, 3, 4]);
    expect(again.samples).toBe(1);
    expect(again.clustering.elbow.map((p) => p.silhouette)).toEqual(
      first.clustering.elbow.map((p) => p.silhouette),
    );
  });

  it('computes only the ks it does not know, and leaves out those beyond kMax', async () => {
    const known = new Map<number, ClusterOutcome>();
    await elbow({ known, executor: recording() });
    const more = recording();
    const wider = await elbow({ known, executor: more, kMax: 6 });
    expect(more.asked).toEqual([[6, 5]]);
    expect(wider.clustering.elbow.map((p) => p.k)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(wider.points.map((p) => p.k).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const narrower = await elbow({ known, executor: refusing, kMax: 2 });
    expect(narrower.clustering.results.map((r) => r.k)).toEqual([1, 2]);
    expect(narrower.points.map((p) => p.k).sort()).toEqual([1, 2]);
  });

  it('holds back points that arrive before the silhouette sample, then reports each once', async () => {
    // A pool whose workers finish before this thread has made the sample.
    const eager: ClusterExecutor = {
      async run(jobData, ks, jobSettings, onOutcome, _onProgress, before) {
        for (const k of ks) onOutcome(runClusterJob(jobData, k, jobSettings));
        before?.();
      },
    };
    const known = new Map<number, ClusterOutcome>();
    const events: string[] = [];
    const clustering = await kmeansElbow({
      data,
      settings,
      kMax: 3,
      known,
      executor: eager,
      silhouette: () => {
        events.push('sample');
        return new SilhouetteSample(matrix, n, 2);
      },
      onElbowPoint: (point) => events.push(`k${point.k}`),
    });
    expect(events[0]).toBe('sample');
    expect(events.slice(1).sort()).toEqual(['k1', 'k2', 'k3']);
    expect(clustering.elbow[1].silhouette).not.toBeNull();
  });

  it('says it is a bug when the executor loses a k', async () => {
    const forgetful: ClusterExecutor = {
      async run(jobData, ks, jobSettings, onOutcome, _onProgress, before) {
        before?.();
        for (const k of ks) if (k !== 2) onOutcome(runClusterJob(jobData, k, jobSettings));
      },
    };
    await expect(elbow({ known: new Map(), executor: forgetful })).rejects.toThrow(
      'the clustering for k = 2 did not come back',
    );
  });

  it('has no silhouette for two rows, and runs on this thread without an executor', async () => {
    const two = clusterDataOf(Float64Array.from([0, 0, 5, 5]), 2, 2);
    const points: ElbowPoint[] = [];
    const clustering = await kmeansElbow({
      data: two,
      settings,
      kMax: 2,
      known: new Map(),
      silhouette: () => null,
      onElbowPoint: (point) => points.push(point),
    });
    expect(clustering.elbow.map((p) => [p.k, p.silhouette])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(clustering.elbow[1].inertia).toBe(0);
    expect(points).toHaveLength(2);
  });
});
