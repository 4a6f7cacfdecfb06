import { describe, expect, it } from 'vitest';
import {
  K_DISTANCE_SAMPLE,
  kDistancePlot,
  kneeIndex,
  roundNicely,
} from '../../../../src/core/cluster/density/kDistance';
import { NeighbourSearch } from '../../../../src/core/cluster/density/neighbours';
import { createRandom, sampleIndices } from '../../../../src/core/common/random';
import { randomMatrix } from '../../../support/clusterData';

// Two tight blobs of 50 rows and three far-away rows.
const blobs = (() => {
  const random = createRandom(3);
  const values: number[] = [];
  for (let i = 0; i < 50; i++) values.push(random.next() * 0.5, random.next() * 0.5);
  for (let i = 0; i < 50; i++) values.push(5 + random.next() * 0.5, 5 + random.next() * 0.5);
  values.push(20, 20, -20, 3, 10, -10);
  return Float64Array.from(values);
})();

/** Each row's distance to its k-th nearest row (itself first), by sorting every distance. */
function bruteKDistance(search: NeighbourSearch, n: number, row: number, k: number): number {
  const all = Array.from({ length: n }, (_, other) => search.between(row, other)).sort(
    (a, b) => a - b,
  );
  return all[k - 1];
}

describe('kDistancePlot', () => {
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

  it('plots the exact k-th distances of every row when there are few, sorted', () => {
    const n = 120;
    const matrix = randomMatrix(n, 3, 9);
    const search = new NeighbourSearch(matrix, n, 3, 'manhattan');
    const plot = kDistancePlot(search, n, 6, 0);
    const expected = Array.from({ length: n }, (_, row) => bruteKDistance(search, n, row, 6)).sort(
      (a, b) => a - b,
    );
    expect(Array.from(plot.distances)).toEqual(expected);
    expect(plot.minPts).toBe(6);
    expect(plot.suggestedEps).toBe(roundNicely(plot.distances[plot.knee]));
    expect(plot.knee).toBe(kneeIndex(plot.distances));
  });

  it('samples rows with its seed when there are more than the sample size', () => {
    const n = 500;
    const matrix = randomMatrix(n, 2, 4);
    const search = new NeighbourSearch(matrix, n, 2, 'euclidean');
    const plot = kDistancePlot(search, n, 3, 7, 40);
    expect(plot.distances.length).toBe(40);
    expect(Array.from(kDistancePlot(search, n, 3, 7, 40).distances)).toEqual(
      Array.from(plot.distances),
    );
    // The sample is the seeded one: the same rows' k-distances, sorted.
    const rows = sampleIndices(n, 40, createRandom(7 ^ 0x6b64));
    const expected = Array.from(rows, (row) => bruteKDistance(search, n, row, 3)).sort(
      (a, b) => a - b,
    );
    expect(Array.from(plot.distances)).toEqual(expected);
    expect(K_DISTANCE_SAMPLE).toBe(2000);
  });

  it('counts at most every row as a neighbour, and at least the row itself', () => {
    const matrix = Float64Array.from([0, 1, 3, 7]);
    const search = new NeighbourSearch(matrix, 4, 1, 'euclidean');
    // minPts above the rows: the farthest row; minPts 0 or 1: the row itself, at 0.
    expect(Array.from(kDistancePlot(search, 4, 10).distances)).toEqual([4, 6, 7, 7]);
    expect(Array.from(kDistancePlot(search, 4, 0).distances)).toEqual([0, 0, 0, 0]);
    expect(Array.from(kDistancePlot(search, 4, 1).distances)).toEqual([0, 0, 0, 0]);
    expect(kDistancePlot(search, 4, 10).minPts).toBe(10);
  });

  it('suggests 0 when most rows are identical (the caller then asks for an eps)', () => {
    const matrix = new Float64Array(30).fill(5);
    matrix[29] = 9;
    const search = new NeighbourSearch(matrix, 30, 1, 'euclidean');
    expect(kDistancePlot(search, 30, 4).suggestedEps).toBe(0);
  });
});

describe('kDistancePlot of no rows', () => {
  // BUG: with no rows the plot is empty and the knee's distance is read past its end, so
  // suggestedEps, typed number, is undefined (densityClusters then says "Most rows are
  // identical"). The session never gets here (it refuses fewer than two rows first).
  it.fails('suggests a number even when there is nothing to plot', () => {
    const search = new NeighbourSearch(new Float64Array(0), 0, 2, 'euclidean');
    const plot = kDistancePlot(search, 0, 5);
    expect(plot.distances.length).toBe(0);
    expect(typeof plot.suggestedEps).toBe('number');
  });
});

describe('kneeIndex', () => {
  it('is the point farthest below the chord of an ascending curve', () => {
    expect(kneeIndex(Float64Array.from([0, 1, 2, 3, 4, 20]))).toBe(4);
    expect(kneeIndex(Float64Array.from([1, 1, 1, 1, 2]))).toBe(3);
    // Two points equally far below: the first, the smaller eps.
    expect(kneeIndex(Float64Array.from([0, 0, 0.5, 0.5, 1]))).toBe(1);
  });

  it('falls back to the last point: a straight line, a concave curve, a flat one, few points', () => {
    expect(kneeIndex(Float64Array.from([0, 1, 2, 3]))).toBe(3);
    expect(kneeIndex(Float64Array.from([0, 5, 6, 6.5, 7]))).toBe(4);
    expect(kneeIndex(Float64Array.from([2, 2, 2, 2]))).toBe(3);
    expect(kneeIndex(Float64Array.from([0, 9]))).toBe(1);
    expect(kneeIndex(Float64Array.from([4]))).toBe(0);
    expect(kneeIndex(new Float64Array(0))).toBe(0);
  });
});

describe('roundNicely', () => {
  it('keeps two significant digits', () => {
    expect(roundNicely(0.0012345)).toBe(0.0012);
    expect(roundNicely(0.456)).toBe(0.46);
    expect(roundNicely(99.5)).toBe(100);
    expect(roundNicely(7)).toBe(7);
  });

  it('leaves zero, negatives and non-finite values as they are', () => {
    expect(roundNicely(0)).toBe(0);
    expect(roundNicely(-3.14159)).toBe(-3.14159);
    expect(roundNicely(NaN)).toBeNaN();
    expect(roundNicely(Infinity)).toBe(Infinity);
  });
});
