import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowDistance } from '../../../../src/core/cluster/distance';
import { KdTree, type TreeMetric } from '../../../../src/core/cluster/density/kdTree';
import { createRandom } from '../../../../src/core/common/random';

const METRICS: readonly TreeMetric[] = ['euclidean', 'manhattan', 'chebyshev'];

/** Whole-number coordinates in [0, span): distances on them are exact, so ties at the radius are real ties. */
function gridMatrix(n: number, d: number, span: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: n * d }, () => random.int(span));
}

/** The rows within `radius` of a query, and the distance to its k-th nearest, by a full scan. */
function scan(
  rows: Float64Array,
  n: number,
  d: number,
  metric: TreeMetric,
  query: Float64Array,
  offset: number,
) {
  const distance = rowDistance(metric);
  const all = Array.from({ length: n }, (_, row) => distance(query, offset, rows, row * d, d));
  return {
    within: (radius: number) => all.flatMap((dist, row) => (dist <= radius ? [row] : [])),
    kth: (k: number) => [...all].sort((a, b) => a - b)[k - 1] ?? Infinity,
  };
}

function radiusQuery(
  tree: KdTree,
  rows: Float64Array,
  d: number,
  metric: TreeMetric,
  query: Float64Array,
  offset: number,
  radius: number,
) {
  const distance = rowDistance(metric);
  const found: number[] = [];
  tree.radius(
    query,
    offset,
    radius,
    metric,
    (row) => distance(query, offset, rows, row * d, d),
    (row, dist) => {
      expect(dist).toBe(distance(query, offset, rows, row * d, d));
      found.push(row);
    },
  );
  return found.sort((a, b) => a - b);
}

function kthQuery(
  tree: KdTree,
  rows: Float64Array,
  d: number,
  metric: TreeMetric,
  query: Float64Array,
  offset: number,
  k: number,
) {
  const distance = rowDistance(metric);
  return tree.kthDistance(query, offset, k, metric, (row) =>
    distance(query, offset, rows, row * d, d),
  );
}

describe('KdTree', () => {
  // 400 rows on a 12 x 12 x 12 grid: many leaves, many duplicates and many rows exactly at a
  // whole-number radius.
  const n = 400;
  const d = 3;
  const rows = gridMatrix(n, d, 12, 1);
  // Row 1 two steps from row 0 along the first axis: at 2 under every metric.
  rows.set([rows[0] + 2, rows[1], rows[2]], d);
  const tree = new KdTree(rows, n, d);

  it('orders every row exactly once', () => {
    expect([...tree.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  for (const metric of METRICS)
    it(`finds exactly the rows a scan finds within a radius, rows exactly at it included (${metric})`, () => {
      const radii =
        metric === 'euclidean' ? [0, 1, Math.sqrt(2), 2, Math.sqrt(5), 3] : [0, 1, 2, 3, 5];
      for (const row of [0, 7, 123, 399]) {
        const expected = scan(rows, n, d, metric, rows, row * d);
        for (const radius of radii) {
          const found = radiusQuery(tree, rows, d, metric, rows, row * d, radius);
          expect(found).toEqual(expected.within(radius));
        }
      }
      // Row 1 lies exactly at radius 2 from row 0, and the tree keeps it.
      expect(radiusQuery(tree, rows, d, metric, rows, 0, 2)).toContain(1);
      expect(radiusQuery(tree, rows, d, metric, rows, 0, 1.999)).not.toContain(1);
    });

  for (const metric of METRICS)
    it(`gives the k-th nearest distance a sorted scan gives (${metric})`, () => {
      for (const row of [3, 200, 350]) {
        const expected = scan(rows, n, d, metric, rows, row * d);
        for (const k of [1, 2, 5, 24, 25, 100, n])
          expect(kthQuery(tree, rows, d, metric, rows, row * d, k)).toBe(expected.kth(k));
      }
      // A query that is not one of the rows, far outside every box.
      const outside = Float64Array.from([-40, 5.5, 100]);
      const expected = scan(rows, n, d, metric, outside, 0);
      for (const k of [1, 7, n])
        expect(kthQuery(tree, rows, d, metric, outside, 0, k)).toBe(expected.kth(k));
      expect(radiusQuery(tree, rows, d, metric, outside, 0, 30)).toEqual(expected.within(30));
    });

  it('counts a query row as its own nearest, at 0', () => {
    expect(kthQuery(tree, rows, d, 'euclidean', rows, 5 * d, 1)).toBe(0);
  });

  it('is Infinity for the k-th nearest when there are fewer than k rows', () => {
    expect(kthQuery(tree, rows, d, 'manhattan', rows, 0, n + 1)).toBe(Infinity);
  });

  it('stops as soon as the visitor says so', () => {
    let visits = 0;
    tree.radius(
      rows,
      0,
      100,
      'chebyshev',
      () => 0,
      () => {
        visits++;
        return visits === 3;
      },
    );
    expect(visits).toBe(3);
  });

  it('fills the heap it is given with the k smallest distances', () => {
    const heap = new Float64Array(6);
    const distance = rowDistance('euclidean');
    const kth = tree.kthDistance(
      rows,
      0,
      6,
      'euclidean',
      (row) => distance(rows, 0, rows, row * d, d),
      heap,
    );
    const expected = scan(rows, n, d, 'euclidean', rows, 0);
    expect(kth).toBe(expected.kth(6));
    expect([...heap].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6].map((k) => expected.kth(k)));
  });

  it('keeps many identical rows in one leaf and still finds them all', () => {
    const same = new Float64Array(300 * 2).fill(4);
    const flat = new KdTree(same, 300, 2);
    expect(radiusQuery(flat, same, 2, 'euclidean', same, 0, 0)).toHaveLength(300);
    expect(kthQuery(flat, same, 2, 'manhattan', same, 0, 300)).toBe(0);
    expect(radiusQuery(flat, same, 2, 'chebyshev', Float64Array.from([4, 5]), 0, 0.5)).toEqual([]);
  });

  it('holds no rows without failing, and works in one dimension and in none', () => {
    const empty = new KdTree(new Float64Array(0), 0, 3);
    expect(empty.order.length).toBe(0);
    expect(
      radiusQuery(empty, new Float64Array(0), 3, 'euclidean', Float64Array.from([0, 0, 0]), 0, 10),
    ).toEqual([]);
    expect(
      kthQuery(empty, new Float64Array(0), 3, 'euclidean', Float64Array.from([0, 0, 0]), 0, 1),
    ).toBe(Infinity);
    const line = Float64Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    const lineTree = new KdTree(line, 100, 1);
    expect(radiusQuery(lineTree, line, 1, 'euclidean', Float64Array.from([50]), 0, 3)).toEqual(
      scan(line, 100, 1, 'euclidean', Float64Array.from([50]), 0).within(3),
    );
    const none = new KdTree(new Float64Array(0), 30, 0);
    expect(
      radiusQuery(none, new Float64Array(0), 0, 'euclidean', new Float64Array(0), 0, 0),
    ).toHaveLength(30);
  });

  it('agrees with a scan on any small set of rows, query and radius', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((dims) =>
          fc.record({
            d: fc.constant(dims),
            values: fc.array(fc.integer({ min: -6, max: 6 }), {
              minLength: dims,
              maxLength: 80 * dims,
            }),
            query: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: dims, maxLength: dims }),
            radius: fc.integer({ min: 0, max: 12 }).map((r) => r / 2),
            k: fc.integer({ min: 1, max: 90 }),
            metric: fc.constantFrom(...METRICS),
          }),
        ),
        ({ d: dims, values, query, radius, k, metric }) => {
          const count = Math.floor(values.length / dims);
          const matrix = Float64Array.from(values.slice(0, count * dims));
          const q = Float64Array.from(query);
          const small = new KdTree(matrix, count, dims);
          const expected = scan(matrix, count, dims, metric, q, 0);
          expect(radiusQuery(small, matrix, dims, metric, q, 0, radius)).toEqual(
            expected.within(radius),
          );
          expect(kthQuery(small, matrix, dims, metric, q, 0, k)).toBe(
            count < k ? Infinity : expected.kth(k),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
