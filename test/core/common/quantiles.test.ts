import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile, quantileInPlace } from '../../../src/core/common/quantiles';
import { createRandom } from '../../../src/core/common/random';

/** numpy's "linear" method on a sorted copy: position q (n - 1), between its two neighbours. */
function sortedQuantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const fraction = position - lower;
  if (fraction === 0) return sorted[lower];
  return sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction;
}

const of = (values: number[], q: number) => quantile(Float64Array.from(values), q);

describe('quantile', () => {
  it('interpolates linearly between the order statistics around q (n - 1)', () => {
    expect(of([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(of([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(of([4, 1, 3, 2], 0.75)).toBe(3.25);
    expect(of([50, 10, 40, 20, 30], 0.9)).toBe(46);
    expect(of([50, 10, 40, 20, 30], 0.5)).toBe(30);
  });

  it('gives the minimum at 0, the maximum at 1, and the value itself for one value', () => {
    expect(of([3, -8, 12, 0], 0)).toBe(-8);
    expect(of([3, -8, 12, 0], 1)).toBe(12);
    expect(of([7.5], 0)).toBe(7.5);
    expect(of([7.5], 0.37)).toBe(7.5);
  });

  it('is NaN for no values, never a value from outside the range', () => {
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
    expect(quantile(Float64Array.from([1, 2, 3]), 0.5, 0)).toBeNaN();
  });

  it('keeps ties together: many equal values, sorted and reversed input', () => {
    expect(of([5, 5, 5, 5, 1], 0.5)).toBe(5);
    expect(of([2, 2, 2, 2], 0.3)).toBe(2);
    const ascending = Array.from({ length: 101 }, (_, i) => i);
    expect(of(ascending, 0.5)).toBe(50);
    expect(of(ascending.reverse(), 0.25)).toBe(25);
  });

  it('reads only the first count values and leaves the input as it was', () => {
    const values = Float64Array.from([9, 1, 5, 100, -100]);
    expect(quantile(values, 0.5, 3)).toBe(5);
    expect(quantile(values, 1, 3)).toBe(9);
    expect(Array.from(values)).toEqual([9, 1, 5, 100, -100]);
  });

  it('equals the quantile of a sorted copy for any values and q', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -5, max: 5 }),
            fc.double({ noNaN: true, min: -1e9, max: 1e9 }),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          // -0 and 0 are one value to the selection; compare them as equal.
          expect(of(values, q) + 0).toBe(sortedQuantile(values, q) + 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  // numpy's _lerp computes b - (b - a)(1 - t) when t >= 0.5, and a + (b - a) t only below 0.5.
  // quantile always does the latter, so about half of the interpolated quantiles differ from
  // numpy.quantile in the last bit (figures from numpy 2.4). Medians, IQR fences and the robust
  // scaler's centre and scale then differ from scikit-learn's by an ulp.
  it.fails('equals numpy.quantile bit for bit', () => {
    expect(of([-0.243, -1, 3.92], 0.75)).toBe(1.8384999999999998);
    expect(of([1, -4.899, 5.219, 3], 0.25)).toBe(-0.47475);
    expect(of([0.1, 0.7], 0.5)).toBe(0.39999999999999997);
  });

  it('is within one rounding of numpy.quantile where it differs in the last bit', () => {
    expect(of([-0.243, -1, 3.92], 0.75)).toBeCloseTo(1.8384999999999998, 14);
    expect(of([1, -4.899, 5.219, 3], 0.25)).toBeCloseTo(-0.47475, 14);
    expect(of([0.1, 0.7], 0.5)).toBeCloseTo(0.39999999999999997, 15);
  });
});

describe('quantileInPlace', () => {
  it('takes the quantile of values[from..to) and reorders only that range', () => {
    const values = Float64Array.from([100, 7, 3, 9, 1, -100]);
    expect(quantileInPlace(values, 0.5, 1, 5)).toBe(5);
    expect(values[0]).toBe(100);
    expect(values[5]).toBe(-100);
    expect(Array.from(values.subarray(1, 5)).sort((a, b) => a - b)).toEqual([1, 3, 7, 9]);
  });

  it('is NaN for an empty range', () => {
    expect(quantileInPlace(Float64Array.from([1, 2]), 0.5, 1, 1)).toBeNaN();
    expect(quantileInPlace(Float64Array.from([1, 2]), 0.5, 2, 1)).toBeNaN();
  });

  it('agrees with a sorted copy on any subrange, and keeps the multiset of the range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 80 }),
        fc.nat(),
        fc.nat(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (list, a, b, q) => {
          const from = a % list.length;
          const to = from + 1 + (b % (list.length - from));
          const values = Float64Array.from(list);
          const range = list.slice(from, to);
          expect(quantileInPlace(values, q, from, to)).toBe(sortedQuantile(range, q));
          expect(Array.from(values.subarray(from, to)).sort((x, y) => x - y)).toEqual(
            [...range].sort((x, y) => x - y),
          );
          expect(Array.from(values.subarray(0, from))).toEqual(list.slice(0, from));
          expect(Array.from(values.subarray(to))).toEqual(list.slice(to));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('selects on a sample first in ranges past 600 values: same order statistics, range partitioned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 601, max: 6000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(),
        (size, spread, q, seed) => {
          // Few distinct values (many ties), or many; in a deterministic scramble.
          let state = seed >>> 0;
          const list = Array.from({ length: size }, () => {
            state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
            return (state % spread) - spread / 2;
          });
          const values = Float64Array.from(list);
          const expected = sortedQuantile(list, q);
          expect(quantileInPlace(values, q, 0, size)).toBe(expected);
          const lower = Math.floor(q * (size - 1));
          const kth = values[lower];
          const misplaced = values.filter((v, i) => (i < lower ? v > kth : i > lower && v < kth));
          expect(misplaced.length).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('selects in sorted, reversed and constant ranges of a million values', () => {
    const n = 1_000_000;
    const sorted = Float64Array.from({ length: n }, (_, i) => i);
    expect(quantileInPlace(sorted.slice(), 0.5, 0, n)).toBe((n - 1) / 2);
    expect(quantileInPlace(sorted.slice().reverse(), 0.25, 0, n)).toBe((n - 1) / 4);
    expect(quantileInPlace(new Float64Array(n).fill(3), 0.9, 0, n)).toBe(3);
  });

  describe('past 16,384 values (a histogram of leading bits narrows the selection)', () => {
    /** `size` values of several kinds, from a seed: spread over many powers of two, or not. */
    function column(size: number, seed: number, kind: number): Float64Array {
      const random = createRandom(seed);
      return Float64Array.from({ length: size }, () => {
        const u = random.next();
        if (kind === 0) return Math.round((u - 0.3) * 1e7) / 1e3; // prices, both signs
        if (kind === 1) return (u < 0.5 ? -1 : 1) * 2 ** (random.next() * 80 - 40); // magnitudes
        if (kind === 2) return 1000 + u; // narrow: one bucket holds most
        if (kind === 3) return Math.floor(u * 12) - 6; // whole numbers, many ties, zeros
        // Special values among ordinary ones.
        return u < 0.01 ? -Infinity : u < 0.02 ? Infinity : u < 0.04 ? -0 : (u - 0.5) * 1e4;
      });
    }

    it('equals a sorted copy for any q, keeping the multiset of the range', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 16_385, max: 40_000 }),
          fc.integer(),
          fc.integer({ min: 0, max: 4 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.integer({ min: 0, max: 50 }),
          (size, seed, kind, q, margin) => {
            const values = column(size + 2 * margin, seed, kind);
            const range = Array.from(values.subarray(margin, margin + size));
            const outside = [...values.subarray(0, margin), ...values.subarray(margin + size)];
            const result = quantileInPlace(values, q, margin, margin + size);
            expect(result + 0).toBe(sortedQuantile(range, q) + 0);
            const sortedRange = [...range].sort((a, b) => a - b);
            expect(
              Array.from(values.subarray(margin, margin + size)).sort((a, b) => a - b),
            ).toEqual(sortedRange);
            expect([...values.subarray(0, margin), ...values.subarray(margin + size)]).toEqual(
              outside,
            );
          },
        ),
        { numRuns: 60 },
      );
    });

    it('interpolates across the edge of a bucket: the next order statistic from the next bucket', () => {
      // Where the lower order statistic is the largest of its bucket, the upper one is the least
      // of the next bucket that holds values (empty buckets between them skipped).
      const values = column(30_000, 7, 1);
      const sorted = Array.from(values).sort((a, b) => a - b);
      const words = new Int32Array(Float64Array.from(sorted).buffer);
      const leading = (i: number) => words[2 * i + 1] >>> 16;
      let edges = 0;
      for (let i = 100; i < sorted.length - 1 && edges < 40; i += 97) {
        let at = i;
        while (at < sorted.length - 1 && leading(at) === leading(at + 1)) at++;
        const q = (at + 0.5) / (sorted.length - 1);
        expect(quantileInPlace(values.slice(), q, 0, values.length)).toBe(
          sortedQuantile(sorted, q),
        );
        edges++;
      }
      expect(edges).toBe(40);
    });

    it('loses no value of a range holding NaN (callers leave NaN out)', () => {
      const values = column(20_000, 3, 0);
      values[12_345] = NaN;
      const before = Array.from(values).filter((v) => !Number.isNaN(v));
      expect(Number.isNaN(quantileInPlace(values, 0.5, 0, values.length))).toBe(false);
      expect(values.filter((v) => Number.isNaN(v))).toHaveLength(1);
      expect(
        Array.from(values)
          .filter((v) => !Number.isNaN(v))
          .sort((a, b) => a - b),
      ).toEqual(before.sort((a, b) => a - b));
    });
  });
});
