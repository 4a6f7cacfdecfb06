import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISTANCE_METRICS,
  indexRadius,
  indexSpace,
  METRIC_LABELS,
  rowDistance,
  squaredDistance,
  type DistanceMetric,
} from '../../../src/core/cluster/distance';

/** The metrics written out as their textbook formulas on plain arrays. */
const DIRECT: Record<DistanceMetric, (a: number[], b: number[]) => number> = {
  euclidean: (a, b) => Math.sqrt(a.reduce((s, x, j) => s + (x - b[j]) ** 2, 0)),
  manhattan: (a, b) => a.reduce((s, x, j) => s + Math.abs(x - b[j]), 0),
  chebyshev: (a, b) => Math.max(0, ...a.map((x, j) => Math.abs(x - b[j]))),
  cosine: (a, b) => {
    const dot = a.reduce((s, x, j) => s + x * b[j], 0);
    const na = Math.hypot(...a);
    const nb = Math.hypot(...b);
    return na === 0 || nb === 0 ? 1 : Math.max(0, 1 - dot / (na * nb));
  },
};

// Thousandths in [-1000, 1000]: the range of scaled features, away from underflow and overflow.
const finite = fc.integer({ min: -1e6, max: 1e6 }).map((x) => x / 1000);

describe('rowDistance', () => {
  it('measures hand-made pairs as the formulas say', () => {
    const a = Float64Array.from([0, 0, 1, 2]);
    const b = Float64Array.from([9, 3, 4, 6]);
    // Rows (1, 2) and (4, 6): differences 3 and 4.
    expect(rowDistance('euclidean')(a, 2, b, 2, 2)).toBe(5);
    expect(rowDistance('manhattan')(a, 2, b, 2, 2)).toBe(7);
    expect(rowDistance('chebyshev')(a, 2, b, 2, 2)).toBe(4);
    // Perpendicular rows are 1 apart, opposite ones 2, parallel ones 0.
    const unit = Float64Array.from([1, 0, 0, 1, -1, 0, 3, 0]);
    expect(rowDistance('cosine')(unit, 0, unit, 2, 2)).toBe(1);
    expect(rowDistance('cosine')(unit, 0, unit, 4, 2)).toBe(2);
    expect(rowDistance('cosine')(unit, 0, unit, 6, 2)).toBe(0);
  });

  it('reads rows at their offsets in two different matrices', () => {
    const a = Float64Array.from([100, 100, 1, 1]);
    const b = Float64Array.from([1, 1, -100, -100]);
    for (const metric of DISTANCE_METRICS)
      expect(rowDistance(metric)(a, 2, b, 0, 2)).toBeCloseTo(0, 15);
    expect(rowDistance('cosine')(a, 0, b, 2, 2)).toBe(2);
  });

  it('puts a row of zeros at cosine distance 1 from every row, itself included', () => {
    const rows = Float64Array.from([0, 0, 0, 0, 3, -4]);
    const cosine = rowDistance('cosine');
    expect(cosine(rows, 0, rows, 2, 2)).toBe(1);
    expect(cosine(rows, 0, rows, 4, 2)).toBe(1);
    expect(cosine(rows, 4, rows, 0, 2)).toBe(1);
  });

  it('never gives a negative cosine distance for parallel rows (rounding is clamped)', () => {
    const rows = Float64Array.from([0.1, 0.7, 0.3, 2.1]);
    const distance = rowDistance('cosine')(rows, 0, rows, 2, 2);
    expect(distance).toBeGreaterThanOrEqual(0);
    expect(distance).toBeLessThan(1e-15);
  });

  it('has no dimensions to differ in when d = 0', () => {
    const empty = new Float64Array(0);
    expect(rowDistance('euclidean')(empty, 0, empty, 0, 0)).toBe(0);
    expect(rowDistance('manhattan')(empty, 0, empty, 0, 0)).toBe(0);
    expect(rowDistance('chebyshev')(empty, 0, empty, 0, 0)).toBe(0);
    expect(rowDistance('cosine')(empty, 0, empty, 0, 0)).toBe(1);
  });

  for (const metric of DISTANCE_METRICS)
    it(`agrees with the direct formula for ${metric} on any rows`, () => {
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 9 })
            .chain((d) =>
              fc.tuple(
                fc.array(finite, { minLength: d, maxLength: d }),
                fc.array(finite, { minLength: d, maxLength: d }),
              ),
            ),
          ([a, b]) => {
            const matrix = Float64Array.from([...a, ...b]);
            const ours = rowDistance(metric)(matrix, 0, matrix, a.length, a.length);
            const direct = DIRECT[metric](a, b);
            expect(Math.abs(ours - direct)).toBeLessThanOrEqual(1e-9 * Math.max(1, direct));
            // Symmetric, and never negative.
            expect(rowDistance(metric)(matrix, a.length, matrix, 0, a.length)).toBeCloseTo(ours, 9);
            expect(ours).toBeGreaterThanOrEqual(0);
          },
        ),
      );
    });

  it('labels every metric', () => {
    expect(DISTANCE_METRICS).toEqual(['euclidean', 'manhattan', 'chebyshev', 'cosine']);
    for (const metric of DISTANCE_METRICS) expect(METRIC_LABELS[metric]).toMatch(/\w/);
    expect(METRIC_LABELS.euclidean).toBe('Euclidean');
  });
});

describe('squaredDistance', () => {
  // d = 1..9 crosses the unrolled loop of four and every remainder (0 to 3 left over).
  for (let d = 1; d <= 9; d++)
    it(`sums every one of ${d} squared differences exactly, at any offsets`, () => {
      // Powers of two make every square and every partial sum exact, so any missed or doubled
      // term shows.
      const a = Float64Array.from({ length: d + 3 }, (_, j) => (j < 3 ? 99 : 2 ** (j - 3)));
      const b = Float64Array.from({ length: d + 1 }, (_, j) => (j < 1 ? -99 : 0));
      let expected = 0;
      for (let j = 0; j < d; j++) expected += 4 ** j;
      expect(squaredDistance(a, 3, b, 1, d)).toBe(expected);
      expect(squaredDistance(b, 1, a, 3, d)).toBe(expected);
    });

  it('is zero between a row and itself, and for d = 0', () => {
    const a = Float64Array.from([1.5, -2, 7, 3, 3, 3]);
    expect(squaredDistance(a, 0, a, 0, 6)).toBe(0);
    expect(squaredDistance(a, 0, a, 3, 0)).toBe(0);
  });

  it('is the square of the Euclidean distance on any rows', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((d) =>
            fc.tuple(fc.array(finite, { minLength: 2 * d, maxLength: 2 * d }), fc.constant(d)),
          ),
        ([values, d]) => {
          const matrix = Float64Array.from(values);
          let naive = 0;
          for (let j = 0; j < d; j++) naive += (values[j] - values[d + j]) ** 2;
          expect(squaredDistance(matrix, 0, matrix, d, d)).toBeCloseTo(naive, 6);
        },
      ),
    );
  });
});

describe('indexSpace and indexRadius', () => {
  it('leave the Minkowski metrics in their own space: the same matrix, not a copy', () => {
    const matrix = Float64Array.from([1, 2, 3, 4]);
    for (const metric of ['euclidean', 'manhattan', 'chebyshev'] as const) {
      const space = indexSpace(matrix, 2, 2, metric);
      expect(space.rows).toBe(matrix);
      expect(space.indexMetric).toBe(metric);
      expect(indexRadius(metric, 0.5)).toBeGreaterThanOrEqual(0.5);
      expect(indexRadius(metric, 0.5)).toBeLessThan(0.5 + 1e-9);
    }
  });

  it('scale rows to unit length for cosine and leave a row of zeros at zero', () => {
    const matrix = Float64Array.from([3, 4, 0, 0, 0, -2]);
    const space = indexSpace(matrix, 3, 2, 'cosine');
    expect(space.indexMetric).toBe('euclidean');
    expect(space.rows).not.toBe(matrix);
    [0.6, 0.8, 0, 0, 0, -1].forEach((value, i) => expect(space.rows[i]).toBeCloseTo(value, 15));
    // The input is left as it was.
    expect(Array.from(matrix)).toEqual([3, 4, 0, 0, 0, -2]);
  });

  it('give a cosine radius that holds every pair of rows within eps', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 6, maxLength: 6 }),
        fc.double({ min: 1e-6, max: 2, noNaN: true }),
        (values, eps) => {
          const matrix = Float64Array.from(values);
          const cosine = rowDistance('cosine')(matrix, 0, matrix, 3, 3);
          const { rows } = indexSpace(matrix, 2, 3, 'cosine');
          const unit = rowDistance('euclidean')(rows, 0, rows, 3, 3);
          const radius = indexRadius('cosine', eps);
          // Rows of zeros are not on the sphere; the rule holds for the others.
          if (
            cosine <= eps &&
            Math.hypot(...values.slice(0, 3)) > 0 &&
            Math.hypot(...values.slice(3)) > 0
          )
            expect(unit).toBeLessThanOrEqual(radius);
        },
      ),
    );
    // Exactly at eps, the radius keeps the pair despite rounding.
    const perpendicular = Float64Array.from([1, 0, 0, 1]);
    expect(Math.SQRT2).toBeLessThanOrEqual(indexRadius('cosine', 1));
    expect(rowDistance('euclidean')(perpendicular, 0, perpendicular, 2, 2)).toBeLessThanOrEqual(
      indexRadius('cosine', 1),
    );
  });
});
