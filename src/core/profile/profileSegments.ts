import { quantileInPlace } from '../common/quantiles';
import { scratchFloat64 } from '../cluster/scratch';
import { cellText, type Table } from '../read/table';

/** Per-feature statistics of one segment, in the feature's original units. */
export interface FeatureStats {
  feature: string;
  mean: number;
  median: number;
  /** (segment mean - population mean) / population standard deviation. */
  z: number;
}

export interface CategoryStats {
  column: string;
  value: string;
  /** Share of the segment's rows with this value. */
  share: number;
  /** Share of all analysed rows with this value, for comparison. */
  populationShare: number;
}

export interface SegmentProfile {
  /** The segment number; -1 is noise (DBSCAN). */
  id: number;
  label: string;
  size: number;
  share: number;
  features: FeatureStats[];
  /** The most frequent value of each categorical column. */
  topCategories: CategoryStats[];
}

/**
 * How to say that a segment is high or low on a feature, where "High recency" would mislead:
 * { high: 'Lapsed', low: 'Recent', ... }. Without one, labels read "High <feature>".
 */
export interface FeatureWording {
  high: string;
  low: string;
  slightlyHigh: string;
  slightlyLow: string;
}

export interface PopulationStats {
  feature: string;
  mean: number;
  median: number;
  std: number;
}

export interface Profiles {
  segments: SegmentProfile[];
  population: PopulationStats[];
}

/**
 * What every k's profiles share, gathered once per analysis: each described column's values
 * for the analysed rows in one contiguous array, the population's statistics, category codes.
 */
export interface ProfileContext {
  n: number;
  /**
   * Values may be single precision where memory is tight (a helper worker's copy): means and
   * medians then agree to about 7 significant digits, more than the page shows.
   */
  numeric: {
    name: string;
    values: Float64Array | Float32Array;
    stats: PopulationStats;
    complete: boolean;
    wording?: FeatureWording;
  }[];
  categorical: { name: string; codes: Int32Array; categories: string[]; counts: Int32Array }[];
}

export interface ProfileInput {
  table: Table;
  /** Record indices of the analysed rows. */
  rows: Int32Array;
  /** Numeric columns to describe, by name (the original features). */
  numeric: string[];
  /** Categorical columns whose top value each segment shows. */
  categorical: string[];
  /** Words for high and low values of some features (see FeatureWording). */
  wording?: Record<string, FeatureWording>;
}

export function prepareProfiles({
  table,
  rows,
  numeric,
  categorical,
  wording = {},
}: ProfileInput): ProfileContext {
  const n = rows.length;
  // Rows are ascending and distinct, so when every row is analysed they are 0..n-1 and the
  // column itself can be read (no copy of a million values).
  const everyRow = n === table.rowCount;
  const numericContext = numeric.flatMap((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return [];
    const values = everyRow ? column.numbers : new Float64Array(n);
    let sum = 0;
    let present = 0;
    for (let r = 0; r < n; r++) {
      const v = column.numbers[rows[r]];
      if (!everyRow) values[r] = v;
      if (v === v) {
        sum += v;
        present++;
      }
    }
    const mean = present > 0 ? sum / present : NaN;
    let squares = 0;
    const filled = new Float64Array(present);
    for (let r = 0, p = 0; r < n; r++) {
      const v = values[r];
      if (v === v) {
        squares += (v - mean) * (v - mean);
        filled[p++] = v;
      }
    }
    const std = present > 0 ? Math.sqrt(squares / present) : NaN;
    return [
      {
        name,
        values,
        complete: present === n,
        stats: { feature: name, mean, std, median: quantileInPlace(filled, 0.5, 0, present) },
        ...(wording[name] ? { wording: wording[name] } : {}),
      },
    ];
  });
  const categoricalContext = categorical.flatMap((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) return [];
    const index = new Map<string, number>();
    const categories: string[] = [];
    const codes = new Int32Array(n);
    const counts: number[] = [];
    for (let r = 0; r < n; r++) {
      const value = cellText(column, rows[r]);
      if (value === '') {
        codes[r] = -1;
        continue;
      }
      let code = index.get(value);
      if (code === undefined) {
        code = categories.length;
        index.set(value, code);
        categories.push(value);
        counts.push(0);
      }
      codes[r] = code;
      counts[code]++;
    }
    return [{ name, codes, categories, counts: Int32Array.from(counts) }];
  });
  return { n, numeric: numericContext, categorical: categoricalContext };
}

const HIGH = 0.5;
const SLIGHT = 0.25;

/**
 * Describes each segment in the user's own units: size, share, mean and median of every
 * original feature (missing cells left out), each mean as a z-score against all analysed rows,
 * the top value of each categorical column, and a readable label from the most distinctive
 * features ("High Annual Income (k$), Low Spending Score (1-100)"). A few linear passes per
 * feature (medians by quickselect), so every k's profiles cost little even at a million rows.
 * Labels are segment numbers 0..k-1, or -1 for noise.
 */
export function profileSegments(context: ProfileContext, labels: Int32Array): Profiles {
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
  const grouped = scratchFloat64('profiles.grouped', n);
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
  for (const { name, codes, categories, counts } of context.categorical) {
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

  const segments: SegmentProfile[] = present.map((s) => ({
    id: s - 1,
    label: s === 0 ? 'Noise' : describe(perSlot[s], topPerSlot[s], 2, wordings),
    size: sizes[s],
    share: n > 0 ? sizes[s] / n : 0,
    features: perSlot[s],
    topCategories: topPerSlot[s],
  }));
  makeLabelsUnique(
    segments,
    present.map((s) => perSlot[s]),
    present.map((s) => topPerSlot[s]),
    wordings,
  );
  return { segments, population: context.numeric.map((f) => f.stats) };
}

/** A label from the `parts` most distinctive features, e.g. "High Income, Low Spending". */
function describe(
  features: FeatureStats[],
  categories: CategoryStats[],
  parts: number,
  wordings: ReadonlyMap<string, FeatureWording>,
): string {
  const phrases: { weight: number; text: string }[] = [];
  for (const f of features) {
    const magnitude = Math.abs(f.z);
    if (!(magnitude >= SLIGHT)) continue;
    const wording = wordings.get(f.feature);
    const strong = magnitude >= HIGH;
    const text = wording
      ? strong
        ? f.z > 0
          ? wording.high
          : wording.low
        : f.z > 0
          ? wording.slightlyHigh
          : wording.slightlyLow
      : `${strong ? (f.z > 0 ? 'High' : 'Low') : f.z > 0 ? 'Above-average' : 'Below-average'} ${f.feature}`;
    phrases.push({ weight: magnitude, text });
  }
  for (const c of categories) {
    // A category counts when the segment is mostly it and the population is not.
    if (c.share >= 0.8 && c.populationShare <= 0.6) {
      phrases.push({ weight: (c.share - c.populationShare) * 2, text: `Mostly ${c.value}` });
    }
  }
  phrases.sort((a, b) => b.weight - a.weight);
  if (phrases.length === 0) return 'Typical customers';
  return phrases
    .slice(0, parts)
    .map((p) => p.text)
    .join(', ');
}

function makeLabelsUnique(
  segments: SegmentProfile[],
  features: FeatureStats[][],
  categories: CategoryStats[][],
  wordings: ReadonlyMap<string, FeatureWording>,
): void {
  for (let parts = 3; parts <= 4; parts++) {
    const seen = new Map<string, number>();
    for (const segment of segments) seen.set(segment.label, (seen.get(segment.label) ?? 0) + 1);
    if ([...seen.values()].every((c) => c === 1)) return;
    segments.forEach((segment, s) => {
      if ((seen.get(segment.label) ?? 0) > 1 && segment.id !== -1) {
        segment.label = describe(features[s], categories[s], parts, wordings);
      }
    });
  }
  const seen = new Map<string, number>();
  for (const segment of segments) {
    const times = (seen.get(segment.label) ?? 0) + 1;
    seen.set(segment.label, times);
    if (times > 1) segment.label = `${segment.label} (${times})`;
  }
}
