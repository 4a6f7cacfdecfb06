import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import {
  aliveExpectedPurchases,
  aliveProbability,
  expectedPurchases,
  expectedPurchasesOfNewCustomer,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from '../../../src/core/value/bgnbd';
import { bgNbdLogLikelihood } from '../../../src/core/value/bgnbdLikelihood';
import { simulateHistories } from '../../../src/core/value/simulate';
import { hyp2f1 } from '../../../src/core/value/specialFunctions';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const histories = (rows: [number, number, number][]) => ({
  frequency: Float64Array.from(rows, (r) => r[0]),
  recency: Float64Array.from(rows, (r) => r[1]),
  T: Float64Array.from(rows, (r) => r[2]),
});

const CDNOW: BgNbdParams = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

/** Equation 10 as lifetimes writes it, with 2F1 summed directly (fine for moderate x). */
function paperExpectation(params: BgNbdParams, x: number, tx: number, T: number, t: number) {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const hyp = hyp2f1(r + x, b + x, a + b + x - 1, z);
  const numerator =
    ((a + b + x - 1) / (a - 1)) * (1 - hyp * Math.pow((alpha + T) / (alpha + t + T), r + x));
  return numerator * aliveProbability(params, x, tx, T);
}

function userErrorOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('fitBgNbd', () => {
  it('recovers the parameters of histories drawn from the model', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const data = simulateHistories(truth, {
      customers: 10_000,
      seed: 1,
      minT: 26,
      maxT: 52,
      wholePeriods: false,
    });
    const fractions: number[] = [];
    const fit = fitBgNbd(data, { penalizer: 0 }, (f) => fractions.push(f));
    expect(fit.converged).toBe(true);
    expect(fit.reason).toBeUndefined();
    expect(fit.customers).toBe(10_000);
    expect(fit.r).toBeCloseTo(truth.r, 1);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.a / truth.a - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.b / truth.b - 1)).toBeLessThan(0.1);
    // Maximum likelihood: at least as likely as the truth.
    expect(fit.logLikelihood).toBeGreaterThan(bgNbdLogLikelihood(truth, data));
    expect(fractions.length).toBeGreaterThan(0);
    expect(fractions.length).toBeLessThanOrEqual(40);
    expect(fractions.at(-1)).toBe(1);
  });

  it('says why nothing can be fitted: no customers, or all one-time buyers', () => {
    expect(userErrorOf(() => fitBgNbd(histories([]))).code).toBe('too-few-rows');
    const oneTime = userErrorOf(() =>
      fitBgNbd(
        histories([
          [0, 0, 10],
          [0, 0, 3],
          [0, 0, 0],
        ]),
      ),
    );
    expect(oneTime.code).toBe('no-repeat-purchases');
    expect(oneTime.sentence).toEqual(message('valueNoRepeat', { unit: 'days' }));
    expect(oneTime.message).toMatch(/^No customer bought more than once/);
    expect(oneTime.message.split('. ')).toHaveLength(1);
  });

  it('reports a fit that cannot converge, in one sentence, instead of throwing', () => {
    // Everyone buys steadily up to the end: nobody seems to drop out.
    const steady = histories(Array.from({ length: 200 }, (_, i) => [5 + (i % 7), 40, 40]));
    const fit = fitBgNbd(steady);
    expect(fit.converged).toBe(false);
    expect(['bgnbdNoDropoutA', 'bgnbdNoDropoutB']).toContain(fit.reason?.key);
    expect(englishText(fit.reason!)).toMatch(
      /^The fit did not converge: almost no customer seems to stop/,
    );
    for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    const short = fitBgNbd(histories([...Array(50)].map((_, i) => [i % 3, i % 3 ? 20 : 0, 30])), {
      penalizer: 0,
      maxIterations: 2,
    });
    expect(short.converged).toBe(false);
    expect(short.reason).toEqual(message('bgnbdMaxIterations', { count: 2 }));
    expect(englishText(short.reason!)).toMatch(/within 2 iterations/);
  });

  it('blames too few repeat customers when there are', () => {
    const rows: [number, number, number][] = [
      ...Array.from({ length: 40 }, (): [number, number, number] => [0, 0, 30]),
      [1, 5, 30],
      [3, 28, 30],
    ];
    const fit = fitBgNbd(histories(rows), { penalizer: 0, maxIterations: 3 });
    expect(fit.converged).toBe(false);
    expect(fit.repeatCustomers).toBe(2);
    expect(fit.reason).toEqual(message('bgnbdFewRepeat', { count: 2 }));
    expect(englishText(fit.reason!)).toMatch(/^Only 2 customers bought more than once/);
  });

  it('shrinks the parameters under a penalizer, as lifetimes does', () => {
    const data = simulateHistories(CDNOW, {
      customers: 2000,
      seed: 3,
      minT: 26,
      maxT: 39,
      wholePeriods: false,
    });
    const free = fitBgNbd(data);
    const penalized = fitBgNbd(data, { penalizer: 0.1 });
    expect(penalized.b).toBeLessThan(free.b);
    expect(penalized.logLikelihood).toBeLessThan(free.logLikelihood);
  });
});

describe('probabilityAlive', () => {
  it('has the hand-checked value, and is 1 after a single purchase', () => {
    const ones = { r: 1, alpha: 1, a: 1, b: 1 };
    // 1 / (1 + a / (b + x - 1) ((α + T) / (α + t_x))^(r + x)) = 1 / (1 + (3/2)^2) = 4/13.
    expect(aliveProbability(ones, 1, 1, 2)).toBeCloseTo(4 / 13, 15);
    expect(Array.from(probabilityAlive(CDNOW, histories([[0, 0, 38.86]])))).toEqual([1]);
  });

  it('is highest for a customer whose last purchase is at the end of observation', () => {
    const p = probabilityAlive(
      CDNOW,
      histories([
        [3, 38.86, 38.86],
        [3, 30, 38.86],
        [3, 5, 38.86],
      ]),
    );
    expect(p[0]).toBeGreaterThan(p[1]);
    expect(p[1]).toBeGreaterThan(p[2]);
    // Right after a purchase, only the chance of dropping out at it remains: 1 / (1 + a/(b+x-1)).
    expect(p[0]).toBeCloseTo(1 / (1 + CDNOW.a / (CDNOW.b + 2)), 15);
  });
});

describe('expectedPurchases', () => {
  it('agrees with equation 10 summed directly', () => {
    const cases: [number, number, number, number][] = [
      [0, 0, 38.86, 10],
      [2, 30.43, 38.86, 10],
      [1, 1.71, 38.86, 52],
      [7, 35, 36, 39],
      [25, 30, 32, 5],
    ];
    for (const [x, tx, T, t] of cases) {
      const ours = expectedPurchases(CDNOW, histories([[x, tx, T]]), t)[0];
      const paper = paperExpectation(CDNOW, x, tx, T, t);
      expect(Math.abs(ours - paper)).toBeLessThanOrEqual(1e-12 * paper);
    }
  });

  it('for a new customer (x = t_x = T = 0) is the population expectation, equation 9', () => {
    const { r, alpha, a, b } = CDNOW;
    for (const t of [1, 10, 39, 100]) {
      const population =
        ((a + b - 1) / (a - 1)) *
        (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      expect(expectedPurchasesOfNewCustomer(CDNOW, t)).toBeCloseTo(population, 12);
    }
  });

  it('is finite and continuous where equation 10 divides by zero: a = 1 and a + b + x = 1', () => {
    const near = (params: BgNbdParams, x: number) => aliveExpectedPurchases(params, x, 20, 30);
    const atOne = near({ ...CDNOW, a: 1 }, 3);
    expect(Number.isFinite(atOne)).toBe(true);
    expect(atOne).toBeCloseTo(
      (near({ ...CDNOW, a: 1 - 1e-7 }, 3) + near({ ...CDNOW, a: 1 + 1e-7 }, 3)) / 2,
      9,
    );
    const sumOne = { ...CDNOW, a: 0.4, b: 0.6 };
    const atZero = near(sumOne, 0);
    expect(Number.isFinite(atZero)).toBe(true);
    expect(atZero).toBeCloseTo(
      (near({ ...sumOne, b: 0.6 - 1e-9 }, 0) + near({ ...sumOne, b: 0.6 + 1e-9 }, 0)) / 2,
      7,
    );
  });

  it('is 0 over no time, grows with time, and stays finite after a thousand purchases', () => {
    expect(expectedPurchases(CDNOW, histories([[4, 20, 30]]), 0)[0]).toBe(0);
    const many = expectedPurchases(CDNOW, histories([[1000, 365, 365]]), 90)[0];
    expect(Number.isFinite(many)).toBe(true);
    // A customer buying about 2.7 times a period keeps doing so, less the chance of dropping out.
    expect(many).toBeGreaterThan(150);
    expect(many).toBeLessThan(90 * (1000 / 365) * 1.05);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 200, noNaN: true }),
        (x, share, T, t) => {
          const tx = x === 0 ? 0 : share * T;
          const data = histories([[x, tx, T]]);
          const sooner = expectedPurchases(CDNOW, data, t)[0];
          const later = expectedPurchases(CDNOW, data, t * 1.5)[0];
          return sooner > 0 && later > sooner && Number.isFinite(later);
        },
      ),
    );
  });
});
