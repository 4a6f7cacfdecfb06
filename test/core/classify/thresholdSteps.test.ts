import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thresholdTable } from '../../../src/core/classify/roc';
import {
  metricsAtStep,
  THRESHOLD_STEPS,
  thresholdSteps,
} from '../../../src/core/classify/thresholdSteps';

/** Scores as a forest gives them (votes of 10 trees), and each row's actual class. */
const rows = fc.array(
  fc.record({ votes: fc.integer({ min: 0, max: 10 }), positive: fc.boolean() }),
  {
    minLength: 1,
    maxLength: 60,
  },
);

describe('thresholdSteps', () => {
  it('at 0.50 calls positive exactly the rows the models predict positive, ties to the first class', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(0, 1), (sample, positiveClass) => {
        const scores = Float64Array.from(sample, (row) => row.votes / 10);
        const actual = Uint8Array.from(sample, (row) => (row.positive ? 1 : 0));
        const steps = thresholdSteps(thresholdTable(scores, actual), positiveClass === 0);
        // The models' rule: the larger probability wins, a tie goes to class 0.
        let tp = 0;
        let fp = 0;
        sample.forEach((row, i) => {
          const other = 1 - scores[i];
          const predicted = positiveClass === 0 ? scores[i] >= other : scores[i] > other;
          if (predicted && row.positive) tp++;
          if (predicted && !row.positive) fp++;
        });
        const at = metricsAtStep(steps, 0.5);
        expect([at.truePositives, at.falsePositives]).toEqual([tp, fp]);
      }),
    );
  });

  it('is exact at every step of the slider, however many distinct scores there are', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), positive: fc.boolean() }),
          {
            minLength: 1,
            maxLength: 800,
          },
        ),
        fc.boolean(),
        (sample, takesTies) => {
          const scores = Float64Array.from(sample, (row) => row.score);
          const actual = Uint8Array.from(sample, (row) => (row.positive ? 1 : 0));
          const steps = thresholdSteps(thresholdTable(scores, actual), takesTies);
          for (let step = 0; step <= THRESHOLD_STEPS; step += 7) {
            const threshold = step / THRESHOLD_STEPS;
            const called = sample.filter((row) =>
              takesTies ? row.score >= threshold : row.score > threshold,
            );
            const at = metricsAtStep(steps, Number(threshold.toFixed(2)));
            expect(at.truePositives).toBe(called.filter((row) => row.positive).length);
            expect(at.falsePositives).toBe(called.filter((row) => !row.positive).length);
            expect(at.truePositives + at.falseNegatives).toBe(steps.positives);
          }
        },
      ),
    );
  });

  it('reads the step nearest a threshold between steps or outside 0..1', () => {
    const steps = thresholdSteps(
      thresholdTable(Float64Array.of(0.2, 0.6, 0.9), Uint8Array.of(0, 1, 1)),
      true,
    );
    expect(metricsAtStep(steps, 0.596).truePositives).toBe(2);
    expect(metricsAtStep(steps, 0.606).truePositives).toBe(1);
    expect(metricsAtStep(steps, -1).falsePositives).toBe(1);
    expect(metricsAtStep(steps, 2).truePositives).toBe(0);
    expect(metricsAtStep(steps, 0.5).threshold).toBe(0.5);
  });
});
