import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignSegments } from '../../../src/core/model/assignSegments';
import type { ModelClustering } from '../../../src/core/model/modelFile';

const kmeans = (centres: number[]): ModelClustering => ({
  algorithm: 'kmeans',
  metric: 'euclidean',
  centres,
});

describe('assignSegments', () => {
  it('k-means: the nearest centre, ties to the lower segment, the distance unsquared', () => {
    const rows = Float64Array.from([0, 0, 1, 0, 3, 4, 2, 0]);
    const { segment, distance } = assignSegments(rows, 4, 2, kmeans([0, 0, 2, 0, 3, 4]));
    // (1, 0) is as near to (0, 0) as to (2, 0): the lower segment wins.
    expect(Array.from(segment)).toEqual([0, 0, 2, 1]);
    expect(Array.from(distance)).toEqual([0, 1, 0, 0]);
  });

  it('hierarchical: the nearest centre under the saved metric', () => {
    const rows = Float64Array.from([1, 1]);
    // Manhattan: (0, 2.1) is 2.1 away, (1.9, 1.9) is 1.8 away; Chebyshev would say 1.1 against 0.9.
    const clustering: ModelClustering = {
      algorithm: 'hierarchical',
      linkage: 'average',
      metric: 'manhattan',
      centres: [1, 3.1, 1.9, 1.9],
    };
    const { segment, distance } = assignSegments(rows, 1, 2, clustering);
    expect(segment[0]).toBe(1);
    expect(distance[0]).toBeCloseTo(1.8, 12);
  });

  it('DBSCAN: the first saved core row within eps, else noise with no distance', () => {
    const clustering: ModelClustering = {
      algorithm: 'dbscan',
      metric: 'euclidean',
      eps: 1,
      minPts: 2,
      noise: 0,
      // Core rows of segment 1 were found first, then of segment 0.
      cores: [0, 0, 1.5, 0, 10, 10],
      coreSegments: [1, 0, 0],
    };
    const rows = Float64Array.from([0.8, 0, 1.4, 0, 10, 11, 5, 5]);
    const { segment, distance } = assignSegments(rows, 4, 2, clustering);
    // (0.8, 0) is within eps of both (0, 0) and (1.5, 0): the first core row wins.
    expect(Array.from(segment)).toEqual([1, 0, 0, -1]);
    expect(distance[0]).toBeCloseTo(0.8, 12);
    expect(distance[2]).toBe(1);
    expect(Number.isNaN(distance[3])).toBe(true);
  });

  it('k-means: no centre is nearer than the one chosen, and none as near has a lower id', () => {
    const value = fc.integer({ min: -5, max: 5 });
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 6, maxLength: 6 }),
        fc.array(value, { minLength: 2, maxLength: 2 }),
        (centres, row) => {
          const { segment } = assignSegments(Float64Array.from(row), 1, 2, kmeans(centres));
          const d = (c: number) =>
            (row[0] - centres[2 * c]) ** 2 + (row[1] - centres[2 * c + 1]) ** 2;
          const best = d(segment[0]);
          for (let c = 0; c < 3; c++) {
            expect(d(c)).toBeGreaterThanOrEqual(best);
            if (c < segment[0]) expect(d(c)).toBeGreaterThan(best);
          }
        },
      ),
    );
  });

  it('assigns no row of an empty matrix', () => {
    const { segment } = assignSegments(new Float64Array(0), 0, 2, kmeans([0, 0]));
    expect(segment.length).toBe(0);
  });
});
