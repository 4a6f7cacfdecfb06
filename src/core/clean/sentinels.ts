import { KEPT, type SentinelCode } from './cleanOptions';

/**
 * The least share of a column's values a code must cover. Below it a code is a handful of
 * outliers that clipping handles; from it on, it moves the mean and standard deviation enough to
 * put the z-score limits among the real values, and it would become a segment of its own.
 */
export const SENTINEL_MIN_SHARE = 0.05;

/** A code is written again and again: a value in fewer cells is an outlier or a typo, not a code. */
export const SENTINEL_MIN_COUNT = 5;

/** How far beyond the other values' range, in their interquartile ranges, a code lies. */
export const SENTINEL_DISTANCE_IQRS = 3;

/** Codes people write for "no value" (9s and minus 9s from 99 on). */
const TYPICAL_CODES = new Set([99, 999, 9999, 99999, 999999, -99, -999, -9999, -99999]);

/**
 * The codes of a column among its kept rows: its smallest or its largest value (a code lies at an
 * extreme), when it covers at least SENTINEL_MIN_SHARE of the values and SENTINEL_MIN_COUNT cells,
 * and either lies more than
 * SENTINEL_DISTANCE_IQRS interquartile ranges of the other values beyond their range, or is a
 * typical code (99, 999, -99...; a negative whole number below values that are never negative).
 * The largest value first when both ends are codes.
 */
export function findSentinels(
  column: string,
  values: Float64Array,
  reason: Uint8Array,
): SentinelCode[] {
  // One pass for the extremes and how often each occurs: most columns have no value at either
  // end often enough to be a code, and then nothing needs sorting.
  let present = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  let lowCount = 0;
  let highCount = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (reason[i] !== KEPT || value !== value) continue;
    present++;
    if (value < lowest) {
      lowest = value;
      lowCount = 1;
    } else if (value === lowest) lowCount++;
    if (value > highest) {
      highest = value;
      highCount = 1;
    } else if (value === highest) highCount++;
  }
  if (present < 2 || highCount === present) return [];
  if (!oftenEnough(lowCount, present) && !oftenEnough(highCount, present)) return [];
  const sorted = new Float64Array(present);
  for (let i = 0, k = 0; i < values.length; i++)
    if (reason[i] === KEPT && values[i] === values[i]) sorted[k++] = values[i];
  sorted.sort();
  const found: SentinelCode[] = [];
  let highRun = 1;
  while (highRun < present && sorted[present - 1 - highRun] === sorted[present - 1]) highRun++;
  let lowRun = 1;
  while (lowRun < present && sorted[lowRun] === sorted[0]) lowRun++;
  if (highRun === present) return [];
  const high = codeAt(column, sorted, present - highRun, present, 0, present - highRun, 'high');
  if (high !== null) found.push(high);
  const low = codeAt(column, sorted, 0, lowRun, lowRun, present, 'low');
  if (low !== null) found.push(low);
  return found;
}

/** sorted[from..to) is the candidate's run, sorted[restFrom..restTo) the other values. */
function codeAt(
  column: string,
  sorted: Float64Array,
  from: number,
  to: number,
  restFrom: number,
  restTo: number,
  end: 'low' | 'high',
): SentinelCode | null {
  const count = to - from;
  const share = count / sorted.length;
  if (!oftenEnough(count, sorted.length) || restTo <= restFrom) return null;
  const value = sorted[from];
  const restLow = sorted[restFrom];
  const restHigh = sorted[restTo - 1];
  const rest = sorted.subarray(restFrom, restTo);
  const iqr = sortedQuantile(rest, 0.75) - sortedQuantile(rest, 0.25);
  const spread = iqr > 0 ? iqr : restHigh - restLow;
  const distance = end === 'high' ? value - restHigh : restLow - value;
  const far = spread > 0 && distance > SENTINEL_DISTANCE_IQRS * spread;
  const typical =
    TYPICAL_CODES.has(value) ||
    (end === 'low' && value < 0 && Number.isInteger(value) && restLow >= 0);
  if (!far && !typical) return null;
  return { column, value, count, share, restLow, restHigh };
}

/** Whether a value held by `count` of `present` cells is common enough to be a code. */
function oftenEnough(count: number, present: number): boolean {
  return count / present >= SENTINEL_MIN_SHARE && count >= SENTINEL_MIN_COUNT;
}

/** numpy's linear quantile of an ascending array. */
function sortedQuantile(sorted: Float64Array, q: number): number {
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const fraction = position - lower;
  if (fraction === 0) return sorted[lower];
  return sorted[lower] + (sorted[lower + 1] - sorted[lower]) * fraction;
}
