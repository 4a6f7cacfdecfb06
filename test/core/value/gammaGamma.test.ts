import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import {
  expectedAverageSpend,
  fitGammaGamma,
  frequencyMonetaryCorrelation,
  type GammaGammaParams,
} from '../../../src/core/value/gammaGamma';
import { simulateHistories } from '../../../src/core/value/simulate';
import { logGamma } from '../../../src/core/value/specialFunctions';
import { message } from '../../../src/core/common/message';
import { englishText } from '../../../src/i18n/formatMessage';

const SPEND = { p: 4, q: 3, v: 50 };
const drawn = (spend: GammaGammaParams) =>
  simulateHistories(
    { r: 0.5, alpha: 10, a: 0.7, b: 2.5 },
    { customers: 20_000, seed: 5, minT: 52, maxT: 104, wholePeriods: true, spend },
  );

const spendOf = (rows: [number, number][]) => ({
  frequency: Float64Array.from(rows, (r) => r[0]),
  monetary: Float64Array.from(rows, (r) => r[1]),
});

/** Note 025's equation 1a summed over customers with x > 0, written out independently. */
function logLikelihood({ p, q, v }: GammaGammaParams, frequency: Float64Array, m: Float64Array) {
  let total = 0;
  frequency.forEach((x, i) => {
    if (x === 0) return;
    total +=
      logGamma(p * x + q) -
      logGamma(p * x) -
      logGamma(q) +
      q * Math.log(v) +
      (p * x - 1) * Math.log(m[i]) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(x * m[i] + v);
  });
  return total;
}

describe('fitGammaGamma', () => {
  it('recovers the spend parameters of customers drawn from the model', () => {
    const data = drawn(SPEND);
    const fit = fitGammaGamma(data);
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(data.frequency.filter((x) => x > 0).length);
    expect(Math.abs(fit.p / SPEND.p - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.q / SPEND.q - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.v / SPEND.v - 1)).toBeLessThan(0.05);
    expect(fit.logLikelihood).toBeCloseTo(logLikelihood(fit, data.frequency, data.monetary), 6);
    expect(fit.logLikelihood).toBeGreaterThan(logLikelihood(SPEND, data.frequency, data.monetary));
  });

  it('reports q at most 1 (no finite mean spend) as not converged', () => {
    const fit = fitGammaGamma(drawn({ ...SPEND, q: 0.7 }));
    expect(fit.q).toBeLessThan(1);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toEqual(message('spendQAtMostOne', { q: Number(fit.q.toPrecision(3)) }));
    expect(englishText(fit.reason!)).toMatch(/^The spend model's q is 0\.\d+, at most 1/);
  });

  it('reports a single repeat customer as too few, and throws when there is none', () => {
    const one = fitGammaGamma(
      spendOf([
        [0, 0],
        [2, 10],
      ]),
    );
    expect(one.converged).toBe(false);
    expect(one.reason).toEqual(message('spendFewRepeat', { count: 1 }));
    expect(englishText(one.reason!)).toMatch(/^Only 1 customer bought more than once/);
    let error: unknown = null;
    try {
      fitGammaGamma(spendOf([[0, 0]]));
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('no-repeat-purchases');
    expect(isUserError(error) && error.sentence).toEqual(message('valueNoRepeatSpend'));
    // A repeat customer who spent nothing cannot come from order lines: a bug, not a user error.
    expect(() => fitGammaGamma(spendOf([[2, 0]]))).toThrow(/mean spend of 0/);
  });
});

describe('expectedAverageSpend', () => {
  it('weighs the customer against the population as note 025 equation 5', () => {
    const params = { p: 6, q: 4, v: 15 };
    const population = (6 * 15) / 3;
    const spend = expectedAverageSpend(
      params,
      spendOf([
        [0, 0],
        [1, 40],
        [1000, 40],
      ]),
    );
    expect(spend[0]).toBeCloseTo(population, 12);
    // x = 1: weight p x / (p x + q - 1) = 6 / 9 on the customer's own mean.
    expect(spend[1]).toBeCloseTo((3 / 9) * population + (6 / 9) * 40, 12);
    expect(spend[2]).toBeCloseTo(40, 1);
  });

  it('refuses q at most 1 with a sentence that says what to do', () => {
    let error: unknown = null;
    try {
      expectedAverageSpend({ p: 2, q: 0.9, v: 10 }, spendOf([[1, 5]]));
    } catch (caught) {
      error = caught;
    }
    expect(isUserError(error) && error.code).toBe('no-average-spend');
  });
});

describe('frequencyMonetaryCorrelation', () => {
  it('is Pearson over the repeat customers, with a warning above 0.3 in size', () => {
    const rising = frequencyMonetaryCorrelation(
      spendOf([
        [0, 0],
        [1, 10],
        [2, 20],
        [3, 30],
      ]),
    );
    expect(rising.correlation).toBeCloseTo(1, 14);
    expect(rising.customers).toBe(3);
    expect(rising.warn).toBe(true);
    const falling = frequencyMonetaryCorrelation(
      spendOf([
        [1, 30],
        [2, 10],
        [3, 20],
      ]),
    );
    expect(falling.correlation).toBeCloseTo(-0.5, 14);
    expect(falling.warn).toBe(true);
    const weak = frequencyMonetaryCorrelation(drawn(SPEND));
    expect(Math.abs(weak.correlation!)).toBeLessThan(0.3);
    expect(weak.warn).toBe(false);
  });

  it('is null where it is not defined: fewer than two repeat customers, or a constant', () => {
    expect(frequencyMonetaryCorrelation(spendOf([[1, 5]])).correlation).toBeNull();
    const constant = frequencyMonetaryCorrelation(
      spendOf([
        [1, 5],
        [2, 5],
      ]),
    );
    expect(constant).toEqual({ correlation: null, customers: 2, warn: false });
  });
});
