import { describe, expect, it } from 'vitest';
import { DISTANCE_METRICS, rowDistance } from '../../../../src/core/cluster/distance';
import {
  NeighbourSearch,
  TREE_MAX_DIMENSIONS,
} from '../../../../src/core/cluster/density/neighbours';
import { createRandom } from '../../../../src/core/common/random';
import { bruteNeighbours, randomMatrix } from '../../../support/clusterData';

const ascending = (rows: number[]) => rows.sort((x, y) => x - y);

function neighboursOf(search: NeighbourSearch, i: number, eps: number): number[] {
  const found: number[] = [];
  search.ofRow(i, eps, (row) => void found.push(row));
  return ascending(found);
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

  for (const metric of DISTANCE_METRICS)
    for (const d of [3, TREE_MAX_DIMENSIONS, TREE_MAX_DIMENSIONS + 1])
      it(`keeps the rows exactly at eps (${metric}, ${d} dimensions)`, () => {
        // Whole numbers: many rows at exactly the same distance from a row.
        const random = createRandom(d);
        const n = 200;
        const matrix = Float64Array.from({ length: n * d }, () => random.int(4) - 1);
        const search = new NeighbourSearch(matrix, n, d, metric);
        const distance = rowDistance(metric);
        for (const i of [0, 99]) {
          // eps is the very distance from row i to some other rows, as the metric computes it.
          for (const j of [1, 50, 150]) {
            const eps = distance(matrix, i * d, matrix, j * d, d);
            if (!(eps > 0)) continue;
            const found = neighboursOf(search, i, eps);
            expect(found).toContain(j);
            expect(found).toEqual(bruteNeighbours(matrix, n, d, metric, i, eps));
          }
        }
      });

  it('puts a row at 0 from itself and measures other pairs with the metric', () => {
    const matrix = Float64Array.from([0, 0, 3, 4, 6, 8]);
    const cosine = new NeighbourSearch(matrix, 3, 2, 'cosine');
    // A row of zeros has no direction: 1 from every other row, but 0 from itself.
    expect(cosine.between(0, 0)).toBe(0);
    expect(cosine.between(0, 1)).toBe(1);
    expect(cosine.between(1, 2)).toBeCloseTo(0, 15);
    const manhattan = new NeighbourSearch(matrix, 3, 2, 'manhattan');
    expect(manhattan.between(0, 2)).toBe(14);
    expect(manhattan.metric).toBe('manhattan');
  });

  it('finds a row of zeros and its neighbours under cosine as a scan does', () => {
    const matrix = Float64Array.from([0, 0, 1, 0, 0, 0, 0, 2, -1, 0.1]);
    const search = new NeighbourSearch(matrix, 5, 2, 'cosine');
    for (const eps of [0.5, 1, 1.5, 2])
      for (let i = 0; i < 5; i++)
        expect(neighboursOf(search, i, eps)).toEqual(
          bruteNeighbours(matrix, 5, 2, 'cosine', i, eps),
        );
  });

  for (const metric of DISTANCE_METRICS)
    for (const d of [2, TREE_MAX_DIMENSIONS + 3])
      it(`searches from rows outside the searched matrix (${metric}, ${d} dimensions)`, () => {
        const n = 150;
        const matrix = randomMatrix(n, d, 31);
        const queries = randomMatrix(20, d, 32);
        const search = new NeighbourSearch(matrix, n, d, metric);
        const queryRows = search.indexRowsOf(queries, 20);
        if (metric !== 'cosine') expect(queryRows).toBe(queries);
        const distance = rowDistance(metric);
        const eps = metric === 'cosine' ? 0.2 : d * 0.3;
        for (let q = 0; q < 20; q++) {
          const found: number[] = [];
          search.within(queries, queryRows, q, -1, eps, (row, dist) => {
            expect(dist).toBe(distance(queries, q * d, matrix, row * d, d));
            found.push(row);
          });
          const expected: number[] = [];
          for (let row = 0; row < n; row++)
            if (distance(queries, q * d, matrix, row * d, d) <= eps) expected.push(row);
          expect(ascending(found)).toEqual(expected);
        }
      });

  for (const d of [2, TREE_MAX_DIMENSIONS + 1])
    it(`stops when the visitor says so (${d} dimensions)`, () => {
      const matrix = new Float64Array(50 * d);
      const search = new NeighbourSearch(matrix, 50, d, 'euclidean');
      let visits = 0;
      search.ofRow(0, 1, () => ++visits === 4);
      expect(visits).toBe(4);
    });

  it('gives the k-th distance of a row as a sort of every distance, in many dimensions too', () => {
    for (const metric of DISTANCE_METRICS) {
      const d = TREE_MAX_DIMENSIONS + 1;
      const matrix = randomMatrix(60, d, 5);
      const search = new NeighbourSearch(matrix, 60, d, metric);
      const all = Array.from({ length: 60 }, (_, row) => search.between(7, row)).sort(
        (x, y) => x - y,
      );
      expect(search.kthDistanceOfRow(7, 1)).toBe(0);
      expect(search.kthDistanceOfRow(7, 10)).toBe(all[9]);
      expect(search.kthDistanceOfRow(7, 60)).toBe(all[59]);
      expect(search.kthDistanceOfRow(7, 61)).toBe(Infinity);
    }
  });

  // BUG: on the k-d tree path, the cosine k-th distance is read off the unit sphere as
  // |u - v|^2 / 2, which is 1/2 (not 1) from a row to a row of zeros and 0 (not 1) between two
  // rows of zeros; kDistancePlot then understates the k-distances it calls exact. The scan path
  // (more than TREE_MAX_DIMENSIONS dimensions) gives the exact distances.
  it.fails('gives the exact cosine k-th distance when some rows are all zeros', () => {
    const matrix = Float64Array.from([1, 0, 0, 0, 0, 0, -1, 0.1]);
    const search = new NeighbourSearch(matrix, 4, 2, 'cosine');
    const all = Array.from({ length: 4 }, (_, row) => search.between(0, row)).sort((x, y) => x - y);
    expect(all[1]).toBe(1);
    expect(search.kthDistanceOfRow(0, 2)).toBeCloseTo(all[1], 12);
  });
});
