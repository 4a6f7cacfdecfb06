import { describe, expect, it } from 'vitest';
import {
  cutTree,
  LINKAGES,
  mergeTree,
  type Linkage,
} from '../../../src/core/cluster/hierarchy/agglomerative';
import {
  DISTANCE_METRICS,
  rowDistance,
  type DistanceMetric,
} from '../../../src/core/cluster/distance';
import { randomMatrix, samePartition } from '../../support/clusterData';

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
