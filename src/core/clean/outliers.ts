import { quantile } from '../common/quantiles';
import {
  DROPPED_OUTLIER,
  KEPT,
  type CleanOptions,
  type CleanReport,
  type FeatureSource,
} from './cleanOptions';
import { transformed, type NumericTransform } from './numericFeature';
import { message, type Message } from '../common/message';

/**
 * Outliers of each numeric feature (|z| or IQR limits on the kept rows, after log1p), clipped to
 * the limits or set aside, as the options say; every value clipped (below and above) and every row
 * set aside is reported. A clip limit never lies beyond the values' own range (a duration's low
 * limit of -507 is its minimum, 0): a side with no outlier changes nothing. The features named in
 * `untested` hold a code for "no value" at an extreme (see findSentinels): their limits would be
 * meaningless, so their values are left as they are. So are a flag's (a feature with two values,
 * such as a 0/1 Complain): a rare yes lies many deviations from the mean, but it is no outlier,
 * and clipping it would turn it into a fraction; one note names them.
 */
export function treatOutliers(
  transforms: NumericTransform[],
  sources: readonly FeatureSource[],
  options: CleanOptions,
  reason: Uint8Array,
  detail: Map<number, Message>,
  report: CleanReport,
  untested: ReadonlySet<string> = new Set(),
): void {
  const n = reason.length;
  const outlier = new Uint8Array(n);
  const flags: string[] = [];
  transforms.forEach((transform, f) => {
    if (untested.has(transform.name)) return;
    const logged = sources[f].transform === 'log1p';
    const [low, high] = outlierBounds(transform, reason, options);
    const flagValues = twoValuesAtMost(transform, reason);
    if (flagValues !== null) {
      if (flagValues.some((v) => v < low || v > high)) flags.push(sources[f].column);
      return;
    }
    if (!(low <= high)) return;
    transform.outlierLow = low;
    transform.outlierHigh = high;
    let below = 0;
    let above = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      if (reason[i] !== KEPT) continue;
      const v = transformed(transform, i);
      if (v < min) min = v;
      if (v > max) max = v;
      if (v < low || v > high) {
        if (v < low) below++;
        else above++;
        if (options.outlierAction === 'drop' && outlier[i] === 0) {
          outlier[i] = 1;
          detail.set(
            i,
            message(
              v < low
                ? logged
                  ? 'detailBelowLog'
                  : 'detailBelow'
                : logged
                  ? 'detailAboveLog'
                  : 'detailAbove',
              { column: transform.name, limit: v < low ? low : high },
            ),
          );
        }
      }
    }
    if (options.outlierAction === 'clip') {
      transform.low = Math.max(low, min);
      transform.high = Math.min(high, max);
      // The limits are set on log(1 + x) for a log1p column; the report gives them in the
      // column's own units (the same clipping: log1p is increasing), as its values are written.
      const own = (limit: number) => (logged ? Math.expm1(limit) : limit);
      if (below + above > 0)
        report.clipped.push({
          column: transform.name,
          count: below + above,
          below,
          above,
          low: own(transform.low),
          high: own(transform.high),
        });
    }
  });
  for (let i = 0; i < n; i++) if (outlier[i] === 1) reason[i] = DROPPED_OUTLIER;
  if (flags.length > 0)
    report.notes.push(
      message('outliersFlagsUntested', {
        count: flags.length,
        columns: flags.map((name) => `"${name}"`).join(', '),
      }),
    );
}

/**
 * The distinct values the kept rows hold of the feature when there are at most two (a flag's),
 * as logged if it is. A filled cell is not counted: a flag filled with its mean is still a flag.
 */
function twoValuesAtMost(transform: NumericTransform, reason: Uint8Array): number[] | null {
  const values: number[] = [];
  for (let i = 0; i < reason.length; i++) {
    if (reason[i] !== KEPT || transform.values[i] !== transform.values[i]) continue;
    const v = transformed(transform, i);
    if (values.includes(v)) continue;
    if (values.length === 2) return null;
    values.push(v);
  }
  return values;
}

/** The limits beyond which a kept value of a feature is an outlier (NaN when it has no spread). */
export function outlierBounds(
  transform: NumericTransform,
  reason: Uint8Array,
  options: CleanOptions,
): [number, number] {
  const n = reason.length;
  if (options.outliers === 'iqr') {
    let count = 0;
    for (let i = 0; i < n; i++) if (reason[i] === KEPT) count++;
    const kept = new Float64Array(count);
    for (let i = 0, k = 0; i < n; i++)
      if (reason[i] === KEPT) kept[k++] = transformed(transform, i);
    const q1 = quantile(kept, 0.25);
    const q3 = quantile(kept, 0.75);
    const spread = (q3 - q1) * options.iqrFactor;
    return [q1 - spread, q3 + spread];
  }
  let count = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== KEPT) continue;
    sum += transformed(transform, i);
    count++;
  }
  const m = sum / count;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] !== KEPT) continue;
    const delta = transformed(transform, i) - m;
    squares += delta * delta;
  }
  const std = Math.sqrt(squares / count);
  if (std === 0) return [NaN, NaN];
  return [m - options.zThreshold * std, m + options.zThreshold * std];
}
