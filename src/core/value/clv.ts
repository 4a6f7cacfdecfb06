import { UserError } from '../common/userError';
import { aliveExpectedPurchases, aliveProbability, distinctPairs, type BgNbdParams } from './bgnbd';
import type { PurchaseHistories, ValueUnit } from './summary';

export interface ClvOptions {
  /** The unit the histories count in. */
  unit: ValueUnit;
  /** Whole months ahead (lifetimes' `time`, default 12). */
  horizonMonths: number;
  /** Discount per month (lifetimes' `discount_rate`, default 0.01). */
  monthlyDiscount: number;
}

export const DEFAULT_CLV: Omit<ClvOptions, 'unit'> = { horizonMonths: 12, monthlyDiscount: 0.01 };

/** Periods in a month, lifetimes' factors: 30 days, 4.345 weeks. */
export const PERIODS_PER_MONTH: Record<ValueUnit, number> = { days: 30, weeks: 4.345 };

/**
 * Customer lifetime value as lifetimes' `customer_lifetime_value`: for each month k of the
 * horizon, the purchases BG/NBD expects in that month times the expected spend per purchase,
 * discounted by (1 + rate)^k, summed:
 *   CLV = sum over k = 1..H of spend x (E(k f) - E((k - 1) f)) / (1 + d)^k,  f periods a month.
 * `spend` is per customer (Gamma-Gamma's expected average spend).
 */
export function customerLifetimeValue(
  params: BgNbdParams,
  histories: PurchaseHistories,
  spend: Float64Array,
  options: ClvOptions,
): Float64Array {
  const { horizonMonths, monthlyDiscount } = options;
  if (!(Number.isInteger(horizonMonths) && horizonMonths >= 1 && horizonMonths <= 1200)) {
    throw new UserError('bad-option', 'valueHorizonMonths', { value: horizonMonths });
  }
  if (!(monthlyDiscount >= 0 && monthlyDiscount < 10)) {
    throw new UserError('bad-option', 'valueDiscount', { value: monthlyDiscount });
  }
  const factor = PERIODS_PER_MONTH[options.unit];
  const { frequency, recency, T } = histories;
  // The discounted expected purchases depend on (x, T) only, apart from P(alive).
  const pairs = distinctPairs(frequency, T);
  const discounted = Float64Array.from(pairs.frequency, (x, k) => {
    let sum = 0;
    let previous = 0;
    for (let month = 1; month <= horizonMonths; month++) {
      const cumulative = aliveExpectedPurchases(params, x, pairs.T[k], month * factor);
      sum += (cumulative - previous) / Math.pow(1 + monthlyDiscount, month);
      previous = cumulative;
    }
    return sum;
  });
  return Float64Array.from(
    frequency,
    (x, i) =>
      spend[i] * discounted[pairs.pairOf[i]] * aliveProbability(params, x, recency[i], T[i]),
  );
}
