import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  bgNbdObjective,
  compressHistories,
  likelihoodScratch,
} from '../../../src/core/value/bgnbdLikelihood';

const histories = (rows: [number, number, number][]) => ({
  frequency: Float64Array.from(rows, (r) => r[0]),
  recency: Float64Array.from(rows, (r) => r[1]),
  T: Float64Array.from(rows, (r) => r[2]),
});

const ONES = { r: 1, alpha: 1, a: 1, b: 1 };

describe('bgNbdLogLikelihood', () => {
  it('has the hand-checked value at r = α = a = b = 1', () => {
    // x = 1, t_x = 1, T = 2: log Γ(2) - log Γ(1) + log B(1, 2) - log B(1, 1)
    //   + log(3^-2 + 1/1 · 2^-2) = log(1/2) + log(13/36) = log(13/72).
    expect(bgNbdLogLikelihood(ONES, histories([[1, 1, 2]]))).toBeCloseTo(Math.log(13 / 72), 14);
    // A customer who bought once (x = 0, T = 2): (α / (α + T))^r = 1/3.
    expect(bgNbdLogLikelihood(ONES, histories([[0, 0, 2]]))).toBeCloseTo(-Math.log(3), 14);
    expect(
      bgNbdLogLikelihood(
        ONES,
        histories([
          [1, 1, 2],
          [0, 0, 2],
        ]),
      ),
    ).toBeCloseTo(Math.log(13 / 72) - Math.log(3), 13);
  });

  it('is the sum of the customers, however many share a history', () => {
    const params = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
    const rows: [number, number, number][] = [
      [2, 30.43, 38.86],
      [1, 1.71, 38.86],
      [0, 0, 38.86],
      [0, 0, 38.86],
      [2, 30.43, 38.86],
      [5, 12, 20],
    ];
    const patterns = compressHistories(histories(rows));
    expect(Array.from(patterns.weight)).toEqual([2, 1, 2, 1]);
    expect(patterns.repeatCustomers).toBe(4);
    expect(patterns.totalFrequency).toBe(10);
    const alone = rows.reduce((sum, row) => sum + bgNbdLogLikelihood(params, histories([row])), 0);
    expect(bgNbdLogLikelihood(params, histories(rows))).toBeCloseTo(alone, 12);
  });

  it('changes only by the sum of x log k when time is counted in units k times longer', () => {
    const rows: [number, number, number][] = [
      [3, 20, 35],
      [0, 0, 10],
      [1, 2, 40],
    ];
    const params = { r: 0.5, alpha: 7, a: 0.6, b: 3 };
    const k = 7;
    const weeks = histories(rows.map(([x, t, T]) => [x, t / k, T / k]));
    const inDays = bgNbdLogLikelihood(params, histories(rows));
    const inWeeks = bgNbdLogLikelihood({ ...params, alpha: params.alpha / k }, weeks);
    expect(inWeeks - inDays).toBeCloseTo(4 * Math.log(k), 10);
  });
});

describe('bgNbdObjective', () => {
  it('has the gradient of its value (central differences), with and without a penalizer', () => {
    const patterns = compressHistories(
      histories([
        [2, 30.43, 38.86],
        [1, 1.71, 38.86],
        [0, 0, 38.86],
        [7, 35, 36],
        [1, 0.5, 3],
      ]),
    );
    const scratch = likelihoodScratch(patterns);
    const logParam = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(
        fc.tuple(logParam, logParam, logParam, logParam),
        fc.constantFrom(0, 0.1),
        (point, penalizer) => {
          const x = Float64Array.from(point);
          const gradient = new Float64Array(4);
          bgNbdObjective(x, patterns, penalizer, scratch, gradient);
          for (let i = 0; i < 4; i++) {
            const step = 1e-6;
            const up = Float64Array.from(x);
            const down = Float64Array.from(x);
            up[i] += step;
            down[i] -= step;
            const slope =
              (bgNbdObjective(up, patterns, penalizer, scratch) -
                bgNbdObjective(down, patterns, penalizer, scratch)) /
              (2 * step);
            if (Math.abs(slope - gradient[i]) > 1e-6 * Math.max(1, Math.abs(slope))) return false;
          }
          return true;
        },
      ),
    );
  });
});
