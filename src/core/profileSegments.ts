import { quantileInPlace } from './quantiles';
import { cellText, type Table } from './table';

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

interface ProfileInput {
  table: Table;
  /** Record indices of the analysed rows. */
  rows: Int32Array;
  /** Segment of each analysed row (0..k-1, or -1 for noise). */
  labels: Int32Array;
  /** Numeric columns to describe, by name (the original features). */
  numeric: string[];
  /** Categorical columns whose top value each segment shows. */
  categorical: string[];
}

const HIGH = 0.5;
const SLIGHT = 0.25;

/**
 * Describes each segment in the user's own units: size, share, mean and median of every
 * original feature (missing cells left out), each mean as a z-score against all analysed rows,
 * the top value of each categorical column, and a readable label from the most distinctive
 * features ("High Annual Income (k$), Low Spending Score (1-100)"). Medians use quickselect on
 * each segment's values, so every k's profiles cost linear time.
 */
export function profileSegments(input: ProfileInput): Profiles {
  const { table, rows, labels, numeric, categorical } = input;
  const n = rows.length;
  const ids = [...new Set(labels)].sort((a, b) => a - b);
  const slot = new Map(ids.map((id, s) => [id, s]));
  const count = ids.length;
  const segmentOf = new Int32Array(n);
  const sizes = new Int32Array(count);
  for (let r = 0; r < n; r++) {
    const s = slot.get(labels[r]) as number;
    segmentOf[r] = s;
    sizes[s]++;
  }

  const population: PopulationStats[] = [];
  const perSegment: FeatureStats[][] = ids.map(() => []);
  for (const name of numeric) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) continue;
    const values = column.numbers;
    // Group the segment's values together (a counting sort by segment) for the medians.
    const starts = new Int32Array(count + 1);
    const filled = new Int32Array(count);
    for (let r = 0; r < n; r++) {
      const v = values[rows[r]];
      if (v === v) filled[segmentOf[r]]++;
    }
    for (let s = 0; s < count; s++) starts[s + 1] = starts[s] + filled[s];
    const grouped = new Float64Array(starts[count]);
    const cursor = starts.slice(0, count);
    const sums = new Float64Array(count);
    let total = 0;
    for (let r = 0; r < n; r++) {
      const v = values[rows[r]];
      if (v !== v) continue;
      const s = segmentOf[r];
      grouped[cursor[s]++] = v;
      sums[s] += v;
      total += v;
    }
    const present = starts[count];
    const mean = present > 0 ? total / present : NaN;
    let squares = 0;
    for (let i = 0; i < present; i++) squares += (grouped[i] - mean) ** 2;
    const std = present > 0 ? Math.sqrt(squares / present) : NaN;
    const overallMedian = quantileInPlace(grouped.slice(), 0.5, 0, present);
    population.push({ feature: name, mean, median: overallMedian, std });
    for (let s = 0; s < count; s++) {
      const segmentMean = filled[s] > 0 ? sums[s] / filled[s] : NaN;
      perSegment[s].push({
        feature: name,
        mean: segmentMean,
        median: quantileInPlace(grouped, 0.5, starts[s], starts[s + 1]),
        z: std > 0 ? (segmentMean - mean) / std : 0,
      });
    }
  }

  const topPerSegment: CategoryStats[][] = ids.map(() => []);
  for (const name of categorical) {
    const column = table.columns.find((c) => c.name === name);
    if (!column) continue;
    const counts = ids.map(() => new Map<string, number>());
    const overall = new Map<string, number>();
    for (let r = 0; r < n; r++) {
      const value = cellText(column, rows[r]);
      if (value === '') continue;
      const map = counts[segmentOf[r]];
      map.set(value, (map.get(value) ?? 0) + 1);
      overall.set(value, (overall.get(value) ?? 0) + 1);
    }
    counts.forEach((map, s) => {
      let best = '';
      let bestCount = 0;
      for (const [value, c] of map) {
        if (c > bestCount || (c === bestCount && value < best)) {
          best = value;
          bestCount = c;
        }
      }
      if (bestCount > 0) {
        topPerSegment[s].push({
          column: name,
          value: best,
          share: bestCount / sizes[s],
          populationShare: (overall.get(best) ?? 0) / n,
        });
      }
    });
  }

  const segments: SegmentProfile[] = ids.map((id, s) => ({
    id,
    label: id === -1 ? 'Noise' : describe(perSegment[s], topPerSegment[s], 2),
    size: sizes[s],
    share: n > 0 ? sizes[s] / n : 0,
    features: perSegment[s],
    topCategories: topPerSegment[s],
  }));
  makeLabelsUnique(segments, perSegment, topPerSegment);
  return { segments, population };
}

/** A label from the `parts` most distinctive features, e.g. "High Income, Low Spending". */
function describe(features: FeatureStats[], categories: CategoryStats[], parts: number): string {
  const phrases: { weight: number; text: string }[] = [];
  for (const f of features) {
    const magnitude = Math.abs(f.z);
    if (!(magnitude >= SLIGHT)) continue;
    const word =
      magnitude >= HIGH ? (f.z > 0 ? 'High' : 'Low') : f.z > 0 ? 'Above-average' : 'Below-average';
    phrases.push({ weight: magnitude, text: `${word} ${f.feature}` });
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
): void {
  for (let parts = 3; parts <= 4; parts++) {
    const seen = new Map<string, number>();
    for (const segment of segments) seen.set(segment.label, (seen.get(segment.label) ?? 0) + 1);
    if ([...seen.values()].every((c) => c === 1)) return;
    segments.forEach((segment, s) => {
      if ((seen.get(segment.label) ?? 0) > 1 && segment.id !== -1) {
        segment.label = describe(features[s], categories[s], parts);
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
