import { describe, expect, it } from 'vitest';
import type { Recommendations } from '../../../src/core/recommend/recommendations';
import {
  RECOMMENDATIONS_HEADER,
  recommendationsCsvParts,
} from '../../../src/core/recommend/recommendationsCsv';

const lines = {
  customers: ['17850', '=HYPERLINK("x")', 'c3'],
  items: ['85123A', '@SUM(A1)', '22633'],
  descriptions: ['WHITE HANGING HEART, T-LIGHT HOLDER', '', 'HAND WARMER "UNION JACK"'],
};

// Customer 0: two items; customer 1: one; customer 2: none (no candidates).
const recommendations = {
  method: 'item',
  n: 2,
  items: Int32Array.from([1, 2, 0, -1, -1, -1]),
  scores: Float64Array.from([0.1 + 0.2, 0.5, 1 / 3, 0, 0, 0]),
  because: Int32Array.from([0, 0, 2, -1, -1, -1]),
  counts: Int32Array.from([2, 1, 0]),
} as unknown as Recommendations;

const csvOf = (segment?: number, withSegments = true) =>
  recommendationsCsvParts({
    recommendations,
    lines,
    segmentOf: withSegments ? [0, 1, 1] : null,
    segmentNames: ['Champions', 'At Risk'],
    segment,
  }).join('');

describe('recommendationsCsvParts', () => {
  it('writes one row per recommendation, safe for spreadsheets', () => {
    const text = csvOf();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      RECOMMENDATIONS_HEADER.join(','),
      `17850,Champions,1,'@SUM(A1),,0.3,85123A`,
      `17850,Champions,2,22633,"HAND WARMER ""UNION JACK""",0.5,85123A`,
      `"'=HYPERLINK(""x"")",At Risk,1,85123A,"WHITE HANGING HEART, T-LIGHT HOLDER",0.333333333333,22633`,
      '',
    ]);
  });

  it('writes one segment only, or no segment names when there are none', () => {
    const atRisk = csvOf(1).split('\r\n');
    expect(atRisk).toHaveLength(3);
    expect(atRisk[1]).toMatch(/At Risk/);
    expect(csvOf(undefined, false).split('\r\n')[1]).toBe(`17850,,1,'@SUM(A1),,0.3,85123A`);
  });
});
