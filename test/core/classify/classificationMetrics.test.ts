import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classificationReport,
  confusionMatrix,
  groupRates,
} from '../../../src/core/classify/classificationMetrics';

describe('confusionMatrix', () => {
  it('counts actual classes in rows and predictions in columns, leaving unknown classes out', () => {
    const actual = Int32Array.from([0, 1, 2, 2, 2, -1]);
    const predicted = Int32Array.from([0, 0, 2, 2, 1, 0]);
    expect(Array.from(confusionMatrix(actual, predicted, 3))).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 2]);
    expect(Array.from(confusionMatrix(actual, predicted, 3, Int32Array.from([0, 4])))).toEqual([
      1, 0, 0, 0, 0, 0, 0, 1, 0,
    ]);
  });
});

describe('classificationReport', () => {
  it("gives scikit-learn's documented example: per class, accuracy, macro and weighted", () => {
    // y_true = [0, 1, 2, 2, 2], y_pred = [0, 0, 2, 2, 1] (the classification_report docstring).
    const report = classificationReport(Int32Array.from([1, 0, 0, 1, 0, 0, 0, 1, 2]), 3);
    expect(Array.from(report.precision)).toEqual([0.5, 0, 1]);
    expect(Array.from(report.recall)).toEqual([1, 0, 2 / 3]);
    expect(report.f1[0]).toBeCloseTo(2 / 3, 15);
    expect(report.f1[1]).toBe(0);
    expect(report.f1[2]).toBeCloseTo(0.8, 15);
    expect(Array.from(report.support)).toEqual([1, 1, 3]);
    expect(report.accuracy).toBe(0.6);
    expect(report.macro.precision).toBe(0.5);
    expect(report.macro.recall).toBeCloseTo(5 / 9, 15);
    expect(report.macro.f1).toBeCloseTo((2 / 3 + 0.8) / 3, 15);
    expect(report.weighted.precision).toBeCloseTo(0.7, 15);
    expect(report.weighted.recall).toBeCloseTo(0.6, 15);
    expect(report.weighted.f1).toBeCloseTo((2 / 3 + 2.4) / 5, 15);
    expect(report.macro.support).toBe(5);
  });

  it('reports 0 where a denominator is zero (a class never predicted, or absent)', () => {
    // Class 1 is never predicted; class 2 never occurs nor is predicted.
    const report = classificationReport(Int32Array.from([3, 0, 0, 2, 0, 0, 0, 0, 0]), 3);
    expect(Array.from(report.precision)).toEqual([0.6, 0, 0]);
    expect(Array.from(report.recall)).toEqual([1, 0, 0]);
    expect(report.f1[0]).toBeCloseTo(0.75, 15);
    expect(Array.from(report.f1).slice(1)).toEqual([0, 0]);
    expect(report.macro.f1).toBeCloseTo(0.25, 15);
    expect(report.weighted.precision).toBeCloseTo(0.36, 15);
  });

  it('gives zeros, not NaN, without any row', () => {
    const report = classificationReport(new Int32Array(4), 2);
    expect(report.accuracy).toBe(0);
    expect(report.weighted.f1).toBe(0);
    expect(report.macro.precision).toBe(0);
  });

  it('a perfect prediction scores 1 everywhere', () => {
    const report = classificationReport(Int32Array.from([4, 0, 0, 6]), 2);
    expect([report.accuracy, report.macro.f1, report.weighted.recall]).toEqual([1, 1, 1]);
  });

  it('keeps its figures in [0, 1], and accuracy equals the weighted recall', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { minLength: 9, maxLength: 9 }), (cells) => {
        const report = classificationReport(Int32Array.from(cells), 3);
        for (const value of [
          ...report.precision,
          ...report.recall,
          ...report.f1,
          report.accuracy,
          report.macro.f1,
          report.weighted.f1,
        ]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1 + 1e-15);
        }
        expect(report.weighted.recall).toBeCloseTo(report.accuracy, 12);
      }),
    );
  });
});

describe('groupRates', () => {
  it('gives the actual and predicted share of one class in each group', () => {
    const groups = Int32Array.from([0, 0, 0, 0, 1, 1, -1, 2]);
    const actual = Int32Array.from([1, 0, 0, 0, 1, 1, 1, -1]);
    const predicted = Int32Array.from([1, 1, 0, 0, 0, 1, 1, 1]);
    const rates = groupRates(groups, 3, actual, predicted, 1);
    expect(Array.from(rates.rows)).toEqual([4, 2, 0]);
    expect(Array.from(rates.actual)).toEqual([0.25, 1, 0]);
    expect(Array.from(rates.predicted)).toEqual([0.5, 0.5, 0]);
  });
});
