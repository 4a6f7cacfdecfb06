import type { CategoryStats, FeatureStats, SegmentProfile } from './profileSegments';

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

/** A feature is named in a label when its mean is this many SDs from all customers' ... */
const HIGH = 0.5;
/** ... or, as "above/below-average", this many. */
const SLIGHT = 0.25;

/** A label from the `parts` most distinctive features, e.g. "High Income, Low Spending". */
export function describe(
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

/** Labels two segments share get more features, then a number: every label is unique. */
export function makeLabelsUnique(
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
