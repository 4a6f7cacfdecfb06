import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tieScores } from '../../../src/core/rfm/rfmScores';

describe('tieScores', () => {
  it('scores 1 + floor(5 x customers with a strictly smaller value / customers), ties together', () => {
    expect(Array.from(tieScores(Float64Array.from([1, 1, 1, 2, 3]), true))).toEqual([
      1, 1, 1, 4, 5,
    ]);
    // Recency: fewer days is better, so a customer beats those with strictly more days.
    expect(Array.from(tieScores(Int32Array.from([10, 10, 5, 1, 1]), false))).toEqual([
      1, 1, 3, 4, 4,
    ]);
    const spread = tieScores(
      Float64Array.from({ length: 10 }, (_, i) => i),
      true,
    );
    expect(Array.from(spread)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('gives every customer the middle score when all have the same value (one customer too)', () => {
    expect(Array.from(tieScores(Float64Array.from([7, 7, 7]), true))).toEqual([3, 3, 3]);
    expect(Array.from(tieScores(Int32Array.from([1, 1, 1, 1]), false))).toEqual([3, 3, 3, 3]);
    expect(tieScores(new Float64Array(0), true)).toHaveLength(0);
    expect(Array.from(tieScores(Float64Array.from([42]), true))).toEqual([3]);
    expect(Array.from(tieScores(Int32Array.from([42]), false))).toEqual([3]);
  });

  it('does not depend on the order of the customers', () => {
    const values = [3, 9, 1, 9, 4];
    const scores = Array.from(tieScores(Float64Array.from(values), true));
    const reversed = Array.from(tieScores(Float64Array.from([...values].reverse()), true));
    expect(reversed.reverse()).toEqual(scores);
  });

  it('writes into the array it is given', () => {
    const out = new Uint8Array(3);
    expect(tieScores(Float64Array.from([2, 1, 3]), true, out)).toBe(out);
    expect(Array.from(out)).toEqual([2, 1, 4]);
  });

  it('keeps its definition for any values: ties share a score, more is better (or worse)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 80 }),
        fc.boolean(),
        (values, higherIsBetter) => {
          const n = values.length;
          const scores = tieScores(Float64Array.from(values), higherIsBetter);
          if (values.every((v) => v === values[0])) {
            expect(Array.from(scores)).toEqual(values.map(() => 3));
            return;
          }
          values.forEach((v, i) => {
            const beaten = values.filter((w) => (higherIsBetter ? w < v : w > v)).length;
            expect(scores[i]).toBe(1 + Math.floor((5 * beaten) / n));
            expect(scores[i]).toBeGreaterThanOrEqual(1);
            expect(scores[i]).toBeLessThanOrEqual(5);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
