import { message } from '../common/message';
import { quantileInPlace } from '../common/quantiles';
import { reusableFloat64 } from '../common/reusableArrays';
import type { ProfileContext } from './profileContext';
import { describe, makeLabelsUnique } from './segmentLabels';
import { segmentRates } from './segmentRates';
import type { CategoryStats, FeatureStats, Profiles, SegmentProfile } from './profileTypes';
import type { SegmentLabels } from '../cluster/segmentLabels';

/**
 * Describes each segment in the user's own units: size, share, mean and median of every
 * original feature (missing cells left out), each mean as a z-score against all analysed rows,
 * the top value of each categorical column, the rates of yes/no, category and 0/1 values against
 * the base (segmentRates), and a readable label from the most distinctive
 * features ("High Annual Income (k$), Low Spending Score (1-100)"). A few linear passes per
 * feature (medians by selection, not sorting), so every k's profiles cost little even at a million rows.
 * Labels are segment numbers 0..k-1, or -1 for noise.
 */
export function profileSegments(context: ProfileContext, labels: SegmentLabels): Profiles {
  const { n } = context;
  const wordings = new Map(
    context.numeric.flatMap((f) => (f.wording ? [[f.name, f.wording] as const] : [])),
  );
  // Segment s holds label s - 1, so noise (-1) is slot 0.
  let maxLabel = -1;
  for (let r = 0; r < n; r++) if (labels[r] > maxLabel) maxLabel = labels[r];
  const slots = maxLabel + 2;
  const sizes = new Int32Array(slots);
  for (let r = 0; r < n; r++) sizes[labels[r] + 1]++;
  const present = Array.from(sizes.keys()).filter((s) => sizes[s] > 0);

  const perSlot: FeatureStats[][] = Array.from({ length: slots }, () => []);
  const filled = new Int32Array(slots);
  const sums = new Float64Array(slots);
  const starts = new Int32Array(slots + 1);
  const cursor = new Int32Array(slots);
  const grouped = reusableFloat64('profiles.grouped', n);
  for (const { name, values, stats, complete } of context.numeric) {
    sums.fill(0);
    if (complete) {
      // No missing value: the segment sizes place every row, so one pass sums and groups.
      filled.set(sizes);
      for (let s = 0; s < slots; s++) starts[s + 1] = starts[s] + filled[s];
      cursor.set(starts.subarray(0, slots));
      for (let r = 0; r < n; r++) {
        const v = values[r];
        const s = labels[r] + 1;
        sums[s] += v;
        grouped[cursor[s]++] = v;
      }
    } else {
      filled.fill(0);
      for (let r = 0; r < n; r++) {
        const v = values[r];
        if (v === v) {
          const s = labels[r] + 1;
          filled[s]++;
          sums[s] += v;
        }
      }
      for (let s = 0; s < slots; s++) starts[s + 1] = starts[s] + filled[s];
      cursor.set(starts.subarray(0, slots));
      for (let r = 0; r < n; r++) {
        const v = values[r];
        if (v === v) grouped[cursor[labels[r] + 1]++] = v;
      }
    }
    for (const s of present) {
      const mean = filled[s] > 0 ? sums[s] / filled[s] : NaN;
      perSlot[s].push({
        feature: name,
        mean,
        median: quantileInPlace(grouped, 0.5, starts[s], starts[s + 1]),
        z: stats.std > 0 ? (mean - stats.mean) / stats.std : 0,
      });
    }
  }

  const topPerSlot: CategoryStats[][] = Array.from({ length: slots }, () => []);
  for (const { name, codes, categories, counts, flag } of context.categorical) {
    if (flag) continue;
    const c = categories.length;
    const table = new Int32Array(slots * c);
    for (let r = 0; r < n; r++) if (codes[r] >= 0) table[(labels[r] + 1) * c + codes[r]]++;
    for (const s of present) {
      let best = -1;
      for (let code = 0; code < c; code++) {
        const count = table[s * c + code];
        if (
          count > 0 &&
          (best === -1 ||
            count > table[s * c + best] ||
            (count === table[s * c + best] && categories[code] < categories[best]))
        ) {
          best = code;
        }
      }
      if (best >= 0) {
        topPerSlot[s].push({
          column: name,
          value: categories[best],
          share: table[s * c + best] / sizes[s],
          populationShare: counts[best] / n,
        });
      }
    }
  }

  const ratesPerSlot = segmentRates(context, labels);
  // A 0/1 column is described by its rate of 1, never as "High SeniorCitizen".
  const flags = new Set(context.categorical.flatMap((c) => (c.flag ? [c.name] : [])));
  const labelled = (s: number) => perSlot[s].filter((f) => !flags.has(f.feature));
  const segments: SegmentProfile[] = present.map((s) => ({
    id: s - 1,
    label: s === 0 ? message('labelNoise') : describe(labelled(s), ratesPerSlot[s], 2, wordings),
    size: sizes[s],
    share: n > 0 ? sizes[s] / n : 0,
    features: perSlot[s],
    topCategories: topPerSlot[s],
    rates: ratesPerSlot[s],
  }));
  makeLabelsUnique(
    segments,
    present.map(labelled),
    present.map((s) => ratesPerSlot[s]),
    wordings,
  );
  return { segments, population: context.numeric.map((f) => f.stats) };
}
