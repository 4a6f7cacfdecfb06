import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squaredDistance } from '../../../../src/core/cluster/distance';
import type { KMeansResult } from '../../../../src/core/cluster/kmeans/lloyd';
import {
  hartigan,
  screenSwap,
  SCREEN_MARGIN,
  SCREEN_TOLERANCE,
  swapSearch,
} from '../../../../src/core/cluster/kmeans/localSearch';
import { lloyd } from '../../../../src/core/cluster/kmeans/lloyd';
import { createRandom } from '../../../../src/core/common/random';
import { gaussianBlobs, randomMatrix } from '../../../support/clusterData';

/** The inertia of labels and centroids, summed directly. */
function inertiaOf(matrix: Float64Array, n: number, d: number, result: KMeansResult): number {
  let total = 0;
  for (let i = 0; i < n; i++)
    total += squaredDistance(matrix, i * d, result.centroids, result.labels[i] * d, d);
  return total;
}

describe('hartigan', () => {
  // One feature: 0, 2 and 3. Lloyd is stuck at {0, 2} | {3} (2 is as near 1 as 3), inertia 2;
  // moving 2 over costs 0.5 and saves 2, since moving a row also moves both centres.
  const rows = Float64Array.from([0, 2, 3]);
  const stuck = lloyd(rows, 3, 1, 2, Float64Array.from([1, 3]), 300, 0);

  it('leaves a Lloyd fixed point that Hartigan’s moves improve', () => {
    expect(Array.from(stuck.labels)).toEqual([0, 0, 1]);
    expect(stuck.inertia).toBe(2);
    const moved = hartigan(rows, 3, 1, stuck);
    expect(Array.from(moved.labels)).toEqual([0, 1, 1]);
    expect(Array.from(moved.centroids)).toEqual([0, 2.5]);
    expect(Array.from(moved.sizes)).toEqual([1, 2]);
    expect(moved.inertia).toBe(0.5);
    // The start is left as it was.
    expect(Array.from(stuck.labels)).toEqual([0, 0, 1]);
    expect(Array.from(stuck.centroids)).toEqual([1, 3]);
  });

  it('counts that a move shifts the centre the row leaves, not only the one it joins', () => {
    // 2 is 1 from its centre and 1.7 from the lone 3.7: moving it costs 1.445 and saves 2 (not 1).
    const three = Float64Array.from([0, 2, 3.7]);
    const start = lloyd(three, 3, 1, 2, Float64Array.from([1, 3.7]), 300, 0);
    expect(Array.from(start.labels)).toEqual([0, 0, 1]);
    const moved = hartigan(three, 3, 1, start);
    expect(Array.from(moved.labels)).toEqual([0, 1, 1]);
    expect(moved.inertia).toBeCloseTo(2 * 0.85 ** 2, 12);
  });

  it('returns its start, unchanged, when no move pays', () => {
    const pairs = Float64Array.from([0, 1, 10, 11]);
    const optimum = lloyd(pairs, 4, 1, 2, Float64Array.from([0, 11]), 300, 0);
    expect(hartigan(pairs, 4, 1, optimum)).toBe(optimum);
  });

  it('never raises the inertia or empties a cluster, and measures the inertia exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 60 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 0, max: 10_000 }),
        (n, wanted, seed) => {
          const k = Math.min(wanted, n);
          const matrix = randomMatrix(n, 2, seed);
          const start = lloyd(matrix, n, 2, k, matrix.slice(0, 2 * k), 100, 0);
          const result = hartigan(matrix, n, 2, start);
          expect(result.inertia).toBeLessThanOrEqual(start.inertia * (1 + 1e-12));
          expect(result.inertia).toBeCloseTo(inertiaOf(matrix, n, 2, result), 9);
          const sizes = new Array<number>(k).fill(0);
          for (const label of result.labels) sizes[label]++;
          expect(Array.from(result.sizes)).toEqual(sizes);
          // No cluster that had rows is emptied.
          if (start.sizes.every((size) => size > 0))
            expect(sizes.every((size) => size > 0)).toBe(true);
          // Centroids are the means of their rows.
          for (let c = 0; c < k; c++) {
            if (result === start) break;
            let sum = 0;
            for (let i = 0; i < n; i++) if (result.labels[i] === c) sum += matrix[2 * i];
            expect(result.centroids[2 * c]).toBeCloseTo(sum / sizes[c], 9);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('swapSearch', () => {
  // Three far-apart blobs, and a start with two centres in the first blob.
  const n = 300;
  const d = 2;
  const matrix = gaussianBlobs(
    n,
    [
      [0, 0],
      [20, 0],
      [0, 20],
    ],
    1,
    4,
  );
  const k = 3;
  const refine = (centres: Float64Array) => lloyd(matrix, n, d, k, centres, 300, 0);
  const stuck = refine(Float64Array.from([matrix[0], matrix[1], matrix[3], matrix[4], 10, 10]));
  const optimum = refine(matrix.slice(0, 6));

  it('moves a centre out of a crowded blob to where the rows are', () => {
    expect(stuck.inertia).toBeGreaterThan(optimum.inertia * 2);
    const found = swapSearch(matrix, n, d, stuck, refine, createRandom(1), () => {});
    expect(found.inertia).toBeCloseTo(optimum.inertia, 6);
  });

  it('gives the same result for the same seed', () => {
    const a = swapSearch(matrix, n, d, stuck, refine, createRandom(9), () => {});
    const b = swapSearch(matrix, n, d, stuck, refine, createRandom(9), () => {});
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
  });

  it('stops after 3k fruitless informed swaps in a row (a blind swap between each two), or k/2 with less patience (at least 2)', () => {
    let calls = 0;
    const useless = (centres: Float64Array) => {
      calls++;
      return { ...optimum, centroids: centres, inertia: optimum.inertia * (1 - 1e-12) };
    };
    // Not better by the margin that counts: every swap is fruitless.
    expect(swapSearch(matrix, n, d, optimum, useless, createRandom(0), () => {})).toBe(optimum);
    expect(calls).toBe(2 * 9 - 1);
    calls = 0;
    swapSearch(matrix, n, d, optimum, useless, createRandom(0), () => {}, 0.5);
    expect(calls).toBe(2 * 2 - 1);
    // k = 5: patience ceil(2.5) = 3.
    const five = lloyd(matrix, n, d, 5, matrix.slice(0, 10), 300, 0);
    calls = 0;
    swapSearch(matrix, n, d, five, useless, createRandom(0), () => {}, 0.5);
    expect(calls).toBe(2 * 3 - 1);
  });

  it('swaps at most (patience + 7) k times in all, and as many blind, however often it improves', () => {
    let calls = 0;
    let inertia = optimum.inertia;
    const alwaysBetter = (centres: Float64Array) => {
      calls++;
      inertia /= 2;
      return { ...optimum, centroids: centres, inertia };
    };
    const found = swapSearch(matrix, n, d, optimum, alwaysBetter, createRandom(0), () => {});
    expect(calls).toBe(2 * 10 * k);
    expect(found.inertia).toBe(inertia);
  });

  it('reports progress that never goes back and ends at 1', () => {
    const fractions: number[] = [];
    swapSearch(matrix, n, d, stuck, refine, createRandom(2), (f) => fractions.push(f));
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
  });
});

describe('screenSwap', () => {
  const n = 600;
  const d = 2;
  const matrix = gaussianBlobs(
    n,
    [
      [0, 0],
      [5, 0],
      [0, 5],
      [5, 5],
    ],
    1.2,
    4,
  );
  const start = Float64Array.from([0, 0, 0.5, 0.5, 5, 5, 5, 0]);
  const tolerance = 1e-4;
  const lloydTo = (centres: Float64Array, to: number) => lloyd(matrix, n, d, 4, centres, 300, to);

  it('refines to the looser tolerance first and gives up a solution well above the bar', () => {
    const tolerances: number[] = [];
    const quick = lloydTo(start, tolerance * SCREEN_TOLERANCE);
    const result = screenSwap(
      (centres, to) => (tolerances.push(to), lloydTo(centres, to)),
      start,
      tolerance,
      quick.inertia / (1 + SCREEN_MARGIN),
    );
    expect(tolerances).toEqual([tolerance * SCREEN_TOLERANCE]);
    expect(result.inertia).toBe(quick.inertia);
  });

  it('refines on to the tolerance, from where it stopped, a solution near or under the bar', () => {
    const quick = lloydTo(start, tolerance * SCREEN_TOLERANCE);
    for (const bar of [quick.inertia, quick.inertia / (1 + SCREEN_MARGIN / 2), Infinity]) {
      const calls: { centres: number[]; to: number }[] = [];
      const result = screenSwap(
        (centres, to) => (calls.push({ centres: Array.from(centres), to }), lloydTo(centres, to)),
        start,
        tolerance,
        bar,
      );
      expect(calls.map((call) => call.to)).toEqual([tolerance * SCREEN_TOLERANCE, tolerance]);
      expect(calls[1].centres).toEqual(Array.from(quick.centroids));
      expect(result.inertia).toBe(lloydTo(quick.centroids, tolerance).inertia);
      // Never worse than a Lloyd run to the tolerance from the swapped centres, here.
      expect(result.inertia).toBeLessThanOrEqual(lloydTo(start, tolerance).inertia * (1 + 1e-12));
    }
  });
});
