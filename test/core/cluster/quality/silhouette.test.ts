import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISTANCE_METRICS,
  rowDistance,
  type DistanceMetric,
} from '../../../../src/core/cluster/distance';
import {
  DEFAULT_SILHOUETTE_SAMPLE,
  silhouetteFromDistances,
  silhouetteScore,
  SilhouetteSample,
} from '../../../../src/core/cluster/quality/silhouette';
import { createRandom } from '../../../../src/core/common/random';
import { randomMatrix } from '../../../support/clusterData';

// Values from scikit-learn 1.2 on the same points and labels.
const points = Float64Array.from([0, 0, 0, 1, 1, 0, 5, 5, 5, 6, 6, 5, 10, 0, 10, 1]);
const good = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
const poor = Int32Array.from([0, 0, 1, 1, 1, 1, 2, 2]);

/**
 * The silhouette as scikit-learn defines it, row by row: rows labelled below 0 left out; a lone
 * member of its cluster scores 0; NaN unless 2 <= clusters < rows.
 */
function naiveSilhouette(
  matrix: Float64Array,
  n: number,
  d: number,
  labels: ArrayLike<number>,
  metric: DistanceMetric = 'euclidean',
): number {
  const distance = rowDistance(metric);
  const used = Array.from({ length: n }, (_, i) => i).filter((i) => labels[i] >= 0);
  const clusters = [...new Set(used.map((i) => labels[i]))];
  if (clusters.length < 2 || clusters.length >= used.length) return NaN;
  let total = 0;
  for (const i of used) {
    const meanTo = (c: number) => {
      const others = used.filter((j) => labels[j] === c && j !== i);
      return (
        others.reduce((s, j) => s + distance(matrix, i * d, matrix, j * d, d), 0) / others.length
      );
    };
    if (used.filter((j) => labels[j] === labels[i]).length === 1) continue;
    const a = meanTo(labels[i]);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(meanTo));
    total += Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
  }
  return total / used.length;
}

/** The condensed (upper-triangle, row-major) distances of a matrix. */
function condensed(matrix: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array((n * (n - 1)) / 2);
  const distance = rowDistance('euclidean');
  for (let a = 0, p = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) out[p++] = distance(matrix, a * d, matrix, b * d, d);
  return out;
}

describe('silhouetteScore', () => {
  it('silhouette matches scikit-learn', () => {
    expect(silhouetteScore(points, 8, 2, good, 3)).toBeCloseTo(0.8381087202020668, 12);
    expect(silhouetteScore(points, 8, 2, poor, 3)).toBeCloseTo(0.5224914175537322, 12);
  });

  it('is undefined for a single cluster', () => {
    const one = new Int32Array(8);
    expect(silhouetteScore(points, 8, 2, one, 1)).toBeNaN();
  });

  it('scores a lone member of its cluster 0, and rows on top of each other 0', () => {
    // Rows 0 and 1 score 1 - 1/10 and 1 - 1/9; row 2 is alone.
    const line = Float64Array.from([0, 1, 10]);
    expect(silhouetteScore(line, 3, 1, Int32Array.from([0, 0, 1]), 2)).toBeCloseTo(
      (0.9 + 8 / 9) / 3,
      15,
    );
    const same = new Float64Array(8).fill(3);
    expect(silhouetteScore(same, 4, 2, Int32Array.from([0, 0, 1, 1]), 2)).toBe(0);
  });

  it('is undefined when every row is its own cluster, and ignores empty clusters', () => {
    expect(silhouetteScore(points, 8, 2, Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 8)).toBeNaN();
    // Labels 0 and 3 of k = 5: two clusters, as if k were 2.
    const sparse = Int32Array.from(good, (label) => (label === 0 ? 0 : 3));
    const dense = Int32Array.from(good, (label) => (label === 0 ? 0 : 1));
    expect(silhouetteScore(points, 8, 2, sparse, 5)).toBe(silhouetteScore(points, 8, 2, dense, 2));
  });

  it('leaves noise (-1) out, and is undefined when only one cluster is left', () => {
    const withNoise = Int32Array.from([0, 0, 0, 1, 1, 1, -1, -1]);
    expect(silhouetteScore(points, 8, 2, withNoise, 2)).toBeCloseTo(
      silhouetteScore(points.subarray(0, 12), 6, 2, good.subarray(0, 6), 2),
      15,
    );
    expect(
      silhouetteScore(points, 8, 2, Int32Array.from([0, 0, 0, -1, -1, -1, -1, -1]), 1),
    ).toBeNaN();
    expect(silhouetteScore(points, 8, 2, new Int32Array(8).fill(-1), 2)).toBeNaN();
  });

  for (const metric of DISTANCE_METRICS)
    it(`agrees with the textbook definition on any labelling (${metric})`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 40 }),
          fc.integer({ min: 0, max: 10_000 }),
          fc.integer({ min: 1, max: 5 }),
          fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 40, maxLength: 40 }),
          (n, seed, k, raw) => {
            const matrix = randomMatrix(n, 3, seed);
            const labels = Int32Array.from(raw.slice(0, n), (label) =>
              label < 0 ? -1 : label % k,
            );
            const ours = silhouetteScore(matrix, n, 3, labels, k, metric);
            const naive = naiveSilhouette(matrix, n, 3, labels, metric);
            if (Number.isNaN(naive)) expect(ours).toBeNaN();
            else expect(ours).toBeCloseTo(naive, 12);
          },
        ),
        { numRuns: 80 },
      );
    });
});

describe('silhouetteFromDistances', () => {
  it('reads the condensed upper triangle row by row', () => {
    const matrix = randomMatrix(30, 2, 3);
    const labels = Int32Array.from({ length: 30 }, (_, i) => i % 3);
    expect(silhouetteFromDistances(condensed(matrix, 30, 2), 30, labels, 3)).toBeCloseTo(
      naiveSilhouette(matrix, 30, 2, labels),
      14,
    );
  });

  it('gives nearly the same score from single-precision distances', () => {
    const matrix = randomMatrix(60, 2, 9);
    const labels = Int32Array.from({ length: 60 }, (_, i) => (matrix[2 * i] > 0 ? 1 : 0));
    const exact = condensed(matrix, 60, 2);
    const single = Float32Array.from(exact);
    expect(silhouetteFromDistances(single, 60, labels, 2)).toBeCloseTo(
      silhouetteFromDistances(exact, 60, labels, 2),
      6,
    );
  });
});

describe('SilhouetteSample', () => {
  it('uses every row when there are fewer than the sample size', () => {
    const sample = new SilhouetteSample(points, 8, 2, 5000);
    expect(sample.size).toBe(8);
    expect(sample.score(good, 3)).toBeCloseTo(0.8381087202020668, 12);
  });

  it('samples with a seed and reuses its distances for every labelling', () => {
    const random = createRandom(1);
    const n = 3000;
    const data = Float64Array.from(
      { length: n * 2 },
      (_, i) => (i % 2 === 0 ? (i % 6) * 3 : 0) + random.next(),
    );
    const a = new SilhouetteSample(data, n, 2, 500, 7);
    const b = new SilhouetteSample(data, n, 2, 500, 7);
    expect(a.size).toBe(500);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
    const two = Int32Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0 : 1));
    expect(a.score(labels, 3)).toBe(b.score(labels, 3));
    expect(a.score(labels, 3)).toBeGreaterThan(a.score(two, 2));
  });

  it('scores the sampled rows only: the textbook silhouette of those rows', () => {
    const n = 400;
    const matrix = randomMatrix(n, 2, 21);
    const labels = Int32Array.from({ length: n }, (_, i) =>
      matrix[2 * i] + matrix[2 * i + 1] > 0 ? 1 : 0,
    );
    const sample = new SilhouetteSample(matrix, n, 2, 50, 3, undefined, 'manhattan');
    const rows = Array.from(sample.indices);
    expect(rows).toEqual([...new Set(rows)].sort((a, b) => a - b));
    const sampled = Float64Array.from(
      rows.flatMap((row) => [matrix[2 * row], matrix[2 * row + 1]]),
    );
    expect(sample.score(labels, 2)).toBeCloseTo(
      naiveSilhouette(
        sampled,
        50,
        2,
        rows.map((row) => labels[row]),
        'manhattan',
      ),
      12,
    );
    expect(DEFAULT_SILHOUETTE_SAMPLE).toBe(5000);
  });

  it('keeps large samples in 16 bits a distance, within 1e-6 of the exact score under every metric', () => {
    const n = 2600;
    const matrix = randomMatrix(n, 2, 13);
    // One far outlier stretches the scale the distances are stored on.
    matrix[0] = 400;
    const labels = Int32Array.from({ length: n }, (_, i) => (matrix[2 * i] > 0.3 ? 1 : 0));
    for (const metric of ['euclidean', 'manhattan', 'chebyshev', 'cosine'] as const) {
      const sample = new SilhouetteSample(matrix, n, 2, n, 0, undefined, metric);
      expect(sample.size).toBe(n);
      const exact = naiveSilhouette(matrix, n, 2, Array.from(labels), metric);
      expect(Math.abs(sample.score(labels, 2) - exact), metric).toBeLessThan(1e-6);
    }
  });

  it('reports progress that never goes back and ends at 1', () => {
    const fractions: number[] = [];
    new SilhouetteSample(randomMatrix(700, 2, 1), 700, 2, 700, 0, (f) => fractions.push(f));
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    expect(fractions.length).toBeLessThanOrEqual(5);
  });
});
