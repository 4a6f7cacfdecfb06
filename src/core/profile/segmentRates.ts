import { message, type Message } from '../common/message';
import type { ProfileContext } from './profileContext';
import type { RateDifference } from './profileTypes';
import type { SegmentLabels } from '../cluster/segmentLabels';

/** A gap smaller than this many percentage points is not worth a marketer's attention. */
export const MIN_POINTS = 5;
/** Two-sided 5% level of the test of a segment's share against the base's. */
const Z_CRITICAL = 1.96;
/** A column with more values than this shows, per segment, only its most different values. */
const MANY_VALUES = 20;
const KEPT_OF_MANY = 10;

/**
 * Every segment's rates of every categorical and 0/1 column of the context, each list sorted by
 * how far the segment is from the base (largest gap in points first). A 0/1 column gives the
 * rate of 1; a two-valued column the rate of its rarer value (of the two, the later
 * alphabetically when as common: "Yes" rather than "No"), the same value in every segment so
 * that segments compare; a column with more values all of them (its ten most different per
 * segment beyond twenty values). `labels` are segment numbers, -1 for noise; the result is
 * indexed by label + 1, empty for labels no row has.
 */
export function segmentRates(context: ProfileContext, labels: SegmentLabels): RateDifference[][] {
  const { n } = context;
  let maxLabel = -1;
  for (let r = 0; r < n; r++) if (labels[r] > maxLabel) maxLabel = labels[r];
  const slots = maxLabel + 2;
  const perSlot: RateDifference[][] = Array.from({ length: slots }, () => []);
  for (const { name, codes, categories, counts, flag } of context.categorical) {
    const c = categories.length;
    const table = new Int32Array(slots * c);
    const rows = new Int32Array(slots);
    for (let r = 0; r < n; r++) {
      const code = codes[r];
      if (code >= 0) {
        const s = labels[r] + 1;
        table[s * c + code]++;
        rows[s]++;
      }
    }
    let total = 0;
    for (let code = 0; code < c; code++) total += counts[code];
    if (total === 0) continue;
    const counted = countedValues(categories, counts, flag === true);
    for (let s = 0; s < slots; s++) {
      if (rows[s] === 0) continue;
      const rates = counted.map((code) =>
        rateOf(
          name,
          categories[code],
          flag === true,
          table[s * c + code],
          rows[s],
          counts[code],
          total,
        ),
      );
      if (c > MANY_VALUES) rates.sort(byGap).splice(KEPT_OF_MANY);
      perSlot[s].push(...rates);
    }
  }
  for (const rates of perSlot) rates.sort(byGap);
  return perSlot;
}

/** Whether any of a segment's rates is a real difference from the base; else it matches it. */
export function ratesVerdict(rates: readonly RateDifference[]): Message {
  const findings = rates.filter((rate) => rate.finding).length;
  return findings === 0
    ? message('ratesMatchBase', { points: MIN_POINTS })
    : message('ratesDiffer', { count: findings, points: MIN_POINTS });
}

/**
 * A gap is a finding when it is at least MIN_POINTS and the segment's share is significantly
 * different from the base's: z = (share - overall) / sqrt(overall (1 - overall) / rows
 * * (1 - rows / total)), the test of a sample drawn without replacement from the base.
 */
export function isFinding(share: number, overallShare: number, rows: number, total: number) {
  const gap = share - overallShare;
  if (!(Math.abs(gap) * 100 >= MIN_POINTS) || rows >= total) return false;
  const variance = ((overallShare * (1 - overallShare)) / rows) * (1 - rows / total);
  return variance > 0 && Math.abs(gap) / Math.sqrt(variance) >= Z_CRITICAL;
}

function countedValues(categories: string[], counts: Int32Array, flag: boolean): number[] {
  if (flag) return [categories.indexOf('1')];
  if (categories.length === 2) {
    const [a, b] = [0, 1];
    if (counts[a] !== counts[b]) return [counts[a] < counts[b] ? a : b];
    return [categories[a] > categories[b] ? a : b];
  }
  return categories.map((_, code) => code);
}

function rateOf(
  column: string,
  value: string,
  flag: boolean,
  count: number,
  rows: number,
  overallCount: number,
  total: number,
): RateDifference {
  const share = count / rows;
  const overallShare = overallCount / total;
  const params = { column, value, share, overall: overallShare };
  return {
    column,
    value,
    flag,
    count,
    rows,
    share,
    overallShare,
    points: (share - overallShare) * 100,
    lift: overallShare > 0 ? share / overallShare : NaN,
    finding: isFinding(share, overallShare, rows, total),
    description: message(flag ? 'rateFlag' : 'rateValue', params),
  };
}

function byGap(a: RateDifference, b: RateDifference): number {
  return (
    Math.abs(b.points) - Math.abs(a.points) ||
    (a.column < b.column ? -1 : a.column > b.column ? 1 : 0) ||
    (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
  );
}
