import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cutTree,
  LINKAGES,
  mergeTree,
  squareDistances,
  type Linkage,
} from '../../../../src/core/cluster/hierarchy/agglomerative';
import {
  DISTANCE_METRICS,
  rowDistance,
  type DistanceMetric,
} from '../../../../src/core/cluster/distance';
import { randomMatrix, samePartition } from '../../../support/clusterData';
import { isUserError, type UserError } from '../../../../src/core/common/userError';

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

/** Euclidean distance with the squares added one at a time, in column order (scipy's pdist). */
function inOrderEuclidean(matrix: Float64Array, d: number, i: number, j: number): number {
  let sum = 0;
  for (let c = 0; c < d; c++) sum += (matrix[i * d + c] - matrix[j * d + c]) ** 2;
  return Math.sqrt(sum);
}

/**
 * Textbook Prim from row 0, scanning rows 0..n-1 with the first strictly nearer row winning: the
 * single-linkage yardstick. Its edges as [row added last, row added, height], in order.
 */
function textbookPrim(n: number, measure: (i: number, j: number) => number) {
  const inTree = new Uint8Array(n);
  const current = new Float64Array(n).fill(Infinity);
  const edges: [number, number, number][] = [];
  let node = 0;
  for (let step = 1; step < n; step++) {
    inTree[node] = 1;
    let next = -1;
    for (let j = 0; j < n; j++) {
      if (inTree[j] === 1) continue;
      current[j] = Math.min(current[j], measure(node, j));
      if (next === -1 || current[j] < current[next]) next = j;
    }
    edges.push([node, next, current[next]]);
    node = next;
  }
  return edges;
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

describe('mergeTree on hand-made rows', () => {
  // One feature: pairs at 0 and 1, 5 and 6, and a lone row at 20.
  const line = Float64Array.from([0, 1, 5, 6, 20]);

  it('writes single linkage as scipy does: ids below n are rows, n + j is merge j', () => {
    const tree = mergeTree(line, 5, 1, 'single', 'euclidean');
    expect(tree.n).toBe(5);
    expect(Array.from(tree.a)).toEqual([0, 2, 5, 4]);
    expect(Array.from(tree.b)).toEqual([1, 3, 6, 7]);
    expect(Array.from(tree.height)).toEqual([1, 1, 4, 14]);
    expect(Array.from(tree.size)).toEqual([2, 2, 4, 5]);
  });

  it('merges the pairs at the height each linkage gives them', () => {
    const heights = (linkage: Linkage) =>
      Array.from(mergeTree(line, 5, 1, linkage, 'euclidean').height);
    // Complete: the farthest pair; average: the mean pair distance.
    expect(heights('complete')).toEqual([1, 1, 6, 20]);
    expect(heights('average')).toEqual([1, 1, 5, 17]);
    // Ward: sqrt(2 |A| |B| / (|A| + |B|)) times the distance between centroids.
    const ward = heights('ward');
    expect(ward.slice(0, 2)).toEqual([1, 1]);
    expect(ward[2]).toBeCloseTo(Math.sqrt(50), 12);
    expect(ward[3]).toBeCloseTo(Math.sqrt((2 * 4 * 17 ** 2) / 5), 12);
    for (const linkage of LINKAGES) {
      const tree = mergeTree(line, 5, 1, linkage, 'euclidean');
      expect(Array.from(tree.a)).toEqual([0, 2, 5, 4]);
      expect(Array.from(tree.b)).toEqual([1, 3, 6, 7]);
    }
  });

  it('has no merges for one row and refuses no rows', () => {
    const one = mergeTree(Float64Array.from([3, 4]), 1, 2, 'average', 'manhattan');
    expect(one.n).toBe(1);
    expect(one.a.length + one.b.length + one.height.length + one.size.length).toBe(0);
    expect(Array.from(cutTree(one, { k: 3 }))).toEqual([0]);
    expect(() => mergeTree(new Float64Array(0), 0, 2, 'single', 'euclidean')).toThrow(
      'There are no rows to cluster.',
    );
  });

  it('merges identical rows at height 0', () => {
    const same = new Float64Array(12).fill(2);
    for (const linkage of LINKAGES) {
      const tree = mergeTree(same, 6, 2, linkage, 'euclidean');
      expect(Array.from(tree.height)).toEqual([0, 0, 0, 0, 0]);
      expect(tree.size[4]).toBe(6);
    }
  });

  it('joins a row no finite distance reaches to the single-linkage tree, at height Infinity', () => {
    // Cleaning leaves no such value; if one came, every row must still be in the tree once.
    const tree = mergeTree(Float64Array.from([0, 1, Infinity]), 3, 1, 'single', 'euclidean');
    expect(Array.from(tree.height)).toEqual([1, Infinity]);
    expect(tree.size[1]).toBe(3);
  });

  it('clamps a cut to between one cluster and a cluster per row', () => {
    const tree = mergeTree(line, 5, 1, 'single', 'euclidean');
    expect(Array.from(cutTree(tree, { k: 0 }))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(cutTree(tree, { k: 9 }))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(cutTree(tree, { k: 3 }))).toEqual([0, 0, 1, 1, 2]);
    // Merges exactly at the height are made.
    expect(Array.from(cutTree(tree, { height: 4 }))).toEqual([0, 0, 0, 0, 1]);
    expect(Array.from(cutTree(tree, { height: 3.99 }))).toEqual([0, 0, 1, 1, 2]);
  });

  it('numbers clusters in the order of their first row', () => {
    const shuffled = Float64Array.from([20, 5, 0, 6, 1]);
    const tree = mergeTree(shuffled, 5, 1, 'average', 'euclidean');
    expect(Array.from(cutTree(tree, { k: 3 }))).toEqual([0, 1, 2, 1, 2]);
  });

  it('reports progress that never goes back and ends at 1', () => {
    for (const linkage of ['single', 'average'] as const) {
      const fractions: number[] = [];
      mergeTree(randomMatrix(200, 2, 1), 200, 2, linkage, 'euclidean', (f) => fractions.push(f));
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
      expect(fractions.length).toBeLessThanOrEqual(25);
    }
  });

  it('measures Euclidean distances as scipy does: squares added one at a time, in column order', () => {
    // The kernel takes columns in groups of eight and four; any width must give the same doubles.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 21 }),
        fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 42, maxLength: 42 }),
        (d, values) => {
          // Decimals with every bit in use, where the order of the additions shows.
          const matrix = Float64Array.from(values.slice(0, 2 * d), (v) => v / 997);
          const tree = mergeTree(matrix, 2, d, 'complete', 'euclidean');
          expect(tree.height[0]).toBe(inOrderEuclidean(matrix, d, 0, 1));
          // Single linkage measures its distances as it goes, with a kernel of its own.
          const single = mergeTree(matrix, 2, d, 'single', 'euclidean');
          expect(single.height[0]).toBe(inOrderEuclidean(matrix, d, 0, 1));
        },
      ),
      { numRuns: 200 },
    );
    const n = 40;
    for (const d of [3, 8, 13]) {
      const matrix = randomMatrix(n, d, d);
      let nearest = Infinity;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          nearest = Math.min(nearest, inOrderEuclidean(matrix, d, i, j));
      expect(mergeTree(matrix, n, d, 'single', 'euclidean').height[0]).toBe(nearest);
      expect(mergeTree(matrix, n, d, 'average', 'euclidean').height[0]).toBe(nearest);
    }
  });

  it('grows the single-linkage tree from the in-order distances, every height the same double', () => {
    const n = 70;
    for (const d of [3, 8, 13]) {
      const matrix = randomMatrix(n, d, 70 + d);
      const heights = textbookPrim(n, (i, j) => inOrderEuclidean(matrix, d, i, j))
        .map(([, , height]) => height)
        .sort((a, b) => a - b);
      expect(Array.from(mergeTree(matrix, n, d, 'single', 'euclidean').height)).toEqual(heights);
    }
  });

  it('breaks single linkage’s ties as a scan of the rows in order does: the partitions at every k', () => {
    // Small integers: many equal distances, so which row joins first, and which of two equal
    // merges comes first, decide the partitions.
    for (const d of [2, 3, 8]) {
      const n = 45;
      const matrix = Float64Array.from(randomMatrix(n, d, 90 + d), (v) => Math.floor(v * 3));
      const distance = rowDistance('manhattan');
      for (const metric of ['euclidean', 'manhattan'] as const) {
        const edges = textbookPrim(n, (i, j) =>
          metric === 'manhattan'
            ? distance(matrix, i * d, matrix, j * d, d)
            : inOrderEuclidean(matrix, d, i, j),
        );
        // Merges in a stable order of height, each joining the clusters of its two rows.
        const order = edges.map((_, i) => i).sort((a, b) => edges[a][2] - edges[b][2]);
        const tree = mergeTree(matrix, n, d, 'single', metric);
        for (let k = 1; k <= n; k++) {
          const parent = Int32Array.from({ length: n }, (_, i) => i);
          const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
          for (const e of order.slice(0, n - k)) parent[root(edges[e][0])] = root(edges[e][1]);
          const expected = Int32Array.from({ length: n }, (_, i) => root(i));
          expect(samePartition(cutTree(tree, { k }), expected), `d ${d}, ${metric}, k ${k}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('fills the whole square matrix across its 64 x 64 tiles, every entry the in-order sum', () => {
    const n = 150; // two whole tiles and a part
    for (const d of [1, 5, 13]) {
      const matrix = randomMatrix(n, d, 40 + d);
      const D = squareDistances(matrix, n, d, 'euclidean');
      let wrong = 0;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          if (!Object.is(D[i * n + j], i === j ? 0 : inOrderEuclidean(matrix, d, i, j))) wrong++;
        }
      expect(wrong).toBe(0);
    }
    const manhattan = squareDistances(randomMatrix(n, 3, 9), n, 3, 'manhattan');
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) expect(manhattan[j * n + i]).toBe(manhattan[i * n + j]);
  });

  it('says in a sentence when there is no memory for the distance matrix', () => {
    // No typed array holds 10^16 doubles: the allocation fails before any row is read.
    const rows = 100_000_000;
    let thrown: unknown;
    try {
      mergeTree(new Float64Array(2), rows, 1, 'ward', 'euclidean');
    } catch (error) {
      thrown = error;
    }
    expect(isUserError(thrown)).toBe(true);
    expect((thrown as UserError).code).toBe('too-large');
    expect((thrown as UserError).message).toBe(
      'There is not enough memory for the 80,000,000,000 MB that a tree on 100,000,000 rows needs: choose fewer rows in the tree, or close other tabs or programs and try again.',
    );
  });

  it('builds a well-formed tree from any rows, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 60 }),
        fc.constantFrom(...LINKAGES),
        (values, linkage) => {
          const n = values.length >> 1;
          const tree = mergeTree(
            Float64Array.from(values.slice(0, 2 * n)),
            n,
            2,
            linkage,
            'euclidean',
          );
          const used = new Set<number>();
          const sizeOf = (id: number) => (id < n ? 1 : tree.size[id - n]);
          for (let j = 0; j < n - 1; j++) {
            if (j > 0) expect(tree.height[j]).toBeGreaterThanOrEqual(tree.height[j - 1]);
            // Each merge joins two clusters that exist and are not yet merged.
            expect(tree.a[j]).toBeLessThan(tree.b[j]);
            expect(tree.b[j]).toBeLessThan(n + j);
            expect(used.has(tree.a[j]) || used.has(tree.b[j])).toBe(false);
            used.add(tree.a[j]);
            used.add(tree.b[j]);
            expect(tree.size[j]).toBe(sizeOf(tree.a[j]) + sizeOf(tree.b[j]));
          }
          if (n > 1) expect(tree.size[n - 2]).toBe(n);
          for (const k of [1, 2, 3, n])
            expect(new Set(cutTree(tree, { k })).size).toBe(Math.min(k, n));
        },
      ),
      { numRuns: 120 },
    );
  });
});
