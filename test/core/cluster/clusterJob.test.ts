import { describe, expect, it } from 'vitest';
import {
  inlineExecutor,
  jobCost,
  orderBySize,
  outcomeFromLabels,
  runClusterJob,
  warmUpClustering,
  type ClusterOutcome,
  type KmeansSettings,
} from '../../../src/core/cluster/clusterJob';
import { kmeans } from '../../../src/core/cluster/kmeans/kmeans';
import { calinskiHarabasz, daviesBouldin } from '../../../src/core/cluster/quality/clusterMetrics';
import { clusterDataOf, randomMatrix, samePartition, threeBlobs } from '../../support/clusterData';

const settings: KmeansSettings = { nInit: 2, maxIter: 100, seed: 5, localSearch: true };

describe('orderBySize', () => {
  it('renumbers segments largest first, ties in their old order, noise left alone', () => {
    const labels = Int32Array.from([0, 1, 1, 1, 2, 2, 2, -1]);
    const centroids = Float64Array.from([10, 11, 20, 21, 30, 31]);
    const sizes = Int32Array.from([1, 3, 3]);
    const ordered = orderBySize(labels, centroids, sizes, 2);
    // Old 1 and 2 tie at 3 rows: 1 keeps the lower number.
    expect(Array.from(ordered.labels)).toEqual([2, 0, 0, 0, 1, 1, 1, -1]);
    expect(Array.from(ordered.sizes)).toEqual([3, 3, 1]);
    expect(Array.from(ordered.centroids)).toEqual([20, 21, 30, 31, 10, 11]);
  });

  it('gives the labels in the narrowest type and leaves what it was given as it was', () => {
    const labels = Int32Array.from([0, 1, 1]);
    const centroids = Float64Array.from([5, 9]);
    const sizes = Int32Array.from([1, 2]);
    const ordered = orderBySize(labels, centroids, sizes, 1);
    expect(ordered.labels).toBeInstanceOf(Int8Array);
    expect(Array.from(ordered.labels)).toEqual([1, 0, 0]);
    expect(Array.from(labels)).toEqual([0, 1, 1]);
    expect(Array.from(centroids)).toEqual([5, 9]);
    expect(Array.from(sizes)).toEqual([1, 2]);
    expect(ordered.centroids).not.toBe(centroids);
  });

  it('widens the labels where segments outnumber a byte, keeping noise', () => {
    const k = 300;
    const labels = Int32Array.from({ length: k + 1 }, (_, i) => (i === k ? -1 : i));
    const sizes = new Int32Array(k).fill(1);
    sizes[k - 1] = 2; // the last segment becomes segment 0
    const ordered = orderBySize(labels, new Float64Array(k), sizes, 1);
    expect(ordered.labels).toBeInstanceOf(Int16Array);
    expect(ordered.labels[k - 1]).toBe(0);
    expect(ordered.labels[0]).toBe(1);
    expect(ordered.labels[k - 2]).toBe(k - 1);
    expect(ordered.labels[k]).toBe(-1);
  });

  it('copes with no segments at all and with empty ones', () => {
    const none = orderBySize(Int32Array.from([-1, -1]), new Float64Array(0), new Int32Array(0), 3);
    expect(Array.from(none.labels)).toEqual([-1, -1]);
    expect(none.sizes.length).toBe(0);
    const empty = orderBySize(
      Int32Array.from([1, 1]),
      Float64Array.from([7, 8]),
      Int32Array.from([0, 2]),
      1,
    );
    expect(Array.from(empty.labels)).toEqual([0, 0]);
    expect(Array.from(empty.sizes)).toEqual([2, 0]);
    expect(Array.from(empty.centroids)).toEqual([8, 7]);
  });
});

describe('outcomeFromLabels', () => {
  // One feature: two rows near 0, three near 12, one far-away noise row.
  const matrix = Float64Array.from([0, 1, 10, 12, 14, 100]);
  const data = clusterDataOf(matrix, 6, 1);

  it('leaves noise out of the centroids and the inertia, and numbers segments by size', () => {
    const outcome = outcomeFromLabels(data, Int32Array.from([0, 0, 1, 1, 1, -1]), 2);
    expect(Array.from(outcome.labels)).toEqual([1, 1, 0, 0, 0, -1]);
    expect(Array.from(outcome.sizes)).toEqual([3, 2]);
    expect(Array.from(outcome.centroids)).toEqual([12, 0.5]);
    // 0.25 + 0.25 around 0.5; 4 + 0 + 4 around 12; the noise row's 88^2 is not counted.
    expect(outcome.inertia).toBe(8.5);
    expect(outcome.iterations).toBe(0);
    expect(outcome.k).toBe(2);
    expect(outcome.profiles.segments.map((s) => [s.id, s.size])).toEqual([
      [-1, 1],
      [0, 3],
      [1, 2],
    ]);
  });

  it('scores the clustered rows only, as the indices do with noise left out', () => {
    const outcome = outcomeFromLabels(data, Int32Array.from([0, 0, 1, 1, 1, -1]), 2);
    expect(outcome.daviesBouldin).toBe(daviesBouldin(matrix, 6, 1, outcome.labels, true));
    expect(outcome.calinskiHarabasz).toBe(calinskiHarabasz(matrix, 6, 1, outcome.labels, true));
    expect(outcome.daviesBouldin).not.toBe(daviesBouldin(matrix, 6, 1, outcome.labels, false));
  });

  it('has no indices for one segment, or as many segments as clustered rows', () => {
    const one = outcomeFromLabels(data, Int32Array.from([0, 0, 0, 0, 0, -1]), 1);
    expect(one.daviesBouldin).toBeNull();
    expect(one.calinskiHarabasz).toBeNull();
    expect(one.centroids[0]).toBe(37 / 5);
    const each = outcomeFromLabels(data, Int32Array.from([0, 1, -1, -1, -1, -1]), 2);
    expect(each.daviesBouldin).toBeNull();
    expect(each.calinskiHarabasz).toBeNull();
    expect(each.inertia).toBe(0);
  });

  it('gives centroids in the features’ own units: scaling and log1p undone', () => {
    const scaled = clusterDataOf(Float64Array.from([0, 0, 2, 4, 4, 8]), 3, 2, {
      center: Float64Array.from([1, 0.5]),
      scale: Float64Array.from([2, 0.25]),
      transforms: ['none', 'log1p'],
    });
    const outcome = outcomeFromLabels(scaled, Int32Array.from([0, 0, 1]), 2);
    expect(Array.from(outcome.centroids)).toEqual([1, 2, 4, 8]);
    expect(outcome.centroidsOriginal[0]).toBe(1 * 2 + 1);
    expect(outcome.centroidsOriginal[1]).toBeCloseTo(Math.expm1(2 * 0.25 + 0.5), 14);
    expect(outcome.centroidsOriginal[2]).toBe(4 * 2 + 1);
    expect(outcome.centroidsOriginal[3]).toBeCloseTo(Math.expm1(8 * 0.25 + 0.5), 14);
  });
});

describe('runClusterJob', () => {
  const n = 300;
  const matrix = threeBlobs(n, 4);
  const data = clusterDataOf(matrix, n, 2);

  it('is k-means seeded with seed + k, its segments renumbered by size', () => {
    const outcome = runClusterJob(data, 3, settings);
    const direct = kmeans(matrix, n, 2, {
      k: 3,
      nInit: settings.nInit,
      maxIter: settings.maxIter,
      seed: settings.seed + 3,
      localSearch: settings.localSearch,
    });
    expect(samePartition(outcome.labels, direct.labels)).toBe(true);
    expect(outcome.inertia).toBe(direct.inertia);
    expect(outcome.iterations).toBe(direct.iterations);
    expect(Array.from(outcome.sizes)).toEqual([...direct.sizes].sort((a, b) => b - a));
    // Every row is nearest its own centroid, whatever the renumbering.
    for (let i = 0; i < n; i++) {
      const own = outcome.labels[i];
      const at = (c: number) =>
        (matrix[2 * i] - outcome.centroids[2 * c]) ** 2 +
        (matrix[2 * i + 1] - outcome.centroids[2 * c + 1]) ** 2;
      for (let c = 0; c < 3; c++) expect(at(own)).toBeLessThanOrEqual(at(c));
    }
    expect(outcome.daviesBouldin).toBe(daviesBouldin(matrix, n, 2, outcome.labels));
    expect(outcome.calinskiHarabasz).toBe(calinskiHarabasz(matrix, n, 2, outcome.labels));
    expect(outcome.profiles.segments.map((s) => s.size)).toEqual(Array.from(outcome.sizes));
  });

  it('seeds each k with seed + k, on rows where the seed matters', () => {
    // Uniform rows and one plain restart: the seed decides which local optimum comes back.
    const rows = randomMatrix(200, 2, 1);
    const plain: KmeansSettings = { nInit: 1, maxIter: 100, seed: 10, localSearch: false };
    const run = (seed: number) =>
      kmeans(rows, 200, 2, { k: 6, nInit: 1, maxIter: 100, seed, localSearch: false }).inertia;
    expect(run(16)).not.toBe(run(10));
    expect(runClusterJob(clusterDataOf(rows, 200, 2), 6, plain).inertia).toBe(run(16));
  });

  it('gives the same outcome whatever order jobs run in', () => {
    const first = runClusterJob(data, 4, settings);
    runClusterJob(data, 2, settings);
    const again = runClusterJob(data, 4, settings);
    expect(Array.from(again.labels)).toEqual(Array.from(first.labels));
    expect(again.inertia).toBe(first.inertia);
  });

  it('leaves the indices out where they are undefined: one segment, or one row each', () => {
    const one = runClusterJob(data, 1, settings);
    expect(one.daviesBouldin).toBeNull();
    expect(one.calinskiHarabasz).toBeNull();
    const tiny = clusterDataOf(Float64Array.from([0, 1, 5]), 3, 1);
    const each = runClusterJob(tiny, 3, settings);
    expect(each.inertia).toBe(0);
    expect(each.daviesBouldin).toBeNull();
    expect(each.calinskiHarabasz).toBeNull();
  });

  it('reports progress that never goes back and ends at 1', () => {
    const fractions: number[] = [];
    runClusterJob(data, 3, settings, (f) => fractions.push(f));
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.length).toBeLessThan(100);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('inlineExecutor', () => {
  const n = 90;
  const data = clusterDataOf(threeBlobs(n, 8), n, 2);

  it('runs every k in the order given, after the work for this thread', async () => {
    const events: string[] = [];
    const outcomes: ClusterOutcome[] = [];
    const fractions: number[] = [];
    await inlineExecutor.run(
      data,
      [3, 1, 2],
      settings,
      (outcome) => {
        events.push(`k${outcome.k}`);
        outcomes.push(outcome);
      },
      (f) => fractions.push(f),
      () => events.push('before'),
    );
    expect(events).toEqual(['before', 'k3', 'k1', 'k2']);
    expect(outcomes[0].inertia).toBe(runClusterJob(data, 3, settings).inertia);
    expect(fractions.at(-1)).toBeCloseTo(1, 12);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('weighs larger k as more work', () => {
    expect(jobCost(1)).toBeGreaterThan(0);
    for (let k = 1; k < 20; k++) expect(jobCost(k + 1)).toBeGreaterThan(jobCost(k));
  });

  it('does nothing for no k', async () => {
    const seen: number[] = [];
    await inlineExecutor.run(data, [], settings, (outcome) => seen.push(outcome.k));
    expect(seen).toEqual([]);
  });
});

describe('warmUpClustering', () => {
  it('runs its made-up jobs without throwing', () => {
    expect(() => warmUpClustering()).not.toThrow();
  });
});
