import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { kmeans, RESTART_SAMPLE } from '../../../../src/core/cluster/kmeans/kmeans';
import type { KMeansKernel } from '../../../../src/core/cluster/kmeans/kernel/kmeansKernel';
import {
  KERNEL_MAX_CELLS,
  kmeansKernelFor,
  releaseKMeansKernel,
  useKMeansKernel,
} from '../../../../src/core/cluster/kmeans/kernel/kmeansKernel';
import { absoluteTolerance } from '../../../../src/core/cluster/kmeans/tolerance';
import { gaussianBlobs as blobs, randomMatrix } from '../../../support/clusterData';

const inertiaOf = (
  data: Float64Array,
  d: number,
  labels: ArrayLike<number>,
  centroids: ArrayLike<number>,
) => {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = 0; j < d; j++) total += (data[i * d + j] - centroids[labels[i] * d + j]) ** 2;
  }
  return total;
};

describe('kmeans', () => {
  const centres = [
    [0, 0],
    [10, 10],
    [0, 10],
  ];
  const data = blobs(300, centres, 1, 1);

  it('finds well-separated clusters', () => {
    const result = kmeans(data, 300, 2, { k: 3, seed: 0 });
    expect(Array.from(result.sizes).sort()).toEqual([100, 100, 100]);
    // Rows i, i+3, i+6 ... come from the same centre: they must share a label.
    for (let i = 3; i < 300; i++) expect(result.labels[i]).toBe(result.labels[i % 3]);
    expect(result.inertia).toBeCloseTo(inertiaOf(data, 2, result.labels, result.centroids), 8);
  });

  it('gives the same output for the same seed and input', () => {
    const messy = blobs(
      500,
      [
        [0, 0],
        [3, 1],
        [1, 4],
        [5, 5],
      ],
      2,
      9,
    );
    const a = kmeans(messy, 500, 2, { k: 4, seed: 42 });
    const b = kmeans(messy, 500, 2, { k: 4, seed: 42 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids));
    expect(a.inertia).toBe(b.inertia);
  });

  it('is at least as good as ml-kmeans (the library baseline) on the same data', () => {
    const messy = blobs(
      400,
      [
        [0, 0],
        [2, 1],
        [1, 3],
        [4, 4],
        [6, 1],
      ],
      1.5,
      5,
    );
    const rows = Array.from({ length: 400 }, (_, i) => [messy[i * 2], messy[i * 2 + 1]]);
    const ours = kmeans(messy, 400, 2, { k: 5, nInit: 10, seed: 1 });
    let baseline = Infinity;
    for (let seed = 0; seed < 10; seed++) {
      const theirs = mlKmeans(rows, 5, { seed, initialization: 'kmeans++' });
      baseline = Math.min(baseline, inertiaOf(messy, 2, theirs.clusters, theirs.centroids.flat()));
    }
    expect(ours.inertia).toBeLessThanOrEqual(baseline * 1.000001);
  });

  it('local search never does worse than plain Lloyd from the same seeds', () => {
    const messy = blobs(
      600,
      [
        [0, 0],
        [2, 1],
        [1, 3],
        [4, 4],
        [6, 1],
        [3, 6],
      ],
      1.4,
      8,
    );
    for (const k of [3, 6, 9]) {
      const plain = kmeans(messy, 600, 2, { k, seed: 3, localSearch: false });
      const refined = kmeans(messy, 600, 2, { k, seed: 3 });
      expect(refined.inertia).toBeLessThanOrEqual(plain.inertia * (1 + 1e-12));
    }
  });

  it('handles k = 1, k = n, one row and duplicate points', () => {
    const one = kmeans(data, 300, 2, { k: 1 });
    expect(one.sizes[0]).toBe(300);
    const pts = Float64Array.from([0, 0, 1, 1, 2, 2]);
    const all = kmeans(pts, 3, 2, { k: 3 });
    expect(all.inertia).toBe(0);
    expect(Array.from(kmeans(Float64Array.from([5, 7]), 1, 2, { k: 1 }).centroids)).toEqual([5, 7]);
    const same = kmeans(Float64Array.from([1, 1, 1, 1, 1, 1]), 3, 2, { k: 2 });
    expect(same.inertia).toBe(0);
    expect(Array.from(same.sizes).reduce((a, b) => a + b)).toBe(3);
  });

  it('refuses more segments than rows with a sentence that says what to do', () => {
    expect(() => kmeans(Float64Array.from([1, 2]), 2, 1, { k: 3 })).toThrow(
      'There are 2 usable rows, fewer than the 3 segments asked for: choose at most 2 segments.',
    );
  });

  it('reports progress from 0 to 1', () => {
    const fractions: number[] = [];
    kmeans(data, 300, 2, { k: 3, nInit: 4, onProgress: (f) => fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it('takes a tolerance worked out beforehand as it works it out itself', () => {
    const rows = randomMatrix(400, 3, 5);
    const options = { k: 5, nInit: 1, maxIter: 300, seed: 2, localSearch: false };
    const own = kmeans(rows, 400, 3, options);
    const given = kmeans(rows, 400, 3, {
      ...options,
      absoluteTol: absoluteTolerance(rows, 400, 3, 1e-4),
    });
    expect(Array.from(given.labels)).toEqual(Array.from(own.labels));
    expect(given.iterations).toBe(own.iterations);
    expect(given.inertia).toBe(own.inertia);
    // And it is the one used: a huge tolerance stops Lloyd after its first step, short of the
    // optimum.
    expect(kmeans(rows, 400, 3, { ...options, absoluteTol: 1e9 }).inertia).toBeGreaterThan(
      own.inertia * 1.01,
    );
  });
});

describe('kmeans on fewer distinct rows than segments', () => {
  it('gives every row a real centre and an inertia of 0, whatever the seed', () => {
    // Two distinct points in three or four rows, as many segments as rows: a segment can lose
    // its last row to an empty one, and its centre is NaN until Lloyd measures its rows again.
    for (const values of [
      [1, 0, 0],
      [0, 0, 1, 1],
    ]) {
      const matrix = Float64Array.from(values);
      const n = values.length;
      for (let seed = 0; seed < 20; seed++) {
        const result = kmeans(matrix, n, 1, { k: n, seed });
        expect(result.inertia).toBe(0);
        for (let i = 0; i < n; i++) expect(result.centroids[result.labels[i]]).toBe(matrix[i]);
      }
    }
  });
});

describe('kmeans with the thread’s scratch arrays', () => {
  it('gives the same answer again after another, larger clustering used them', () => {
    // Past RESTART_SAMPLE rows: the restart and swap samples, seeding and workspaces are reused.
    const n = 55_000;
    const matrix = randomMatrix(n, 2, 21);
    const first = kmeans(matrix, n, 2, { k: 4, nInit: 2, seed: 3 });
    kmeans(randomMatrix(70_000, 3, 22), 70_000, 3, { k: 6, nInit: 2, seed: 9 });
    const again = kmeans(matrix, n, 2, { k: 4, nInit: 2, seed: 3 });
    expect(again.inertia).toBe(first.inertia);
    expect(Array.from(again.centroids)).toEqual(Array.from(first.centroids));
    expect(Array.from(again.labels)).toEqual(Array.from(first.labels));
  });
});

describe('kmeans and the WebAssembly kernel', () => {
  it('copies its samples into the kernel, but never a matrix over 2^20 cells', () => {
    // Over 2^20 cells: the 50,000-row samples are copied into the kernel, Lloyd's last run on
    // every row goes through it a block at a time, so its memory never holds the whole matrix;
    // and the result is JavaScript's to the last bit.
    releaseKMeansKernel();
    const d = 8;
    const large = KERNEL_MAX_CELLS / d + 1;
    const matrix = blobs(
      large,
      [
        [0, 0, 0, 0, 1, 2, 0, 1],
        [2, 1, 3, 0, 0, 1, 1, 0],
        [1, 3, 1, 2, 1, 0, 2, 2],
        [3, 2, 0, 1, 2, 2, 0, 1],
      ],
      1.4,
      3,
    );
    const options = { k: 5, nInit: 1, seed: 0, localSearch: false };
    const result = kmeans(matrix, large, d, options);
    expect(result.labels).toHaveLength(large);
    expect(result.iterations).toBeGreaterThan(1);
    const held = (kmeansKernelFor(1) as KMeansKernel).bytes;
    expect(held).toBeGreaterThanOrEqual(RESTART_SAMPLE * d * 8);
    expect(held).toBeLessThan(large * d * 8);
    useKMeansKernel(false);
    try {
      const inJs = kmeans(matrix, large, d, options);
      expect(result.inertia).toBe(inJs.inertia);
      expect(result.iterations).toBe(inJs.iterations);
      expect(Array.from(result.centroids)).toEqual(Array.from(inJs.centroids));
      expect(Array.from(result.labels)).toEqual(Array.from(inJs.labels));
    } finally {
      useKMeansKernel(true);
    }
  });
});
