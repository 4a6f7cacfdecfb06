import { SCORE_LEVELS } from './rfmSegments';

/**
 * Scores 1..5 that keep ties together: a customer's score is
 * 1 + floor(5 x (customers with a strictly smaller value) / customers), so equal values always
 * share a score (quintiles by rank would split a tie of a thousand one-order customers at random).
 * With `higherIsBetter` false (recency: fewer days is better) "smaller" becomes "larger".
 */
export function tieScores(
  values: Float64Array | Int32Array,
  higherIsBetter: boolean,
  out = new Uint8Array(values.length),
): Uint8Array {
  const n = values.length;
  if (n === 0) return out;
  const sorted = Float64Array.from(values).sort();
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
