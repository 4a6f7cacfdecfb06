import { describe, expect, it } from 'vitest';
import { scaleFeatures } from '../../../src/core/features/scale';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const matrix = Float64Array.from([1, 10, 5, 2, 20, 5, 3, 30, 5, 4, 40, 5]); // 4 rows x 3

describe('scaleFeatures', () => {
  it('z-scores with the population standard deviation, as StandardScaler', () => {
    const result = scaleFeatures(matrix.slice(), 4, 3, ['a', 'b', 'c'], 'zscore');
    const std = Math.sqrt(1.25);
    expect(result.d).toBe(2);
    expect(Array.from(result.mean)).toEqual([2.5, 25]);
    expect(result.std[0]).toBeCloseTo(std, 14);
    expect(result.matrix[0]).toBeCloseTo(-1.5 / std, 14);
    expect(result.matrix[7]).toBeCloseTo(1.5 / std, 14);
  });

  it('leaves a constant column out with a warning instead of dividing by zero', () => {
    const result = scaleFeatures(matrix.slice(), 4, 3, ['a', 'b', 'c'], 'zscore');
    expect(Array.from(result.kept)).toEqual([0, 1]);
    expect(result.warnings).toEqual([message('scaleConstant', { name: 'c' })]);
    expect(result.warnings.map(englishText)).toEqual([
      'c has the same value on every row, so it was left out of the features.',
    ]);
    expect(Array.from(result.matrix).every(Number.isFinite)).toBe(true);
  });

  it('scales min-max to [0, 1]', () => {
    const result = scaleFeatures(matrix.slice(), 4, 3, ['a', 'b', 'c'], 'minmax');
    expect(Array.from(result.matrix.subarray(0, 8))).toEqual([
      0,
      0,
      1 / 3,
      1 / 3,
      2 / 3,
      2 / 3,
      1,
      1,
    ]);
  });

  it('scales robustly by median and IQR', () => {
    const data = Float64Array.from([1, 2, 3, 4, 100]);
    const result = scaleFeatures(data, 5, 1, ['x'], 'robust');
    expect(result.center[0]).toBe(3);
    expect(result.scale[0]).toBe(2);
    expect(Array.from(result.matrix)).toEqual([-1, -0.5, 0, 0.5, 48.5]);
  });

  it('does not divide by a zero IQR', () => {
    const result = scaleFeatures(Float64Array.from([0, 0, 0, 0, 7]), 5, 1, ['x'], 'robust');
    expect(result.scale[0]).toBe(1);
    expect(result.warnings).toEqual([message('scaleNoSpread', { name: 'x' })]);
    expect(englishText(result.warnings[0])).toMatch(/interquartile range of 0/);
  });
});

describe('spreads too small to divide by (#20: a denormal crashed the analysis)', () => {
  it('leaves out a feature whose values differ only below what doubles can divide by', () => {
    for (const method of ['zscore', 'minmax', 'robust'] as const) {
      const matrix = new Float64Array([0, 1, 1e-320, 2, 0, 3, 1e-320, 4]);
      const result = scaleFeatures(matrix, 4, 2, ['tiny', 'x'], method);
      expect(Array.from(result.matrix).every(Number.isFinite), method).toBe(true);
      // Its standard deviation underflows to zero; min-max and robust divide by 1e-320 itself.
      if (method === 'zscore') expect(Array.from(result.kept)).toEqual([1]);
    }
  });
});
