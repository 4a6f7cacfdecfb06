import { describe, expect, it } from 'vitest';
import {
  cutTree,
  LINKAGES,
  mergeTree,
  type Linkage,
} from '../../../src/core/cluster/hierarchy/agglomerative';
import { dbscan, NOISE } from '../../../src/core/cluster/density/dbscan';
import {
  DISTANCE_METRICS,
  rowDistance,
  type DistanceMetric,
} from '../../../src/core/cluster/distance';
import { kDistancePlot, kneeIndex, roundNicely } from '../../../src/core/cluster/density/kDistance';
import { NeighbourSearch, TREE_MAX_DIMENSIONS } from '../../../src/core/cluster/density/neighbours';
import { createRandom } from '../../../src/core/common/random';

function randomMatrix(n: number, d: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * d }, () => random.next() * 4 - 2);
}

function bruteNeighbours(
  matrix: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
  i: number,
  eps: number,
): number[] {
  const distance = rowDistance(metric);
  const found: number[] = [];
  for (let row = 0; row < n; row++)
    if (row === i || distance(matrix, i * d, matrix, row * d, d) <= eps) found.push(row);
  return found;
}

/** Two partitions are the same when each label of one maps to exactly one label of the other. */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const forward = new Map<number, number>();
  const backward = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((forward.get(a[i]) ?? b[i]) !== b[i] || (backward.get(b[i]) ?? a[i]) !== a[i]) return false;
    forward.set(a[i], b[i]);
    backward.set(b[i], a[i]);
  }
  return true;
}

describe('neighbour search', () => {
  for (const metric of DISTANCE_METRICS)
    for (const d of [2, 5, TREE_MAX_DIMENSIONS + 2])
      it(`finds exactly the rows a full scan finds (${metric}, ${d} dimensions)`, () => {
        const n = 300;
        const matrix = randomMatrix(n, d, 7 + d);
        const search = new NeighbourSearch(matrix, n, d, metric);
        const eps = metric === 'cosine' ? 0.3 : d <= 2 ? 0.4 : d * 0.35;
        for (const i of [0, 17, 150, 299]) {
          const found: number[] = [];
          search.ofRow(i, eps, (row) => void found.push(row));
          expect(found.sort((x, y) => x - y)).toEqual(
            bruteNeighbours(matrix, n, d, metric, i, eps),
          );
          // The k-th distance agrees with sorting every distance.
          const all = Array.from({ length: n }, (_, row) => search.between(i, row)).sort(
            (x, y) => x - y,
          );
          expect(search.kthDistanceOfRow(i, 5)).toBeCloseTo(all[4], 12);
        }
      });
});

describe('DBSCAN', () => {
  // Two tight blobs of 50 rows and three far-away rows.
  const blobs = (() => {
    const random = createRandom(3);
    const values: number[] = [];
    for (let i = 0; i < 50; i++) values.push(random.next() * 0.5, random.next() * 0.5);
    for (let i = 0; i < 50; i++) values.push(5 + random.next() * 0.5, 5 + random.next() * 0.5);
    values.push(20, 20, -20, 3, 10, -10);
    return Float64Array.from(values);
  })();

  it('finds the blobs and calls the far rows noise', () => {
    const result = dbscan(blobs, 103, 2, { eps: 0.5, minPts: 4, metric: 'euclidean' });
    expect(result.clusters).toBe(2);
    expect(result.noise).toBe(3);
    expect(Array.from(result.labels.subarray(100))).toEqual([NOISE, NOISE, NOISE]);
    expect(new Set(result.labels.subarray(0, 50))).toEqual(new Set([0]));
    expect(new Set(result.labels.subarray(50, 100))).toEqual(new Set([1]));
    expect(result.core[100]).toBe(0);
  });

  it('marks as core exactly the rows with minPts neighbours, and every cluster holds one', () => {
    const n = 400;
    const matrix = randomMatrix(n, 2, 11);
    const eps = 0.2;
    const minPts = 5;
    const result = dbscan(matrix, n, 2, { eps, minPts, metric: 'manhattan' });
    for (let i = 0; i < n; i++) {
      const count = bruteNeighbours(matrix, n, 2, 'manhattan', i, eps).length;
      expect(result.core[i]).toBe(count >= minPts ? 1 : 0);
      // A non-core row is in a cluster only when a core row of that cluster is within eps.
      if (result.labels[i] !== NOISE && result.core[i] === 0)
        expect(
          bruteNeighbours(matrix, n, 2, 'manhattan', i, eps).some(
            (row) => result.core[row] === 1 && result.labels[row] === result.labels[i],
          ),
        ).toBe(true);
      if (result.labels[i] === NOISE)
        expect(
          bruteNeighbours(matrix, n, 2, 'manhattan', i, eps).some((row) => result.core[row]),
        ).toBe(false);
    }
  });

  it('refuses an eps or minPts that cannot work, in a sentence', () => {
    expect(() => dbscan(blobs, 103, 2, { eps: 0, minPts: 4, metric: 'euclidean' })).toThrow(
      /eps must be a number above 0/,
    );
    expect(() => dbscan(blobs, 103, 2, { eps: 1, minPts: 0, metric: 'euclidean' })).toThrow(
      /minPts must be a whole number/,
    );
  });

  it('suggests an eps at the knee of the k-distance curve', () => {
    const search = new NeighbourSearch(blobs, 103, 2, 'euclidean');
    const plot = kDistancePlot(search, 103, 4);
    expect(plot.distances.length).toBe(103);
    for (let i = 1; i < plot.distances.length; i++)
      expect(plot.distances[i]).toBeGreaterThanOrEqual(plot.distances[i - 1]);
    // Dense rows' 4th neighbours lie well within 0.5, the far rows' are many units away.
    expect(plot.suggestedEps).toBeGreaterThan(0.05);
    expect(plot.suggestedEps).toBeLessThan(1);
    expect(kneeIndex(Float64Array.from([0, 0.1, 0.2, 0.3, 5, 10]))).toBe(3);
    expect(roundNicely(0.123456)).toBe(0.12);
    expect(roundNicely(1234)).toBe(1200);
  });
});

/** Textbook agglomeration, O(n^3): merge the closest pair of clusters until k remain. */
function naiveAgglomerative(
  matrix: Float64Array,
  n: number,
  d: number,
  linkage: Linkage,
  metric: DistanceMetric,
  k: number,
): Int32Array {
  const distance = rowDistance(metric);
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  const between = (a: number[], b: number[]): number => {
    if (linkage === 'ward') {
      const mean = (rows: number[]) =>
        Array.from(
          { length: d },
          (_, j) => rows.reduce((s, r) => s + matrix[r * d + j], 0) / rows.length,
        );
      const ma = mean(a);
      const mb = mean(b);
      let squared = 0;
      for (let j = 0; j < d; j++) squared += (ma[j] - mb[j]) ** 2;
      return Math.sqrt(((2 * a.length * b.length) / (a.length + b.length)) * squared);
    }
    const all = a.flatMap((x) => b.map((y) => distance(matrix, x * d, matrix, y * d, d)));
    if (linkage === 'single') return Math.min(...all);
    if (linkage === 'complete') return Math.max(...all);
    return all.reduce((s, v) => s + v, 0) / all.length;
  };
  while (clusters.length > k) {
    let best = [0, 1];
    let bestDistance = Infinity;
    for (let x = 0; x < clusters.length; x++)
      for (let y = x + 1; y < clusters.length; y++) {
        const value = between(clusters[x], clusters[y]);
        if (value < bestDistance) {
          bestDistance = value;
          best = [x, y];
        }
      }
    const merged = [...clusters[best[0]], ...clusters[best[1]]];
    clusters = clusters.filter((_, i) => i !== best[0] && i !== best[1]);
    clusters.push(merged);
  }
  const labels = new Int32Array(n);
  clusters.forEach((rows, label) => rows.forEach((row) => (labels[row] = label)));
  return labels;
}

describe('agglomerative clustering', () => {
  const n = 60;
  const d = 3;
  const matrix = randomMatrix(n, d, 5);
  for (const linkage of LINKAGES)
    for (const metric of linkage === 'ward' ? (['euclidean'] as const) : DISTANCE_METRICS)
      it(`${linkage} linkage (${metric}) cuts into the partitions of the textbook algorithm`, () => {
        const tree = mergeTree(matrix, n, d, linkage, metric);
        expect(tree.a.length).toBe(n - 1);
        for (let i = 1; i < n - 1; i++)
          expect(tree.height[i]).toBeGreaterThanOrEqual(tree.height[i - 1]);
        expect(tree.size[n - 2]).toBe(n);
        for (const k of [2, 3, 5, 8])
          expect(
            samePartition(
              cutTree(tree, { k }),
              naiveAgglomerative(matrix, n, d, linkage, metric, k),
            ),
          ).toBe(true);
      });

  it('cuts by height: every merge at most that high, and labels follow first rows', () => {
    const tree = mergeTree(matrix, n, d, 'average', 'euclidean');
    const height = tree.height[n - 4];
    const labels = cutTree(tree, { height });
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toBe(0);
    expect(cutTree(tree, { height: -1 })).toEqual(Int32Array.from({ length: n }, (_, i) => i));
    expect(new Set(cutTree(tree, { height: Infinity }))).toEqual(new Set([0]));
  });

  it('refuses Ward linkage with a distance other than Euclidean', () => {
    expect(() => mergeTree(matrix, n, d, 'ward', 'manhattan')).toThrow(/Ward linkage/);
  });
});
