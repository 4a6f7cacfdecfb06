import { describe as group, expect, it } from 'vitest';
import type {
  FeatureStats,
  FeatureWording,
  RateDifference,
  SegmentProfile,
} from '../../../src/core/profile/profileTypes';
import { describe, makeLabelsUnique } from '../../../src/core/profile/segmentLabels';
import { message, type Message } from '../../../src/core/common/message';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

const feature = (name: string, z: number): FeatureStats => ({
  feature: name,
  mean: 0,
  median: 0,
  z,
});
/** A rate of region = value (a finding unless said), as segmentRates gives it. */
const category = (
  value: string,
  share: number,
  overallShare: number,
  finding = true,
  flag = false,
): RateDifference => ({
  column: 'region',
  value,
  flag,
  count: share * 100,
  rows: 100,
  share,
  overallShare,
  points: (share - overallShare) * 100,
  lift: share / overallShare,
  finding,
  description: message('rateValue', { column: 'region', value, share, overall: overallShare }),
});
const NO_WORDING = new Map<string, FeatureWording>();

const RECENCY: FeatureWording = {
  high: 'rfmLapsed',
  low: 'rfmRecent',
  slightlyHigh: 'rfmFairlyLapsed',
  slightlyLow: 'rfmFairlyRecent',
};

/** A label as it reads in English. */
const label = (...args: Parameters<typeof describe>) => englishText(describe(...args));
const high = (feature: string) => message('labelHigh', { feature });
const low = (feature: string) => message('labelLow', { feature });
const join = (first: Message, second: Message) => message('labelJoin', { first, second });

group('describe (a segment label)', () => {
  it('names features half a standard deviation or more from everyone as High or Low', () => {
    expect(label([feature('income', 1.2), feature('spend', -0.8)], [], 2, NO_WORDING)).toBe(
      'High income, Low spend',
    );
    expect(label([feature('income', 0.5)], [], 2, NO_WORDING)).toBe('High income');
    expect(label([feature('income', -0.5)], [], 2, NO_WORDING)).toBe('Low income');
  });

  it('names features a quarter to half a standard deviation away as above or below average', () => {
    expect(label([feature('visits', 0.25)], [], 2, NO_WORDING)).toBe('Above-average visits');
    expect(label([feature('visits', -0.49)], [], 2, NO_WORDING)).toBe('Below-average visits');
  });

  it('calls a segment close to everyone on every feature Typical customers', () => {
    expect(
      label([feature('a', 0.24), feature('b', -0.1), feature('c', 0)], [], 2, NO_WORDING),
    ).toBe('Typical customers');
    expect(label([], [], 2, NO_WORDING)).toBe('Typical customers');
    // A z that is not a number names nothing.
    expect(label([feature('a', NaN)], [], 2, NO_WORDING)).toBe('Typical customers');
  });

  it('puts the most distinctive first and keeps as many parts as asked', () => {
    const features = [feature('a', 0.6), feature('b', -2), feature('c', 0.3), feature('d', 1)];
    expect(label(features, [], 2, NO_WORDING)).toBe('Low b, High d');
    expect(label(features, [], 4, NO_WORDING)).toBe('Low b, High d, High a, Above-average c');
  });

  it('names a value whose rate is a real difference from the base: mostly, or its share', () => {
    expect(label([], [category('North', 0.9, 0.5)], 2, NO_WORDING)).toBe('region: mostly North');
    // Weighed as a z: the gap over sqrt(p (1 - p)) of the base, 0.4 / 0.5 = 0.8 beats 0.7.
    expect(label([feature('a', 0.7)], [category('North', 0.9, 0.5)], 2, NO_WORDING)).toBe(
      'region: mostly North, High a',
    );
    expect(label([], [category('North', 0.79, 0.2)], 2, NO_WORDING)).toBe('region = North: 79%');
    // Fewer than the base is a difference too.
    expect(label([], [category('Yes', 0.05, 0.27)], 2, NO_WORDING)).toBe('region = Yes: 5%');
    // Not a finding (too small, or chance): never in a label, however mostly.
    expect(label([], [category('North', 0.9, 0.5, false)], 2, NO_WORDING)).toBe(
      'Typical customers',
    );
    // A finding less than a quarter of a standard deviation away: 0.06 / 0.458 = 0.13.
    expect(label([], [category('North', 0.36, 0.3)], 2, NO_WORDING)).toBe('Typical customers');
    // A 0/1 column says how many are 1.
    expect(label([], [category('1', 0.41, 0.16, true, true)], 2, NO_WORDING)).toBe(
      'region: 41% are 1',
    );
    expect(label([], [category('1', 0.85, 0.16, true, true)], 2, NO_WORDING)).toBe(
      'region: mostly 1',
    );
  });

  it('says a label as a message of messages, the feature names as values', () => {
    const said = describe([feature('income', 1.2), feature('spend', -0.8)], [], 2, NO_WORDING);
    expect(said).toEqual(join(high('income'), low('spend')));
    expect(
      describe([feature('a', 0.6), feature('b', -2), feature('c', 0.3)], [], 3, NO_WORDING),
    ).toEqual(join(join(low('b'), high('a')), message('labelAboveAverage', { feature: 'c' })));
    expect(describe([], [category('North', 0.9, 0.5)], 2, NO_WORDING)).toEqual(
      message('labelRateMostly', { column: 'region', value: 'North' }),
    );
    expect(describe([], [], 2, NO_WORDING)).toEqual(message('labelTypical'));
    // A column named like a key of the catalog stays a value.
    expect(label([feature('labelHigh', 1)], [], 2, NO_WORDING)).toBe('High labelHigh');
  });

  it('reads in Chinese with the column names as they are', () => {
    const said = describe([feature('收入', 1.2), feature('spend', -0.3)], [], 2, NO_WORDING);
    expect(renderMessage('zh', said)).toBe('收入高，spend低于平均');
    const wordings = new Map([['recency', RECENCY]]);
    expect(renderMessage('zh', describe([feature('recency', -1)], [], 2, wordings))).toBe(
      '近期购买',
    );
  });

  it('uses the wording given for a feature instead of High and Low', () => {
    const wordings = new Map([['recency', RECENCY]]);
    expect(label([feature('recency', 1)], [], 2, wordings)).toBe('Lapsed');
    expect(label([feature('recency', -1)], [], 2, wordings)).toBe('Recent');
    expect(label([feature('recency', 0.3)], [], 2, wordings)).toBe('Fairly lapsed');
    expect(label([feature('recency', -0.3), feature('spend', 0.9)], [], 2, wordings)).toBe(
      'High spend, Fairly recent',
    );
  });
});

group('makeLabelsUnique', () => {
  const segment = (id: number, label: Message): SegmentProfile => ({
    id,
    label,
    size: 1,
    share: 0.1,
    features: [],
    topCategories: [],
    rates: [],
  });

  it('leaves labels that are already unique alone', () => {
    const segments = [segment(0, high('a')), segment(1, low('a'))];
    makeLabelsUnique(
      segments,
      [[feature('a', 1), feature('b', 0.4)], [feature('a', -1)]],
      [[], []],
      NO_WORDING,
    );
    expect(segments.map((s) => s.label)).toEqual([high('a'), low('a')]);
  });

  it('adds a third, then a fourth feature to labels two segments share', () => {
    const features = [
      [feature('a', 2), feature('b', 1), feature('c', 0.6)],
      [feature('a', 2), feature('b', 1), feature('c', -0.6)],
      [feature('a', -2)],
    ];
    const segments = [
      segment(0, join(high('a'), high('b'))),
      segment(1, join(high('a'), high('b'))),
      segment(2, low('a')),
    ];
    makeLabelsUnique(segments, features, [[], [], []], NO_WORDING);
    expect(segments.map((s) => englishText(s.label))).toEqual([
      'High a, High b, High c',
      'High a, High b, Low c',
      'Low a',
    ]);
    const fourth = [
      [feature('a', 2), feature('b', 1), feature('c', 0.6), feature('d', 0.5)],
      [feature('a', 2), feature('b', 1), feature('c', 0.6), feature('d', -0.5)],
    ];
    const two = [segment(0, join(high('a'), high('b'))), segment(1, join(high('a'), high('b')))];
    makeLabelsUnique(two, fourth, [[], []], NO_WORDING);
    expect(two.map((s) => englishText(s.label))).toEqual([
      'High a, High b, High c, High d',
      'High a, High b, High c, Low d',
    ]);
  });

  it('numbers the labels that are still alike, and never re-describes noise', () => {
    const features = [[feature('x', -1)], [feature('x', -1)], [feature('x', -1)], []];
    const segments = [
      segment(0, low('x')),
      segment(1, low('x')),
      segment(2, low('x')),
      segment(-1, message('labelNoise')),
    ];
    makeLabelsUnique(segments, features, [[], [], [], []], NO_WORDING);
    expect(segments.map((s) => englishText(s.label))).toEqual([
      'Low x',
      'Low x (2)',
      'Low x (3)',
      'Noise',
    ]);
    expect(segments[1].label).toEqual(message('labelRepeat', { label: low('x'), count: 2 }));
    expect(renderMessage('zh', segments[2].label)).toBe('x低（3）');
    const typical = message('labelTypical');
    const noise = [segment(-1, typical), segment(0, typical)];
    makeLabelsUnique(noise, [[feature('x', 3)], []], [[], []], NO_WORDING);
    expect(noise.map((s) => englishText(s.label))).toEqual([
      'Typical customers',
      'Typical customers (2)',
    ]);
  });

  it('makes every label unique, whatever the segments', () => {
    const z = [0, 0.3, -0.3, 0.6, -0.6];
    const segments = Array.from({ length: 25 }, (_, i) => segment(i, message('labelTypical')));
    const features = segments.map((_, i) => [
      feature('a', z[i % 5]),
      feature('b', z[Math.floor(i / 5)]),
    ]);
    segments.forEach((s, i) => (s.label = describe(features[i], [], 2, NO_WORDING)));
    makeLabelsUnique(
      segments,
      features,
      segments.map(() => []),
      NO_WORDING,
    );
    expect(new Set(segments.map((s) => englishText(s.label))).size).toBe(25);
    expect(new Set(segments.map((s) => renderMessage('zh', s.label))).size).toBe(25);
  });
});
