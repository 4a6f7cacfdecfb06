import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryCosine, binaryPearson } from '../../../src/core/recommend/similarity';

/** Pearson's r of two vectors, straight from its definition. */
function pearson(x: number[], y: number[]): number {
  const mean = (v: number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const counts = (x: number[], y: number[]) => ({
  common: x.filter((v, i) => v === 1 && y[i] === 1).length,
  a: x.filter((v) => v === 1).length,
  b: y.filter((v) => v === 1).length,
});

const binaryPair = fc
  .integer({ min: 2, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    ),
  );

describe('binaryCosine', () => {
  it('is |A ∩ B| / sqrt(|A| |B|): 2 shared of 4 and 4 is 0.5', () => {
    expect(binaryCosine(2, 4, 4)).toBe(0.5);
    expect(binaryCosine(1, 1, 4)).toBe(0.5);
    expect(binaryCosine(0, 3, 5)).toBe(0);
  });

  it('is 0 for an empty vector, never NaN', () => {
    expect(binaryCosine(0, 0, 5)).toBe(0);
    expect(binaryCosine(0, 0, 0)).toBe(0);
  });

  it('is symmetric to the bit', () => {
    fc.assert(
      fc.property(binaryPair, ([x, y]) => {
        const { common, a, b } = counts(x, y);
        expect(binaryCosine(common, a, b)).toBe(binaryCosine(common, b, a));
      }),
    );
  });
});

describe('binaryPearson', () => {
  it('equals the correlation of the 0/1 vectors, and is symmetric to the bit', () => {
    fc.assert(
      fc.property(binaryPair, ([x, y]) => {
        const { common, a, b } = counts(x, y);
        const r = binaryPearson(common, a, b, x.length);
        expect(r).toBe(binaryPearson(common, b, a, x.length));
        const constant = a === 0 || a === x.length || b === 0 || b === y.length;
        if (constant) expect(r).toBe(0);
        else expect(r).toBeCloseTo(pearson(x, y), 12);
      }),
    );
  });

  it('is 1 for identical rows and -1 for complementary ones', () => {
    expect(binaryPearson(2, 2, 2, 5)).toBe(1);
    expect(binaryPearson(0, 2, 3, 5)).toBe(-1);
  });

  it('has no value (0) for a customer who bought nothing or everything', () => {
    expect(binaryPearson(0, 0, 3, 10)).toBe(0);
    expect(binaryPearson(3, 10, 3, 10)).toBe(0);
  });
});
