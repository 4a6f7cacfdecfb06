import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/core/common/message';
import {
  allOf,
  describeFeatures,
  describePath,
  featureName,
  formatThreshold,
  leafPaths,
  listOf,
  readableThreshold,
  rfmFeatureLabel,
  splitCondition,
  type FeatureDescriptor,
} from '../../../src/core/explain/featureSpace';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';

const english = (text: string | Message) => (typeof text === 'string' ? text : englishText(text));
const chinese = (text: string | Message) =>
  typeof text === 'string' ? text : renderMessage('zh', text);

const income: FeatureDescriptor = { kind: 'numeric', column: 'Annual Income (k$)', log1p: false };
const age: FeatureDescriptor = { kind: 'numeric', column: 'Age', log1p: false };
const east: FeatureDescriptor = { kind: 'category', column: 'Region', category: 'East' };
const west: FeatureDescriptor = { kind: 'category', column: 'Region', category: 'West' };
const north: FeatureDescriptor = { kind: 'category', column: 'Region', category: 'North' };

describe('describeFeatures and featureName', () => {
  it("reads cleanRows' features: numeric, log1p and one-hot", () => {
    const features = describeFeatures([
      { name: 'Age', column: 'Age', transform: 'none' },
      { name: 'log1p(Spend)', column: 'Spend', transform: 'log1p' },
      { name: 'Region=East', column: 'Region', transform: 'onehot', category: 'East' },
    ]);
    expect(features).toEqual([
      { kind: 'numeric', column: 'Age', log1p: false },
      { kind: 'numeric', column: 'Spend', log1p: true },
      east,
    ]);
    expect(features.map((f) => english(featureName(f)))).toEqual([
      'Age',
      'Spend',
      'Region is East',
    ]);
    expect(chinese(featureName(east))).toBe('Region 为 East');
  });
});

describe('rfmFeatureLabel', () => {
  it("names RFM's figures and their logs in the reader's language, and nothing else", () => {
    expect(chinese(rfmFeatureLabel('recency')!)).toBe('最近购买天数');
    expect(chinese(rfmFeatureLabel('log1p(monetary)')!)).toBe('log1p(消费金额)');
    expect(english(rfmFeatureLabel('log1p(frequency)')!)).toBe('log1p(frequency)');
    for (const other of ['Age', 'log1p(Age)', 'log1p(recency', 'xlog1p(monetary)'])
      expect(rfmFeatureLabel(other)).toBeUndefined();
  });
});

describe('formatThreshold', () => {
  it('reads as a person writes numbers', () => {
    expect(formatThreshold(69.5)).toBe('69.5');
    expect(formatThreshold(68)).toBe('68');
    // A single-precision midpoint.
    expect(formatThreshold(2.4500000476837158)).toBe('2.45');
    expect(formatThreshold(58138.5)).toBe('58138.5');
    expect(formatThreshold(1234567.5)).toBe('1234567.5');
    expect(formatThreshold(-3.25)).toBe('-3.25');
    expect(formatThreshold(0.000123456789)).toBe('0.000123457');
    expect(formatThreshold(12.3456789)).toBe('12.3457');
  });
});

describe('readableThreshold', () => {
  it('is the number formatThreshold writes, which messages render with all its digits', () => {
    expect(readableThreshold(2.4500000476837158)).toBe(2.45);
    expect(readableThreshold(1234567.5)).toBe(1234567.5);
    expect(readableThreshold(0.000123456789)).toBe(0.000123457);
  });
});

describe('splitCondition', () => {
  it('reads a numeric split with <= and >, a category with is and is not', () => {
    expect(englishText(splitCondition(income, 'left', 69.5))).toBe('Annual Income (k$) <= 69.5');
    expect(englishText(splitCondition(income, 'right', 69.5))).toBe('Annual Income (k$) > 69.5');
    expect(englishText(splitCondition(east, 'left', 0.5))).toBe('Region is not East');
    expect(englishText(splitCondition(east, 'right', 0.5))).toBe('Region is East');
  });

  it('keeps the feature name and the threshold as values of the message', () => {
    const condition = splitCondition(income, 'left', 2.4500000476837158);
    expect(condition).toEqual({
      key: 'explainAtMost',
      params: { feature: 'Annual Income (k$)', threshold: 2.45 },
    });
    // Exact to the split's digits in both languages (grouped as each writes numbers).
    expect(englishText(splitCondition(income, 'right', 1234567.5))).toBe(
      'Annual Income (k$) > 1,234,567.5',
    );
    expect(chinese(splitCondition(age, 'left', 0.000123456789))).toBe('Age <= 0.000123457');
    expect(chinese(splitCondition(east, 'left', 0.5))).toBe('Region 不为 East');
  });

  it('never reads a column name or category as part of the template', () => {
    const odd: FeatureDescriptor = {
      kind: 'category',
      column: "{x} it's",
      category: '{y, plural}',
    };
    expect(englishText(splitCondition(odd, 'right', 0.5))).toBe("{x} it's is {y, plural}");
  });
});

describe('allOf and listOf', () => {
  it('join conditions with "and" / "且" and items with commas / "、"', () => {
    const conditions = [
      splitCondition(income, 'right', 69.5),
      splitCondition(age, 'left', 40),
      splitCondition(east, 'right', 0.5),
    ];
    expect(englishText(allOf(conditions))).toBe(
      'Annual Income (k$) > 69.5 and Age <= 40 and Region is East',
    );
    expect(renderMessage('zh', allOf(conditions))).toBe(
      'Annual Income (k$) > 69.5 且 Age <= 40 且 Region 为 East',
    );
    expect(englishText(allOf([]))).toBe('Every row');
    expect(english(listOf(['a', 'b', 'c']))).toBe('a, b, c');
    expect(chinese(listOf(['a', 'b', 'c']))).toBe('a、b、c');
    expect(listOf(['a'])).toBe('a');
  });
});

describe('describePath', () => {
  const features = [income, age, east, west, north];

  it('merges bounds on one column into a range, in the order the path first meets it', () => {
    expect(
      describePath(
        [
          { feature: 0, threshold: 69.5, side: 'right' },
          { feature: 1, threshold: 50, side: 'left' },
          { feature: 0, threshold: 100.5, side: 'left' },
          { feature: 0, threshold: 80, side: 'right' },
          { feature: 1, threshold: 40, side: 'left' },
        ],
        features,
      ).map(english),
    ).toEqual(['80 < Annual Income (k$) <= 100.5', 'Age <= 40']);
  });

  it('says a category once: "is" wins, several "is not" read as neither/none of', () => {
    const is = describePath(
      [
        { feature: 3, threshold: 0.5, side: 'left' },
        { feature: 2, threshold: 0.5, side: 'right' },
      ],
      features,
    );
    expect(is.map(english)).toEqual(['Region is East']);
    const neither = describePath(
      [
        { feature: 2, threshold: 0.5, side: 'left' },
        { feature: 3, threshold: 0.5, side: 'left' },
      ],
      features,
    );
    expect(neither.map(english)).toEqual(['Region is neither East nor West']);
    expect(neither.map(chinese)).toEqual(['Region 既不为 East 也不为 West']);
    const none = describePath(
      [2, 3, 4].map((feature) => ({ feature, threshold: 0.5, side: 'left' as const })),
      features,
    );
    expect(none.map(english)).toEqual(['Region is none of East, West, North']);
    expect(none.map(chinese)).toEqual(['Region 不为 East、West、North 中的任何一个']);
  });

  it('says nothing for the root', () => {
    expect(describePath([], features)).toEqual([]);
  });
});

describe('leafPaths', () => {
  it('lists every leaf with the splits that lead to it, in node order', () => {
    // 0: f0 <= 1 ? 1 : 2; 2: f1 <= 5 ? 3 : 4.
    const tree = {
      nodeCount: 5,
      feature: Int32Array.from([0, -1, 1, -1, -1]),
      threshold: Float64Array.from([1, 0, 5, 0, 0]),
      left: Int32Array.from([1, -1, 3, -1, -1]),
      right: Int32Array.from([2, -1, 4, -1, -1]),
    };
    expect(leafPaths(tree)).toEqual([
      { leaf: 1, steps: [{ feature: 0, threshold: 1, side: 'left' }] },
      {
        leaf: 3,
        steps: [
          { feature: 0, threshold: 1, side: 'right' },
          { feature: 1, threshold: 5, side: 'left' },
        ],
      },
      {
        leaf: 4,
        steps: [
          { feature: 0, threshold: 1, side: 'right' },
          { feature: 1, threshold: 5, side: 'right' },
        ],
      },
    ]);
  });
});
