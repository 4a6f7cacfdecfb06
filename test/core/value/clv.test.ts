import { describe, expect, it } from 'vitest';
import { isUserError } from '../../../src/core/common/userError';
import { expectedPurchases } from '../../../src/core/value/bgnbd';
import { customerLifetimeValue, PERIODS_PER_MONTH } from '../../../src/core/value/clv';

const PARAMS = { r: 0.83, alpha: 69, a: 0.004, b: 6.7 };
const DATA = {
  frequency: Float64Array.of(0, 2, 10, 2),
  recency: Float64Array.of(0, 50, 300, 50),
  T: Float64Array.of(100, 200, 320, 200),
};
const SPEND = Float64Array.of(300, 120, 80, 0);
const expected = (t: number) => expectedPurchases(PARAMS, DATA, t);

describe('customerLifetimeValue', () => {
  it('without discount is spend x the purchases expected over the whole horizon', () => {
    const clv = customerLifetimeValue(PARAMS, DATA, SPEND, {
      unit: 'days',
      horizonMonths: 12,
      monthlyDiscount: 0,
    });
    const year = expected(12 * 30);
    for (let i = 0; i < 4; i++) expect(clv[i]).toBeCloseTo(SPEND[i] * year[i], 10);
    expect(clv[3]).toBe(0);
  });

  it('discounts each month by (1 + rate)^month, months of 4.345 weeks', () => {
    expect(PERIODS_PER_MONTH).toEqual({ days: 30, weeks: 4.345 });
    const month = expected(4.345);
    const twoMonths = expected(2 * 4.345);
    const clv = customerLifetimeValue(PARAMS, DATA, SPEND, {
      unit: 'weeks',
      horizonMonths: 2,
      monthlyDiscount: 0.02,
    });
    for (let i = 0; i < 4; i++) {
      const value = SPEND[i] * (month[i] / 1.02 + (twoMonths[i] - month[i]) / 1.02 ** 2);
      expect(clv[i]).toBeCloseTo(value, 10);
    }
  });

  it('falls as the discount rate rises and grows with the horizon', () => {
    const at = (horizonMonths: number, monthlyDiscount: number) =>
      customerLifetimeValue(PARAMS, DATA, SPEND, { unit: 'days', horizonMonths, monthlyDiscount });
    const base = at(12, 0.01);
    const dearer = at(12, 0.05);
    const longer = at(24, 0.01);
    for (let i = 0; i < 3; i++) {
      expect(dearer[i]).toBeLessThan(base[i]);
      expect(longer[i]).toBeGreaterThan(base[i]);
    }
  });

  it('refuses a horizon that is not whole months and a negative discount', () => {
    for (const [horizonMonths, monthlyDiscount] of [
      [0, 0.01],
      [1.5, 0.01],
      [1201, 0.01],
      [NaN, 0.01],
      [12, -0.1],
      [12, NaN],
      [12, 10],
    ]) {
      let error: unknown = null;
      try {
        customerLifetimeValue(PARAMS, DATA, SPEND, {
          unit: 'days',
          horizonMonths,
          monthlyDiscount,
        });
      } catch (caught) {
        error = caught;
      }
      expect(isUserError(error) && error.code).toBe('bad-option');
    }
  });
});
