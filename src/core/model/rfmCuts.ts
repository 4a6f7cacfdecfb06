import { MIDDLE_SCORE } from '../rfm/rfmScores';
import { SCORE_LEVELS } from '../rfm/rfmSegments';

/**
 * Monetary sums compare with their cut points and mean with this relative margin: a SQL engine
 * adds a customer's lines in another order than the app, which can move the sum by a few units
 * in the last place, and a customer whose sum is a cut point must not change score for that.
 */
export const MONETARY_MARGIN = 1e-9;

/**
 * The cut points that reproduce the app's tie-keeping scores (see tieScores): score = 1 + the
 * number of cut points the value is better than. A score of s needs at least ceil((s - 1) n / 5)
 * customers beaten; the cut point is the value of the customer that makes that count. Higher is
 * better: better means above the cut; lower is better (recency): below it.
 */
export function scoreCuts(values: ArrayLike<number>, higherIsBetter: boolean): number[] {
  const n = values.length;
  if (n === 0) return [];
  const sorted = Float64Array.from(values).sort();
  if (sorted[0] === sorted[n - 1]) {
    // One value: tieScores gives everyone the middle score, so the value beats exactly
    // MIDDLE_SCORE - 1 cut points (placed just on its worse side; the others are the value).
    const v = sorted[0];
    const step = Math.max(Math.abs(v) * 1e-6, 1e-6);
    const worse = higherIsBetter ? v - step : v + step;
    return Array.from({ length: SCORE_LEVELS - 1 }, (_, i) => (i < MIDDLE_SCORE - 1 ? worse : v));
  }
  const cuts: number[] = [];
  for (let s = 2; s <= SCORE_LEVELS; s++) {
    const beaten = Math.ceil(((s - 1) * n) / SCORE_LEVELS);
    cuts.push(higherIsBetter ? sorted[beaten - 1] : sorted[n - beaten]);
  }
  return cuts;
}

/** A value's score 1..5 against cut points (see scoreCuts); `margin` widens "above" relatively. */
export function scoreAgainst(
  value: number,
  cuts: readonly number[],
  higherIsBetter: boolean,
  margin = 0,
): number {
  let score = 1;
  for (const cut of cuts) {
    if (higherIsBetter ? value > cut * (1 + margin) : value < cut) score++;
  }
  return score;
}

/** The mean the 'rfm-mean' scheme compares with, summed as the app sums it. */
export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
