import { ONE_DAY_MS } from '../read/parseDate';
import { UserError } from '../common/userError';
import type { OrderLines } from '../rfm/orderLines';
import { expectedPurchases, type BgNbdParams } from './bgnbd';
import { periodOf, summarizeHistories, type CustomerHistories, type ValueUnit } from './summary';

/**
 * A calibration / holdout split by date, as lifetimes' `calibration_and_holdout_data` with
 * calibration_period_end = holdoutStart - 1 ms: the models learn from the lines before
 * `holdoutStart`, and their predictions are compared with what customers bought from then on.
 */
export interface HoldoutSplit {
  /** Histories of the calibration period, T measured to its last period. */
  calibration: CustomerHistories;
  /** Per calibration customer: periods with a purchase in the holdout (new customers are left out). */
  holdoutFrequency: Float64Array;
  /** Periods from the calibration end's period to the observation end's (lifetimes' duration_holdout). */
  holdoutDuration: number;
  holdoutStart: number;
  observationEnd: number;
}

/** The start of the day three quarters of the way from the first order to the observation end. */
export function defaultHoldoutStart(firstOrder: number, observationEnd: number): number {
  const at = firstOrder + 0.75 * (observationEnd - firstOrder);
  return Math.floor(at / ONE_DAY_MS) * ONE_DAY_MS;
}

export function splitCalibrationHoldout(
  lines: OrderLines,
  options: { unit: ValueUnit; holdoutStart: number; observationEnd: number },
): HoldoutSplit {
  const { unit, holdoutStart, observationEnd } = options;
  const calibrationEnd = holdoutStart - 1;
  if (!(holdoutStart > lines.firstOrder && holdoutStart <= lines.lastOrder)) {
    throw new UserError('bad-option', 'valueHoldoutRange', {
      first: lines.firstOrder,
      last: lines.lastOrder,
    });
  }
  const calibration = summarizeHistories(lines, {
    unit,
    observationEnd: calibrationEnd,
    upTo: calibrationEnd,
  });
  const rowOf = new Int32Array(lines.customers.length).fill(-1);
  calibration.customer.forEach((customer, row) => (rowOf[customer] = row));
  // Distinct (customer, period) pairs among the holdout lines, as one sorted number each.
  const endPeriod = periodOf(observationEnd, unit);
  const inHoldout = (i: number) => {
    const time = lines.time[i];
    return time > calibrationEnd && time <= observationEnd && rowOf[lines.customer[i]] !== -1;
  };
  let firstPeriod = Infinity;
  for (let i = 0; i < lines.count; i++) {
    if (inHoldout(i)) firstPeriod = Math.min(firstPeriod, periodOf(lines.time[i], unit));
  }
  if (firstPeriod === Infinity) {
    throw new UserError('bad-option', 'valueHoldoutEmpty', { start: holdoutStart });
  }
  const span = endPeriod - firstPeriod + 1;
  const keys = new Float64Array(lines.count);
  let count = 0;
  for (let i = 0; i < lines.count; i++) {
    if (inHoldout(i)) {
      const row = rowOf[lines.customer[i]];
      keys[count++] = row * span + (periodOf(lines.time[i], unit) - firstPeriod);
    }
  }
  const sorted = keys.subarray(0, count).sort();
  const holdoutFrequency = new Float64Array(calibration.customer.length);
  for (let k = 0; k < sorted.length; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) holdoutFrequency[Math.floor(sorted[k] / span)]++;
  }
  return {
    calibration,
    holdoutFrequency,
    holdoutDuration: endPeriod - periodOf(calibrationEnd, unit),
    holdoutStart,
    observationEnd,
  };
}

export interface CalibrationBucket {
  /** Repeat purchases in the calibration period. */
  frequency: number;
  customers: number;
  /** Mean repeat purchases in the holdout: what happened, and what the model expected. */
  actual: number;
  predicted: number;
}

export interface CalibrationChart {
  buckets: CalibrationBucket[];
  /** Over all calibration customers: total holdout purchases, actual and predicted. */
  total: { customers: number; actual: number; predicted: number };
}

/**
 * Expected against actual holdout purchases by calibration frequency, the chart lifetimes draws
 * with `plot_calibration_purchases_vs_holdout_purchases`: its first `buckets` frequencies
 * present (7 by default, as lifetimes), with the model fitted on the calibration period.
 */
export function calibrationChart(
  params: BgNbdParams,
  split: HoldoutSplit,
  buckets = 7,
): CalibrationChart {
  const { calibration, holdoutFrequency, holdoutDuration } = split;
  const predicted = expectedPurchases(params, calibration, holdoutDuration);
  const byFrequency = new Map<number, CalibrationBucket>();
  let actualTotal = 0;
  let predictedTotal = 0;
  calibration.frequency.forEach((x, i) => {
    let bucket = byFrequency.get(x);
    if (bucket === undefined) {
      bucket = { frequency: x, customers: 0, actual: 0, predicted: 0 };
      byFrequency.set(x, bucket);
    }
    bucket.customers++;
    bucket.actual += holdoutFrequency[i];
    bucket.predicted += predicted[i];
    actualTotal += holdoutFrequency[i];
    predictedTotal += predicted[i];
  });
  const chosen = [...byFrequency.values()]
    .sort((a, b) => a.frequency - b.frequency)
    .slice(0, buckets)
    .map((bucket) => ({
      ...bucket,
      actual: bucket.actual / bucket.customers,
      predicted: bucket.predicted / bucket.customers,
    }));
  return {
    buckets: chosen,
    total: {
      customers: calibration.frequency.length,
      actual: actualTotal,
      predicted: predictedTotal,
    },
  };
}
