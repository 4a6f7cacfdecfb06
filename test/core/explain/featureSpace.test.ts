import { describe, expect, it } from 'vitest';
import {
  describeFeatures,
  describePath,
  featureName,
  formatThreshold,
  leafPaths,
  splitText,
  type FeatureDescriptor,
} from '../../../src/core/explain/featureSpace';

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
    expect(features.map(featureName)).toEqual(['Age', 'Spend', 'Region is East']);
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

describe('splitText', () => {
  it('reads a numeric split with <= and >, a category with is and is not', () => {
    expect(splitText(income, 'left', 69.5)).toBe('Annual Income (k$) <= 69.5');
    expect(splitText(income, 'right', 69.5)).toBe('Annual Income (k$) > 69.5');
    expect(splitText(east, 'left', 0.5)).toBe('Region is not East');
    expect(splitText(east, 'right', 0.5)).toBe('Region is East');
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
      ),
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
    expect(is).toEqual(['Region is East']);
    const neither = describePath(
      [
        { feature: 2, threshold: 0.5, side: 'left' },
        { feature: 3, threshold: 0.5, side: 'left' },
      ],
      features,
    );
    expect(neither).toEqual(['Region is neither East nor West']);
    const none = describePath(
      [2, 3, 4].map((feature) => ({ feature, threshold: 0.5, side: 'left' as const })),
      features,
    );
    expect(none).toEqual(['Region is none of East, West, North']);
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
