import { describe, expect, it } from 'vitest';
import { DROPPED_MISSING, KEPT } from '../../../src/core/clean/cleanOptions';
import {
  hasNegative,
  transformed,
  type NumericTransform,
} from '../../../src/core/clean/numericFeature';

const feature = (values: number[], changes: Partial<NumericTransform> = {}): NumericTransform => ({
  name: 'x',
  values: Float64Array.from(values),
  fill: NaN,
  log: false,
  low: -Infinity,
  high: Infinity,
  ...changes,
});

describe('transformed', () => {
  it('gives the value as it is, or the fill where it is missing', () => {
    const x = feature([3, NaN, -2], { fill: 7 });
    expect([0, 1, 2].map((row) => transformed(x, row))).toEqual([3, 7, -2]);
  });

  it('takes log(1 + x) after filling', () => {
    const x = feature([0, NaN, Math.E - 1], { fill: 9, log: true });
    expect(transformed(x, 0)).toBe(0);
    expect(transformed(x, 1)).toBe(Math.log1p(9));
    expect(transformed(x, 2)).toBeCloseTo(1, 15);
  });

  it('does not clip: the matrix clips to [low, high]', () => {
    const x = feature([100], { low: 0, high: 1 });
    expect(transformed(x, 0)).toBe(100);
  });
});

describe('hasNegative', () => {
  it('looks at the kept rows only', () => {
    const x = feature([1, -5, 2]);
    expect(hasNegative(x, Uint8Array.from([KEPT, KEPT, KEPT]))).toBe(true);
    expect(hasNegative(x, Uint8Array.from([KEPT, DROPPED_MISSING, KEPT]))).toBe(false);
  });

  it('counts a negative fill where a kept row is missing', () => {
    expect(hasNegative(feature([1, NaN], { fill: -1 }), new Uint8Array(2))).toBe(true);
    expect(hasNegative(feature([1, NaN], { fill: 0 }), new Uint8Array(2))).toBe(false);
    expect(
      hasNegative(feature([1, NaN], { fill: -1 }), Uint8Array.from([KEPT, DROPPED_MISSING])),
    ).toBe(false);
  });

  it('takes zero for non-negative', () => {
    expect(hasNegative(feature([0, 0]), new Uint8Array(2))).toBe(false);
    expect(hasNegative(feature([-0]), new Uint8Array(1))).toBe(false);
  });
});
