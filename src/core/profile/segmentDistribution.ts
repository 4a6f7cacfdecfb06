import { createRandom } from '../common/random';
import { quantileInPlace } from '../common/quantiles';
import type { SegmentLabels } from '../cluster/segmentLabels';

/** One segment's spread of a feature: five numbers and a histogram, in the user's units. */
export interface SegmentSpread {
  /** The segment number; -1 is noise. */
  segment: number;
  /** Values counted (missing cells left out; of the sample when sampled). */
  count: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Counts per bin of FeatureDistribution.edges. */
  bins: number[];
}

export interface FeatureDistribution {
  feature: string;
  /** Analysed rows, and how many of them the figures are computed from. */
  rows: number;
  sampleSize: number;
  sampled: boolean;
  /** Rows (of the sample) with no value in this column. */
  missing: number;
  /** bins + 1 ascending edges, equal widths from the smallest value to the largest. */
  edges: number[];
  segments: SegmentSpread[];
}

/** Above this many analysed rows, the figures come from a seeded sample of this many. */
export const DISTRIBUTION_SAMPLE = 200_000;
export const DISTRIBUTION_BINS = 20;

/**
 * Per segment, the five-number summary of one feature and its histogram on shared bins.
 * Quantiles are numpy's and pandas' default ("linear": position q (n - 1) between the order
 * statistics around it), so figures match `df.groupby(segment)[feature].quantile(q)`. Above
 * `sampleLimit` rows the figures come from a uniform sample without replacement (seeded:
 * the same every time); the result says so and how large it was.
 * `values[r]` is row r's value (NaN when missing) and `labels[r]` its segment.
 */
export function segmentDistribution(
  feature: string,
  values: ArrayLike<number>,
  labels: SegmentLabels,
  { sampleLimit = DISTRIBUTION_SAMPLE, seed = 0, bins = DISTRIBUTION_BINS } = {},
): FeatureDistribution {
  const n = labels.length;
  const rows = sampleRows(n, sampleLimit, seed);
  let maxLabel = -1;
  for (const r of rows) if (labels[r] > maxLabel) maxLabel = labels[r];
  const slots = maxLabel + 2;
  const filled = new Int32Array(slots);
  const present = new Int32Array(slots);
  let missing = 0;
  let low = Infinity;
  let high = -Infinity;
  for (const r of rows) {
    const s = labels[r] + 1;
    present[s]++;
    const v = values[r];
    if (v !== v) {
      missing++;
      continue;
    }
    filled[s]++;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const starts = new Int32Array(slots + 1);
  for (let s = 0; s < slots; s++) starts[s + 1] = starts[s] + filled[s];
  const cursor = starts.slice(0, slots);
  const grouped = new Float64Array(starts[slots]);
  for (const r of rows) {
    const v = values[r];
    if (v === v) grouped[cursor[labels[r] + 1]++] = v;
  }
  const width = high > low ? (high - low) / bins : 0;
  const edges =
    starts[slots] === 0
      ? []
      : Array.from({ length: bins + 1 }, (_, i) => (i === bins ? high : low + i * width));
  const segments: SegmentSpread[] = [];
  for (let s = 0; s < slots; s++) {
    if (present[s] === 0) continue;
    const from = starts[s];
    const to = starts[s + 1];
    const counts = new Array<number>(edges.length === 0 ? 0 : bins).fill(0);
    for (let i = from; i < to; i++) {
      // The last bin holds its upper edge, as numpy.histogram's does.
      const bin = width > 0 ? Math.min(bins - 1, Math.floor((grouped[i] - low) / width)) : 0;
      counts[bin]++;
    }
    const q = (p: number) => quantileInPlace(grouped, p, from, to);
    segments.push({
      segment: s - 1,
      count: to - from,
      min: q(0),
      q1: q(0.25),
      median: q(0.5),
      q3: q(0.75),
      max: q(1),
      bins: counts,
    });
  }
  return {
    feature,
    rows: n,
    sampleSize: rows.length,
    sampled: rows.length < n,
    missing,
    edges,
    segments,
  };
}

/** Every row, or `limit` of them drawn without replacement (partial Fisher-Yates), ascending. */
function sampleRows(n: number, limit: number, seed: number): Int32Array {
  const all = Int32Array.from({ length: n }, (_, r) => r);
  if (n <= limit) return all;
  const random = createRandom(seed);
  for (let i = 0; i < limit; i++) {
    const j = i + random.int(n - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, limit).sort();
}
