import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  metricsAtThreshold,
  rocAuc,
  rocCurve,
  thresholdTable,
} from '../../../src/core/classify/roc';

const table = (scores: number[], positive: number[]) =>
  thresholdTable(Float64Array.from(scores), Uint8Array.from(positive));

describe('rocCurve and rocAuc', () => {
  it("gives scikit-learn's documented example", () => {
    const curve = rocCurve(table([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))!;
    expect(Array.from(curve.falsePositiveRate)).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(Array.from(curve.truePositiveRate)).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([1.8, 0.8, 0.4, 0.35, 0.1]);
    expect(rocAuc(table([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]))).toBe(0.75);
  });

  it('collapses tied scores into one point and drops points where the curve does not bend', () => {
    // Scores tied at 0.5 across both classes; the point at 0.2 lies on a straight stretch.
    const t = table([0.1, 0.5, 0.5, 0.9, 0.5, 0.2], [0, 0, 1, 1, 1, 0]);
    expect(Array.from(t.thresholds)).toEqual([0.9, 0.5, 0.2, 0.1]);
    expect(Array.from(t.truePositives)).toEqual([1, 3, 3, 3]);
    expect(Array.from(t.falsePositives)).toEqual([0, 1, 2, 3]);
    const curve = rocCurve(t)!;
    expect(Array.from(curve.falsePositiveRate)).toEqual([0, 0, 1 / 3, 1]);
    expect(Array.from(curve.truePositiveRate)).toEqual([0, 1 / 3, 1, 1]);
    expect(Array.from(curve.thresholds)).toEqual([1.9, 0.9, 0.5, 0.1]);
    // The Mann-Whitney count, ties counting half: (3 + 2.5 + 2.5) / 9.
    expect(rocAuc(t)).toBeCloseTo(8 / 9, 15);
  });

  it('is null, not NaN, when every row is of one class', () => {
    expect(rocCurve(table([0.2, 0.7], [1, 1]))).toBeNull();
    expect(rocAuc(table([0.2, 0.7], [0, 0]))).toBeNull();
    expect(rocAuc(table([], []))).toBeNull();
  });

  it('equals the share of (positive, negative) pairs ranked right, ties counting half', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2 }),
        (rows) => {
          const scores = rows.map(([s]) => s / 5);
          const positive = rows.map(([, p]) => (p ? 1 : 0));
          const auc = rocAuc(table(scores, positive));
          const pos = scores.filter((_, i) => positive[i] === 1);
          const neg = scores.filter((_, i) => positive[i] === 0);
          if (pos.length === 0 || neg.length === 0) {
            expect(auc).toBeNull();
            return;
          }
          let wins = 0;
          for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
          expect(auc).toBeCloseTo(wins / (pos.length * neg.length), 12);
        },
      ),
    );
  });
});

describe('metricsAtThreshold', () => {
  const t = table([0.1, 0.5, 0.5, 0.9, 0.5, 0.2], [0, 0, 1, 1, 1, 0]);

  it('calls rows scoring at least the threshold positive', () => {
    const at = metricsAtThreshold(t, 0.5);
    expect([at.truePositives, at.falsePositives, at.falseNegatives, at.trueNegatives]).toEqual([
      3, 1, 0, 2,
    ]);
    expect(at.precision).toBe(0.75);
    expect(at.recall).toBe(1);
    expect(at.f1).toBeCloseTo(6 / 7, 15);
    expect(at.accuracy).toBeCloseTo(5 / 6, 15);
    expect(metricsAtThreshold(t, 0.6).truePositives).toBe(1);
    expect(metricsAtThreshold(t, 0).falsePositives).toBe(3);
  });

  it('leaves out the rows scoring exactly the threshold when the positive class does not take ties', () => {
    const at = metricsAtThreshold(t, 0.5, false);
    expect([at.truePositives, at.falsePositives, at.falseNegatives, at.trueNegatives]).toEqual([
      1, 0, 2, 3,
    ]);
    expect(metricsAtThreshold(t, 0.49, false).truePositives).toBe(3);
  });

  it('gives 0, not NaN, when nothing is called positive', () => {
    const at = metricsAtThreshold(t, 2);
    expect([at.precision, at.recall, at.f1]).toEqual([0, 0, 0]);
    expect(at.accuracy).toBe(0.5);
  });
});
