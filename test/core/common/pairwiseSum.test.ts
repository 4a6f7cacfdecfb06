import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwiseColumnSums, pairwiseSum } from '../../../src/core/common/pairwiseSum';

/**
 * numpy's pairwise_sum (numpy/_core/src/umath/loops_utils.h.src), transcribed on plain arrays:
 * below 8 values a running sum; up to 128, eight running totals combined as
 * ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)) and the rest added in a row; above that, two
 * halves, the first a multiple of 8 long.
 */
function numpyPairwiseSum(values: readonly number[]): number {
  const n = values.length;
  if (n < 8) {
    let sum = 0;
    for (const value of values) sum += value;
    return sum;
  }
  if (n <= 128) {
    const r = values.slice(0, 8);
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += values[i + j];
    let sum = r[0] + r[1] + (r[2] + r[3]) + (r[4] + r[5] + (r[6] + r[7]));
    for (; i < n; i++) sum += values[i];
    return sum;
  }
  let half = Math.floor(n / 2);
  half -= half % 8;
  return numpyPairwiseSum(values.slice(0, half)) + numpyPairwiseSum(values.slice(half));
}

function naiveSum(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

/** Values of many magnitudes, so that the order of the additions shows in the last bits. */
const spread = (n: number) =>
  Float64Array.from({ length: n }, (_, i) => ((((i * 7919) % 10007) - 5003) * 10 ** (i % 7)) / 3);

const sum = (values: Float64Array) => pairwiseSum(values, 0, values.length, 1);

describe('pairwiseSum', () => {
  it('adds eight running totals, so a large value cancels before it can swallow the small ones', () => {
    // Added in a row, each 1 is lost against 1e16 (its spacing there is 2): 7. In eight totals
    // the two big values meet in the first total and the ones are kept: 14, the exact sum.
    const values = Float64Array.from([1e16, 1, 1, 1, 1, 1, 1, 1, -1e16, 1, 1, 1, 1, 1, 1, 1]);
    expect(naiveSum(values)).toBe(7);
    expect(sum(values)).toBe(14);
  });

  it('equals numpy.sum bit for bit, where a running sum does not', () => {
    // float(np.sum(np.array(values))) with numpy 2.4, for the `spread` values.
    const numpy: [number, number][] = [
      [7, 968488985.6666666],
      [9, 968483473.9999999],
      [100, 2014165808.3333335],
      [128, 3231050080.9999995],
      [129, 3230980814.3333335],
      [200, 3049109663.0000005],
      [1000, 1327597917.6666665],
      [5000, 1030619572.3333342],
      [20000, 1327385501.3333368],
    ];
    for (const [n, expected] of numpy) {
      const values = spread(n);
      expect(sum(values), `n = ${n}`).toBe(expected);
      if (n >= 100) expect(naiveSum(values), `n = ${n}`).not.toBe(expected);
    }
  });

  it('is 0 for no values and the value itself for one', () => {
    expect(sum(new Float64Array(0))).toBe(0);
    expect(sum(Float64Array.from([-2.5]))).toBe(-2.5);
  });

  it('follows numpy order for every length around the block edges', () => {
    for (let n = 0; n <= 300; n++) {
      const values = spread(n);
      expect(sum(values), `n = ${n}`).toBe(numpyPairwiseSum(Array.from(values)));
    }
  });

  it('equals the transcription of numpy on any values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 700 }),
        (values) => {
          expect(sum(Float64Array.from(values))).toBe(numpyPairwiseSum(values));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sums a column of a row-major matrix exactly as the column copied out', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 300 }),
        fc.nat(),
        (d, n, pick) => {
          const j = pick % d;
          const matrix = spread(n * d);
          const column = Float64Array.from({ length: n }, (_, i) => matrix[i * d + j]);
          expect(pairwiseSum(matrix, j, n, d)).toBe(sum(column));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('adds the mapped values, in the same order', () => {
    const values = spread(333);
    const square = (v: number) => (v - 7) * (v - 7);
    expect(pairwiseSum(values, 0, values.length, 1, square)).toBe(
      numpyPairwiseSum(Array.from(values, square)),
    );
    // Only count values are read, from offset on.
    expect(pairwiseSum(Float64Array.from([100, 1, 2, 3, 100]), 1, 3, 1)).toBe(6);
  });
});

describe('pairwiseColumnSums', () => {
  const cell = fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e16, -1e16, 5e-324, NaN, Infinity) },
  );

  it('sums every column bit for bit as pairwiseSum does column by column, for every term', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 700 }),
        fc.array(cell, { minLength: 3500, maxLength: 3500 }),
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 5, maxLength: 5 }),
        (d, rows, cells, centreList) => {
          const n = Math.min(rows, Math.floor(cells.length / d));
          const matrix = Float64Array.from(cells.slice(0, n * d));
          const centres = Float64Array.from(centreList.slice(0, d));
          const plain = pairwiseColumnSums(matrix, n, d);
          const shifted = pairwiseColumnSums(matrix, n, d, centres);
          const squared = pairwiseColumnSums(matrix, n, d, centres, true);
          for (let j = 0; j < d; j++) {
            const c = centres[j];
            expect(Object.is(plain[j], pairwiseSum(matrix, j, n, d))).toBe(true);
            expect(
              Object.is(
                shifted[j],
                pairwiseSum(matrix, j, n, d, (v) => v - c),
              ),
            ).toBe(true);
            expect(
              Object.is(
                squared[j],
                pairwiseSum(matrix, j, n, d, (v) => (v - c) * (v - c)),
              ),
            ).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes the sizes where numpy changes its way of adding: 7, 8, 128, 129, and odd lengths', () => {
    const d = 3;
    for (const n of [0, 1, 7, 8, 9, 127, 128, 129, 255, 1001, 4099]) {
      const matrix = spread(n * d);
      const sums = pairwiseColumnSums(matrix, n, d);
      for (let j = 0; j < d; j++) expect(sums[j]).toBe(pairwiseSum(matrix, j, n, d));
    }
  });
});
