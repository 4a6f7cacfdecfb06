import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanOf, MONETARY_MARGIN, scoreAgainst, scoreCuts } from '../../../src/core/model/rfmCuts';
import { tieScores } from '../../../src/core/rfm/rfmScores';

describe('scoreCuts and scoreAgainst', () => {
  it('give every customer of the saved file the score the app gave, ties and all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (list, higherIsBetter) => {
          const values = Float64Array.from(list);
          const expected = tieScores(values, higherIsBetter);
          const cuts = scoreCuts(values, higherIsBetter);
          expect(cuts).toHaveLength(4);
          values.forEach((v, i) => expect(scoreAgainst(v, cuts, higherIsBetter)).toBe(expected[i]));
        },
      ),
    );
  });

  // Sums of money in cents: distinct sums differ by far more than the margin (two sums within
  // 1e-9 of each other would share a score: the price of scoring SQL sums the same).
  it('reproduces the scores of sums of money too, with the margin', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 1, max: 100_000_000 }).map((cents) => cents / 100),
          { minLength: 1, maxLength: 100 },
        ),
        (list) => {
          const values = Float64Array.from(list);
          const expected = tieScores(values, true);
          const cuts = scoreCuts(values, true);
          values.forEach((v, i) =>
            expect(scoreAgainst(v, cuts, true, MONETARY_MARGIN)).toBe(expected[i]),
          );
        },
      ),
    );
  });

  it('scores ten customers 1 to 5, two per score, and new values by the same cut points', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const cuts = scoreCuts(values, true);
    expect(cuts).toEqual([2, 4, 6, 8]);
    expect(values.map((v) => scoreAgainst(v, cuts, true))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    // A new customer above every saved one gets 5, below every saved one 1.
    expect(scoreAgainst(1000, cuts, true)).toBe(5);
    expect(scoreAgainst(-3, cuts, true)).toBe(1);
    // Recency: fewer days is better.
    const recencyCuts = scoreCuts(values, false);
    expect(recencyCuts).toEqual([9, 7, 5, 3]);
    expect(values.map((v) => scoreAgainst(v, recencyCuts, false))).toEqual([
      5, 5, 4, 4, 3, 3, 2, 2, 1, 1,
    ]);
  });

  it('keeps a sum within the margin of a cut point on the same side', () => {
    const cuts = [10, 20, 30, 40];
    expect(scoreAgainst(20, cuts, true, MONETARY_MARGIN)).toBe(2);
    expect(scoreAgainst(20 * (1 + 1e-12), cuts, true, MONETARY_MARGIN)).toBe(2);
    expect(scoreAgainst(20.001, cuts, true, MONETARY_MARGIN)).toBe(3);
  });

  it('gives no cut points for no customers, and the lowest score to everyone then', () => {
    expect(scoreCuts([], true)).toEqual([]);
    expect(scoreAgainst(5, [], true)).toBe(1);
  });

  it('gives every customer of a single value the same score', () => {
    const cuts = scoreCuts([3, 3, 3, 3], true);
    expect([3, 3, 3, 3].map((v) => scoreAgainst(v, cuts, true))).toEqual(
      Array.from(tieScores(Float64Array.from([3, 3, 3, 3]), true)),
    );
  });
});

describe('meanOf', () => {
  it('adds in order as the app does', () => {
    expect(meanOf([1, 2, 3, 6])).toBe(3);
    expect(meanOf(Int32Array.from([5]))).toBe(5);
  });
});
