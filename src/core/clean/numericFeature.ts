import { KEPT } from './cleanOptions';

/** A numeric feature as the matrix receives it: filled, maybe logged, clipped to [low, high]. */
export interface NumericTransform {
  name: string;
  values: Float64Array;
  /** What a missing cell becomes (NaN when missing rows are dropped, so none is left). */
  fill: number;
  log: boolean;
  low: number;
  high: number;
  /** The limits outliers were tested against, when they were (see treatOutliers). */
  outlierLow?: number;
  outlierHigh?: number;
}

/** A row's value of a feature as the matrix receives it (before clipping). */
export function transformed(transform: NumericTransform, row: number): number {
  let v = transform.values[row];
  if (v !== v) v = transform.fill;
  return transform.log ? Math.log1p(v) : v;
}

/** Whether any kept row of a feature is negative (then log1p cannot apply). */
export function hasNegative(transform: NumericTransform, reason: Uint8Array): boolean {
  for (let i = 0; i < reason.length; i++)
    if (reason[i] === KEPT && transformed(transform, i) < 0) return true;
  return false;
}
