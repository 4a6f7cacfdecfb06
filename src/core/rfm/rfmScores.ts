import { SCORE_LEVELS } from './rfmSegments';

/** The score of every customer when a score cannot separate them (one distinct value). */
export const MIDDLE_SCORE = Math.ceil(SCORE_LEVELS / 2);

/** Whether every value is the same (and there is at least one). */
export function oneValue(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return values.length > 0;
}

/**
 * Scores 1..5 that keep ties together: a customer's score is
 * 1 + floor(5 x (customers with a strictly smaller value) / customers), so equal values always
 * share a score (quintiles by rank would split a tie of a thousand one-order customers at random).
 * With `higherIsBetter` false (recency: fewer days is better) "smaller" becomes "larger".
 * When every customer has the same value the score cannot separate anyone, and every customer
 * gets the middle score (MIDDLE_SCORE), not the worst: a file of one day is not all lapsed.
 */
export function tieScores(
  values: Float64Array | Int32Array,
  higherIsBetter: boolean,
  out = new Uint8Array(values.length),
): Uint8Array {
  const n = values.length;
  if (n === 0) return out;
  const sorted = Float64Array.from(values).sort();
  if (sorted[0] === sorted[n - 1]) return out.fill(MIDDLE_SCORE, 0, n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const below = lowerBound(sorted, v);
    const beaten = higherIsBetter ? below : n - upperBound(sorted, v);
    out[i] = 1 + Math.floor((SCORE_LEVELS * beaten) / n);
  }
  return out;
}

/** First index whose value is >= v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
