import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowDistance } from '../../../../src/core/cluster/distance';
import { euclideanNeighbourGraph } from '../../../../src/core/cluster/density/neighbourGraph';
import { dbscan } from '../../../../src/core/cluster/density/dbscan';
import { createRandom } from '../../../../src/core/common/random';

/** Each row's neighbours within eps (itself left out), by measuring every pair. */
function bruteForce(matrix: Float64Array, n: number, d: number, eps: number): number[][] {
  const distance = rowDistance('euclidean');
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => j).filter(
      (j) => j !== i && distance(matrix, i * d, matrix, j * d, d) <= eps,
    ),
  );
}

function listsOf(graph: { offsets: Int32Array; neighbours: Int32Array }, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => [
    ...graph.neighbours.subarray(graph.offsets[i], graph.offsets[i + 1]),
  ]);
}

describe('euclideanNeighbourGraph', () => {
  it('finds exactly the pairs within eps, ties at eps included, lists ascending', () => {
    // Whole-number coordinates: distances such as 3 (0,0)-(3,0) or 5 (3-4-5) land exactly on eps.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 1000 }),
        (n, d, span, seed) => {
          const random = createRandom(seed);
          const matrix = Float64Array.from({ length: n * d }, () => random.int(span));
          for (const eps of [0.5, 1, 3, 5]) {
            const graph = euclideanNeighbourGraph(matrix, n, d, eps);
            expect(graph).not.toBeNull();
            expect(listsOf(graph!, n)).toEqual(bruteForce(matrix, n, d, eps));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('takes boxes wholly inside eps without losing or doubling a pair', () => {
    const random = createRandom(7);
    const n = 400;
    const d = 3;
    const matrix = Float64Array.from({ length: n * d }, () => random.next());
    // eps larger than the whole cloud: every pair, each once.
    const graph = euclideanNeighbourGraph(matrix, n, d, 10)!;
    expect(graph.neighbours.length).toBe(n * (n - 1));
    expect(listsOf(graph, n)[5]).toEqual([...Array(n).keys()].filter((j) => j !== 5));
  });

  it('gives up (null) beyond its memory budget', () => {
    const matrix = new Float64Array(200);
    expect(euclideanNeighbourGraph(matrix, 100, 2, 1, 50)).toBeNull();
    expect(euclideanNeighbourGraph(matrix, 100, 2, 1, 4950)).not.toBeNull();
  });
});

describe('dbscan with and without the neighbour graph', () => {
  it('gives the same labels and core rows either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (seed) => {
        const random = createRandom(seed);
        const n = 150;
        const d = 2;
        // Three blobs and scattered noise, on a grid so that ties are real.
        const matrix = Float64Array.from({ length: n * d }, (_, p) =>
          p < 200 ? random.int(6) + 20 * (p % 3) : random.int(60),
        );
        const options = { eps: 1.5, minPts: 4, metric: 'euclidean' as const };
        const withGraph = dbscan(matrix, n, d, options);
        const searched = dbscan(matrix, n, d, { ...options, maxNeighbourPairs: 0 });
        expect([...withGraph.labels]).toEqual([...searched.labels]);
        expect([...withGraph.core]).toEqual([...searched.core]);
        expect(withGraph.noise).toBe(searched.noise);
      }),
      { numRuns: 40 },
    );
  });
});
