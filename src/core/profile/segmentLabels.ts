import { message, type Message } from '../common/message';
import type { FeatureStats, FeatureWording, RateDifference, SegmentProfile } from './profileTypes';

/** A feature is named in a label when its mean is this many SDs from all customers' ... */
const HIGH = 0.5;
/** ... or, as "above/below-average", this many. */
const SLIGHT = 0.25;
/** A segment is "mostly" a value when this share of it has it. */
const MOSTLY = 0.8;

/**
 * A label from the `parts` most distinctive features and rates (findings only), e.g. "High Income,
 * Churn = Yes: 44%" or "SeniorCitizen: mostly 1": a message
 * of messages, so that it reads in the user's language with the user's column names.
 */
export function describe(
  features: FeatureStats[],
  rates: readonly RateDifference[],
  parts: number,
  wordings: ReadonlyMap<string, FeatureWording>,
): Message {
  const phrases: { weight: number; text: Message }[] = [];
  for (const f of features) {
    const magnitude = Math.abs(f.z);
    if (!(magnitude >= SLIGHT)) continue;
    const wording = wordings.get(f.feature);
    const strong = magnitude >= HIGH;
    const text = wording
      ? message(
          strong
            ? f.z > 0
              ? wording.high
              : wording.low
            : f.z > 0
              ? wording.slightlyHigh
              : wording.slightlyLow,
        )
      : message(
          strong
            ? f.z > 0
              ? 'labelHigh'
              : 'labelLow'
            : f.z > 0
              ? 'labelAboveAverage'
              : 'labelBelowAverage',
          { feature: f.feature },
        );
    phrases.push({ weight: magnitude, text });
  }
  for (const rate of rates) {
    // Only a real difference from the base names a value, weighed as a feature's z: the gap
    // over the standard deviation of the value's yes/no indicator in the base.
    const { share, overallShare } = rate;
    const weight = Math.abs(share - overallShare) / Math.sqrt(overallShare * (1 - overallShare));
    if (!rate.finding || !(weight >= SLIGHT)) continue;
    const text =
      share >= MOSTLY
        ? message('labelRateMostly', { column: rate.column, value: rate.value })
        : rate.flag
          ? message('labelFlagShare', { column: rate.column, share })
          : message('labelRateShare', { column: rate.column, value: rate.value, share });
    phrases.push({ weight, text });
  }
  phrases.sort((a, b) => b.weight - a.weight);
  if (phrases.length === 0) return message('labelTypical');
  return phrases
    .slice(0, parts)
    .map((p) => p.text)
    .reduce((first, second) => message('labelJoin', { first, second }));
}

/** Labels two segments share get more features, then a number: every label is unique. */
export function makeLabelsUnique(
  segments: SegmentProfile[],
  features: FeatureStats[][],
  rates: readonly (readonly RateDifference[])[],
  wordings: ReadonlyMap<string, FeatureWording>,
): void {
  const keyOf = (label: Message) => JSON.stringify(label);
  for (let parts = 3; parts <= 4; parts++) {
    const seen = new Map<string, number>();
    for (const segment of segments) {
      const key = keyOf(segment.label);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    if ([...seen.values()].every((c) => c === 1)) return;
    segments.forEach((segment, s) => {
      if ((seen.get(keyOf(segment.label)) ?? 0) > 1 && segment.id !== -1) {
        segment.label = describe(features[s], rates[s], parts, wordings);
      }
    });
  }
  const seen = new Map<string, number>();
  for (const segment of segments) {
    const key = keyOf(segment.label);
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times > 1) segment.label = message('labelRepeat', { label: segment.label, count: times });
  }
}
