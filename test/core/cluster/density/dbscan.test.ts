import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbscan, NOISE } from '../../../../src/core/cluster/density/dbscan';
import { DISTANCE_METRICS, type DistanceMetric } from '../../../../src/core/cluster/distance';
import { createRandom } from '../../../../src/core/common/random';
import { isUserError } from '../../../../src/core/common/userError';
import { bruteNeighbours, randomMatrix, samePartition } from '../../../support/clusterData';

/**
 * What DBSCAN must give, checked against full scans: core rows are those with minPts rows
 * within eps; core rows within eps of each other share a cluster (and only those chains do);
 * clusters are numbered in order of their first core row; a border row takes the cluster that
 * reached it first, the lowest-numbered one among its core neighbours; the rest is noise.
 */
function expectDbscan(
  matrix: Float64Array,
  n: number,
  d: number,
  metric: DistanceMetric,
  eps: number,
  minPts: number,
) {
  const result = dbscan(matrix, n, d, { eps, minPts, metric });
  const near = Array.from({ length: n }, (_, i) => bruteNeighbours(matrix, n, d, metric, i, eps));
  const core = near.map((rows) => rows.length >= minPts);
  expect(Array.from(result.core)).toEqual(core.map(Number));
  // Core rows: the connected parts of the graph joining core rows within eps.
  const part = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (part[i] === i ? i : (part[i] = root(part[i])));
  for (let i = 0; i < n; i++)
    if (core[i]) for (const j of near[i]) if (core[j]) part[root(i)] = root(j);
  const coreRows = core.flatMap((isCore, i) => (isCore ? [i] : []));
  expect(
    samePartition(
      coreRows.map((i) => result.labels[i]),
      coreRows.map((i) => root(i)),
    ),
  ).toBe(true);
  // Clusters in order of discovery: each one's first core row comes after the previous one's.
  const firstCore = new Map<number, number>();
  for (const i of coreRows)
    if (!firstCore.has(result.labels[i])) firstCore.set(result.labels[i], i);
  expect([...firstCore.keys()]).toEqual(Array.from({ length: result.clusters }, (_, c) => c));
  for (let i = 0; i < n; i++) {
    if (core[i]) continue;
    const reached = near[i].filter((j) => core[j]).map((j) => result.labels[j]);
    expect(result.labels[i]).toBe(reached.length === 0 ? NOISE : Math.min(...reached));
  }
  expect(result.noise).toBe(result.labels.filter((label) => label === NOISE).length);
  return result;
}

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

  it('refuses every eps that is not a finite positive number, and a fractional minPts', () => {
    for (const eps of [-1, NaN, Infinity]) {
      let error: unknown = null;
      try {
        dbscan(blobs, 103, 2, { eps, minPts: 4, metric: 'euclidean' });
      } catch (caught) {
        error = caught;
      }
      expect(isUserError(error) && error.code).toBe('bad-option');
    }
    expect(() => dbscan(blobs, 103, 2, { eps: 1, minPts: 2.5, metric: 'euclidean' })).toThrow(
      /minPts must be a whole number of at least 1, not 2.5/,
    );
  });

  // One feature: rows 0..3 and 11..14 are dense; 7 lies exactly eps = 4 from both 3 and 11 but
  // has only 3 rows within eps, so it is a border row of whichever cluster reaches it first.
  it('gives a border row to the cluster that reaches it first, at exactly eps', () => {
    const aFirst = Float64Array.from([7, 0, 1, 2, 3, 11, 12, 13, 14, 30]);
    const a = dbscan(aFirst, 10, 1, { eps: 4, minPts: 4, metric: 'euclidean' });
    expect(Array.from(a.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, NOISE]);
    expect(Array.from(a.core)).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(a.clusters).toBe(2);
    expect(a.noise).toBe(1);
    const bFirst = Float64Array.from([7, 11, 12, 13, 14, 0, 1, 2, 3, 30]);
    const b = dbscan(bFirst, 10, 1, { eps: 4, minPts: 4, metric: 'euclidean' });
    expect(Array.from(b.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, NOISE]);
    // Just inside eps, row 7 has no core row near it: noise.
    const c = dbscan(aFirst, 10, 1, { eps: 3.999, minPts: 4, metric: 'euclidean' });
    expect(c.labels[0]).toBe(NOISE);
  });

  it('makes every row core with minPts 1: clusters are the chains of rows within eps', () => {
    const line = Float64Array.from([0, 1, 2, 10, 11, 50]);
    const result = dbscan(line, 6, 1, { eps: 1, minPts: 1, metric: 'chebyshev' });
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(Array.from(result.core)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(result.noise).toBe(0);
  });

  it('copes with no rows, identical rows, and more minPts than rows', () => {
    const none = dbscan(new Float64Array(0), 0, 2, { eps: 1, minPts: 3, metric: 'euclidean' });
    expect(none).toMatchObject({ clusters: 0, noise: 0 });
    expect(none.labels.length).toBe(0);
    const same = dbscan(new Float64Array(40).fill(2), 20, 2, {
      eps: 0.1,
      minPts: 5,
      metric: 'cosine',
    });
    expect(same.clusters).toBe(1);
    expect(new Set(same.labels)).toEqual(new Set([0]));
    const sparse = dbscan(Float64Array.from([0, 1, 2]), 3, 1, {
      eps: 10,
      minPts: 4,
      metric: 'euclidean',
    });
    expect(sparse.clusters).toBe(0);
    expect(sparse.noise).toBe(3);
  });

  for (const metric of DISTANCE_METRICS)
    it(`follows the rules on random rows (${metric})`, () => {
      const n = 250;
      const matrix = randomMatrix(n, 2, 40);
      expectDbscan(matrix, n, 2, metric, metric === 'cosine' ? 0.01 : 0.25, 4);
    });

  it('follows the rules on any small set of whole-number rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 120 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...DISTANCE_METRICS),
        (values, eps, minPts, metric) => {
          const n = values.length >> 1;
          const matrix = Float64Array.from(values.slice(0, 2 * n));
          expectDbscan(matrix, n, 2, metric, metric === 'cosine' ? eps / 20 : eps, minPts);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports progress that never goes back, ends at 1 and comes a bounded number of times', () => {
    const matrix = randomMatrix(2000, 2, 3);
    const fractions: number[] = [];
    dbscan(matrix, 2000, 2, {
      eps: 0.1,
      minPts: 4,
      metric: 'euclidean',
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.length).toBeLessThanOrEqual(110);
  });
});
