import { describe as group, expect, it } from 'vitest';
import type {
  CategoryStats,
  FeatureStats,
  SegmentProfile,
} from '../../../src/core/profile/profileSegments';
import {
  describe,
  makeLabelsUnique,
  type FeatureWording,
} from '../../../src/core/profile/segmentLabels';

const feature = (name: string, z: number): FeatureStats => ({
  feature: name,
  mean: 0,
  median: 0,
  z,
});
const category = (value: string, share: number, populationShare: number): CategoryStats => ({
  column: 'region',
  value,
  share,
  populationShare,
});
const NO_WORDING = new Map<string, FeatureWording>();

const RECENCY: FeatureWording = {
  high: 'Lapsed',
  low: 'Recent',
  slightlyHigh: 'Fairly lapsed',
  slightlyLow: 'Fairly recent',
};

group('describe (a segment label)', () => {
  it('names features half a standard deviation or more from everyone as High or Low', () => {
    expect(describe([feature('income', 1.2), feature('spend', -0.8)], [], 2, NO_WORDING)).toBe(
      'High income, Low spend',
    );
    expect(describe([feature('income', 0.5)], [], 2, NO_WORDING)).toBe('High income');
    expect(describe([feature('income', -0.5)], [], 2, NO_WORDING)).toBe('Low income');
  });

  it('names features a quarter to half a standard deviation away as above or below average', () => {
    expect(describe([feature('visits', 0.25)], [], 2, NO_WORDING)).toBe('Above-average visits');
    expect(describe([feature('visits', -0.49)], [], 2, NO_WORDING)).toBe('Below-average visits');
  });

  it('calls a segment close to everyone on every feature Typical customers', () => {
    expect(
      describe([feature('a', 0.24), feature('b', -0.1), feature('c', 0)], [], 2, NO_WORDING),
    ).toBe('Typical customers');
    expect(describe([], [], 2, NO_WORDING)).toBe('Typical customers');
    // A z that is not a number names nothing.
    expect(describe([feature('a', NaN)], [], 2, NO_WORDING)).toBe('Typical customers');
  });

  it('puts the most distinctive first and keeps as many parts as asked', () => {
    const features = [feature('a', 0.6), feature('b', -2), feature('c', 0.3), feature('d', 1)];
    expect(describe(features, [], 2, NO_WORDING)).toBe('Low b, High d');
    expect(describe(features, [], 4, NO_WORDING)).toBe('Low b, High d, High a, Above-average c');
  });

  it('says Mostly X when the segment is mostly one category and the population is not', () => {
    expect(describe([], [category('North', 0.9, 0.5)], 2, NO_WORDING)).toBe('Mostly North');
    // Weighed as twice the share above the population's: 0.8 here, beating |z| = 0.7.
    expect(describe([feature('a', 0.7)], [category('North', 0.9, 0.5)], 2, NO_WORDING)).toBe(
      'Mostly North, High a',
    );
    expect(describe([], [category('North', 0.79, 0.2)], 2, NO_WORDING)).toBe('Typical customers');
    expect(describe([], [category('North', 1, 0.61)], 2, NO_WORDING)).toBe('Typical customers');
    expect(describe([], [category('North', 0.8, 0.6)], 2, NO_WORDING)).toBe('Mostly North');
  });

  it('uses the wording given for a feature instead of High and Low', () => {
    const wordings = new Map([['recency', RECENCY]]);
    expect(describe([feature('recency', 1)], [], 2, wordings)).toBe('Lapsed');
    expect(describe([feature('recency', -1)], [], 2, wordings)).toBe('Recent');
    expect(describe([feature('recency', 0.3)], [], 2, wordings)).toBe('Fairly lapsed');
    expect(describe([feature('recency', -0.3), feature('spend', 0.9)], [], 2, wordings)).toBe(
      'High spend, Fairly recent',
    );
  });
});

group('makeLabelsUnique', () => {
  const segment = (id: number, label: string): SegmentProfile => ({
    id,
    label,
    size: 1,
    share: 0.1,
    features: [],
    topCategories: [],
  });

  it('leaves labels that are already unique alone', () => {
    const segments = [segment(0, 'High a'), segment(1, 'Low a')];
    makeLabelsUnique(
      segments,
      [[feature('a', 1), feature('b', 0.4)], [feature('a', -1)]],
      [[], []],
      NO_WORDING,
    );
    expect(segments.map((s) => s.label)).toEqual(['High a', 'Low a']);
  });

  it('adds a third, then a fourth feature to labels two segments share', () => {
    const features = [
      [feature('a', 2), feature('b', 1), feature('c', 0.6)],
      [feature('a', 2), feature('b', 1), feature('c', -0.6)],
      [feature('a', -2)],
    ];
    const segments = [
      segment(0, 'High a, High b'),
      segment(1, 'High a, High b'),
      segment(2, 'Low a'),
    ];
    makeLabelsUnique(segments, features, [[], [], []], NO_WORDING);
    expect(segments.map((s) => s.label)).toEqual([
      'High a, High b, High c',
      'High a, High b, Low c',
      'Low a',
    ]);
    const fourth = [
      [feature('a', 2), feature('b', 1), feature('c', 0.6), feature('d', 0.5)],
      [feature('a', 2), feature('b', 1), feature('c', 0.6), feature('d', -0.5)],
    ];
    const two = [segment(0, 'High a, High b'), segment(1, 'High a, High b')];
    makeLabelsUnique(two, fourth, [[], []], NO_WORDING);
    expect(two.map((s) => s.label)).toEqual([
      'High a, High b, High c, High d',
      'High a, High b, High c, Low d',
    ]);
  });

  it('numbers the labels that are still alike, and never re-describes noise', () => {
    const features = [[feature('x', -1)], [feature('x', -1)], [feature('x', -1)], []];
    const segments = [
      segment(0, 'Low x'),
      segment(1, 'Low x'),
      segment(2, 'Low x'),
      segment(-1, 'Noise'),
    ];
    makeLabelsUnique(segments, features, [[], [], [], []], NO_WORDING);
    expect(segments.map((s) => s.label)).toEqual(['Low x', 'Low x (2)', 'Low x (3)', 'Noise']);
    const noise = [segment(-1, 'Typical customers'), segment(0, 'Typical customers')];
    makeLabelsUnique(noise, [[feature('x', 3)], []], [[], []], NO_WORDING);
    expect(noise.map((s) => s.label)).toEqual(['Typical customers', 'Typical customers (2)']);
  });

  it('makes every label unique, whatever the segments', () => {
    const z = [0, 0.3, -0.3, 0.6, -0.6];
    const segments = Array.from({ length: 25 }, (_, i) => segment(i, 'same'));
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
    expect(new Set(segments.map((s) => s.label)).size).toBe(25);
  });
});
