import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/common/random';
import { segmentDistribution } from '../../../src/core/profile/segmentDistribution';

describe('segmentDistribution', () => {
  it("gives each segment's five numbers with pandas' linear quantiles, and shared histogram bins", () => {
    //            segment 0: 1 2 3 4 10 (and a blank); segment 1: 1 2 3 4
    const values = [1, 4, 2, 10, 3, NaN, 1, 2, 3, 4];
    const labels = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    const result = segmentDistribution('x', values, labels, { bins: 3 });
    expect(result).toMatchObject({ feature: 'x', rows: 10, sampleSize: 10, sampled: false });
    expect(result.missing).toBe(1);
    expect(result.edges).toEqual([1, 4, 7, 10]);
    // n = 5: q1 at position 0.25 * 4 = 1 (2), median 3, q3 at 3 (4).
    expect(result.segments[0]).toEqual({
      segment: 0,
      count: 5,
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 10,
      bins: [3, 1, 1],
    });
    // n = 4: q1 at 0.75, between 1 and 2 (1.75); median 2.5; q3 at 2.25 (3.25), as pandas says.
    expect(result.segments[1]).toEqual({
      segment: 1,
      count: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
      bins: [3, 1, 0],
    });
  });

  it('keeps noise and a segment with only blanks, and a constant column in one bin', () => {
    const result = segmentDistribution('x', [5, 5, NaN], Int32Array.from([-1, 0, 1]), { bins: 4 });
    expect(result.segments.map((s) => [s.segment, s.count, s.median])).toEqual([
      [-1, 1, 5],
      [0, 1, 5],
      [1, 0, NaN],
    ]);
    expect(result.segments[0].bins).toEqual([1, 0, 0, 0]);
  });

  it('samples rows above the limit, seeded, and says how many', () => {
    const random = createRandom(7);
    const n = 20_000;
    const values = Float64Array.from({ length: n }, () => random.next() * 100);
    const labels = Int32Array.from({ length: n }, (_, r) => r % 2);
    const sampled = segmentDistribution('x', values, labels, { sampleLimit: 5000, seed: 3 });
    expect(sampled).toMatchObject({ rows: n, sampleSize: 5000, sampled: true });
    expect(sampled.segments.reduce((sum, s) => sum + s.count, 0)).toBe(5000);
    expect(segmentDistribution('x', values, labels, { sampleLimit: 5000, seed: 3 })).toEqual(
      sampled,
    );
    const full = segmentDistribution('x', values, labels);
    expect(full.sampled).toBe(false);
    // Uniform on 0..100: a sample of 2,500 per segment puts the median within a few units.
    for (const s of sampled.segments) expect(Math.abs(s.median - 50)).toBeLessThan(4);
  });
});
