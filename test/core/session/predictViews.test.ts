import { describe, expect, it } from 'vitest';
import type { RocCurve } from '../../../src/core/classify/roc';
import { CURVE_POINTS, thinCurve } from '../../../src/core/session/predictViews';

function curveOf(length: number): RocCurve {
  return {
    falsePositiveRate: Float64Array.from({ length }, (_, i) => i / Math.max(1, length - 1)),
    truePositiveRate: Float64Array.from({ length }, (_, i) =>
      Math.sqrt(i / Math.max(1, length - 1)),
    ),
    thresholds: Float64Array.from({ length }, (_, i) => length - i),
  };
}

describe('thinCurve', () => {
  it('keeps a curve of at most CURVE_POINTS points as it is', () => {
    for (const length of [1, 2, 17, CURVE_POINTS]) {
      const curve = curveOf(length);
      const thin = thinCurve(curve);
      expect(Array.from(thin.thresholds)).toEqual(Array.from(curve.thresholds));
      expect(Array.from(thin.truePositiveRate)).toEqual(Array.from(curve.truePositiveRate));
      expect(Array.from(thin.falsePositiveRate)).toEqual(Array.from(curve.falsePositiveRate));
    }
  });

  it('thins a longer curve to CURVE_POINTS of its own points, evenly spread, both ends kept', () => {
    const curve = curveOf(4_001);
    const thin = thinCurve(curve);
    expect(thin.thresholds).toHaveLength(CURVE_POINTS);
    expect(thin.falsePositiveRate[0]).toBe(0);
    expect(thin.falsePositiveRate[CURVE_POINTS - 1]).toBe(1);
    expect(thin.truePositiveRate[CURVE_POINTS - 1]).toBe(1);
    // Every point is one of the curve's (the three arrays stay aligned), in the curve's order.
    const at = Array.from(thin.thresholds, (t) => 4_001 - t);
    for (let p = 0; p < CURVE_POINTS; p++) {
      expect(thin.falsePositiveRate[p]).toBe(curve.falsePositiveRate[at[p]]);
      expect(thin.truePositiveRate[p]).toBe(curve.truePositiveRate[at[p]]);
      if (p > 0) expect(at[p] - at[p - 1]).toBeGreaterThanOrEqual(8);
      if (p > 0) expect(at[p] - at[p - 1]).toBeLessThanOrEqual(9);
    }
  });
});
