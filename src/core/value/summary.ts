import { ONE_DAY_MS } from '../read/parseDate';
import type { StageProgress } from '../common/progress';
import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';

/** The time unit the models count in: one purchase per day or per week, as lifetimes' freq D / W. */
export type ValueUnit = 'days' | 'weeks';

export const UNIT_DAYS: Record<ValueUnit, number> = { days: 1, weeks: 7 };

/**
 * Per customer, the figures BG/NBD and Gamma-Gamma read, in the chosen unit (lifetimes'
 * `summary_data_from_transaction_data` with include_first_transaction False):
 * - frequency: periods with a purchase, minus one (the repeat purchases);
 * - recency: from the first purchase period to the last;
 * - T: from the first purchase period to the observation end's period;
 * - monetary: mean spend of the repeat purchase periods (each period's lines summed), 0 without.
 */
export interface CustomerHistories {
  unit: ValueUnit;
  /** Start of the period the observation ends in (ms on a UTC clock). */
  observationEnd: number;
  /** Customers with a purchase up to the observation end: indices into the lines' customers. */
  customer: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

/** The three figures BG/NBD reads, however they were made (order lines or a published summary). */
export interface PurchaseHistories {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
}

/**
 * The period a time falls in, counted from 1970-01-01: days, or weeks that start on Monday
 * (pandas' `to_period('W')`, weeks ending on Sunday; 1970-01-01 was a Thursday).
 */
export function periodOf(time: number, unit: ValueUnit): number {
  const day = Math.floor(time / ONE_DAY_MS);
  return unit === 'days' ? day : Math.floor((day + 3) / 7);
}

/** The first moment of a period (pandas' `to_timestamp()` of the period). */
export function periodStart(period: number, unit: ValueUnit): number {
  return (unit === 'days' ? period : period * 7 - 3) * ONE_DAY_MS;
}

/**
 * Frequency, recency, T and monetary value per customer from order lines, counting one purchase
 * per period (lines of a customer in the same period are one purchase whose spend is their
 * sum). Lines in a period after the observation end's are left out, and so are customers
 * without a line up to it. Exactly lifetimes' figures, times in whole periods.
 */
export function summarizeHistories(
  lines: OrderLines,
  options: {
    unit: ValueUnit;
    /** The end of observation (ms): lines in later periods are left out. */
    observationEnd: number;
    /** Leave out lines after this time too (the calibration period of a holdout split). */
    upTo?: number;
  },
  onProgress?: StageProgress,
): CustomerHistories {
  const { unit } = options;
  if (!Number.isFinite(options.observationEnd)) {
    throw new UserError('bad-option', 'valueObservationEnd');
  }
  const endPeriod = periodOf(options.observationEnd, unit);
  // lifetimes keeps a line when its period starts no later than the end's period does.
  const lastTime = options.upTo ?? Infinity;
  const customerCount = lines.customers.length;
  const linesOf = new Int32Array(customerCount + 1);
  let firstPeriod = Infinity;
  for (let i = 0; i < lines.count; i++) {
    if (!kept(lines.time[i], lastTime, endPeriod, unit)) continue;
    linesOf[lines.customer[i] + 1]++;
    firstPeriod = Math.min(firstPeriod, periodOf(lines.time[i], unit));
  }
  for (let c = 0; c < customerCount; c++) linesOf[c + 1] += linesOf[c];
  const used = linesOf[customerCount];
  if (used === 0) {
    throw new UserError('no-rows', 'valueNothingBought');
  }
  // Lines grouped by customer, in file order within each (a stable counting sort).
  const next = linesOf.slice(0, customerCount);
  const grouped = new Int32Array(used);
  for (let i = 0; i < lines.count; i++) {
    if (kept(lines.time[i], lastTime, endPeriod, unit)) grouped[next[lines.customer[i]]++] = i;
  }
  onProgress?.(0.3);

  let customers = 0;
  for (let c = 0; c < customerCount; c++) if (linesOf[c + 1] > linesOf[c]) customers++;
  const customer = new Int32Array(customers);
  const frequency = new Float64Array(customers);
  const recency = new Float64Array(customers);
  const T = new Float64Array(customers);
  const monetary = new Float64Array(customers);
  let keys = new Float64Array(64);
  let row = 0;
  for (let c = 0; c < customerCount; c++) {
    const from = linesOf[c];
    const count = linesOf[c + 1] - from;
    if (count === 0) continue;
    if (keys.length < count) keys = new Float64Array(count * 2);
    // Sort the customer's lines by period, keeping file order within a period: the key is
    // period * count + position, exact in a double for any real file.
    for (let k = 0; k < count; k++) {
      keys[k] = (periodOf(lines.time[grouped[from + k]], unit) - firstPeriod) * count + k;
    }
    const sorted = keys.subarray(0, count).sort();
    let periods = 0;
    let previous = -1;
    let repeatSpend = 0;
    let firstOfCustomer = -1;
    let lastOfCustomer = -1;
    for (let k = 0; k < count; k++) {
      const key = sorted[k];
      const period = Math.floor(key / count);
      const value = lines.value[grouped[from + (key - period * count)]];
      if (period !== previous) {
        periods++;
        previous = period;
        if (firstOfCustomer === -1) firstOfCustomer = period;
        lastOfCustomer = period;
      }
      if (periods > 1) repeatSpend += value;
    }
    customer[row] = c;
    frequency[row] = periods - 1;
    recency[row] = lastOfCustomer - firstOfCustomer;
    T[row] = endPeriod - (firstOfCustomer + firstPeriod);
    monetary[row] = periods > 1 ? repeatSpend / (periods - 1) : 0;
    row++;
  }
  onProgress?.(1);
  return {
    unit,
    observationEnd: periodStart(endPeriod, unit),
    customer,
    frequency,
    recency,
    T,
    monetary,
  };
}

function kept(time: number, lastTime: number, endPeriod: number, unit: ValueUnit): boolean {
  return time <= lastTime && periodOf(time, unit) <= endPeriod;
}
