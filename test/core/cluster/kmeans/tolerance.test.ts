import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteTolerance } from '../../../../src/core/cluster/kmeans/tolerance';

describe('absoluteTolerance', () => {
  it('uses scikit-learn tolerance: 1e-4 times the mean feature variance', () => {
    const wide = Float64Array.from([0, 0, 2, 20, 4, 40]);
    // variances 8/3 and 800/3, mean 404/3
    expect(absoluteTolerance(wide, 3, 2, 1e-4)).toBeCloseTo((404 / 3) * 1e-4, 15);
  });

  it('is exactly 0 for a tolerance of 0, and for rows that do not vary', () => {
    expect(absoluteTolerance(Float64Array.from([1, 5, 9, 2]), 2, 2, 0)).toBe(0);
    expect(absoluteTolerance(Float64Array.from([3, 3, 3, 3, 3, 3]), 3, 2, 1e-4)).toBe(0);
    expect(absoluteTolerance(Float64Array.from([7, -1]), 1, 2, 1e-4)).toBe(0);
  });

  it('uses the population variance (n in the denominator), averaged over the features', () => {
    // One feature 1, 2, 3, 4: mean 2.5, variance 1.25.
    expect(absoluteTolerance(Float64Array.from([1, 2, 3, 4]), 4, 1, 1)).toBe(1.25);
    // A second feature that does not vary halves the mean variance.
    expect(absoluteTolerance(Float64Array.from([1, 0, 2, 0, 3, 0, 4, 0]), 4, 2, 1)).toBe(0.625);
  });

  it('grows in proportion to the tolerance and to the square of the scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (values, factor) => {
          const n = values.length >> 1;
          const matrix = Float64Array.from(values.slice(0, 2 * n));
          const base = absoluteTolerance(matrix, n, 2, 1e-4);
          expect(base).toBeGreaterThanOrEqual(0);
          expect(absoluteTolerance(matrix, n, 2, 1e-4 * factor)).toBeCloseTo(base * factor, 9);
          const scaled = matrix.map((x) => x * factor);
          expect(absoluteTolerance(scaled, n, 2, 1e-4)).toBeCloseTo(base * factor * factor, 9);
          // Shifting every row changes no variance.
          const shifted = matrix.map((x) => x + 1000);
          expect(absoluteTolerance(shifted, n, 2, 1e-4)).toBeCloseTo(base, 9);
        },
      ),
    );
  });
});
