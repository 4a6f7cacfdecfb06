import {
  metricsAtThreshold,
  metricsOfCounts,
  type ThresholdMetrics,
  type ThresholdTable,
} from './roc';

/** The page's threshold slider moves in hundredths, from 0 to 1. */
export const THRESHOLD_STEPS = 100;

/**
 * A model's counts at every position of the threshold slider, exact at each (not a thinned
 * table read between its points). A row is called positive as the models' own predictions call
 * it: when its probability is above the threshold, or equal to it and the positive class is the
 * first (the models give a tie to the first class), so at 0.50 the slider shows the figures of
 * the models' table.
 */
export interface ThresholdSteps {
  /** Per step i (threshold i / THRESHOLD_STEPS): positive test rows called positive. */
  truePositives: Int32Array;
  /** Per step: negative test rows called positive. */
  falsePositives: Int32Array;
  positives: number;
  negatives: number;
}

export function thresholdSteps(table: ThresholdTable, positiveTakesTies: boolean): ThresholdSteps {
  const truePositives = new Int32Array(THRESHOLD_STEPS + 1);
  const falsePositives = new Int32Array(THRESHOLD_STEPS + 1);
  for (let step = 0; step <= THRESHOLD_STEPS; step++) {
    const at = metricsAtThreshold(table, step / THRESHOLD_STEPS, positiveTakesTies);
    truePositives[step] = at.truePositives;
    falsePositives[step] = at.falsePositives;
  }
  return { truePositives, falsePositives, positives: table.positives, negatives: table.negatives };
}

/** The figures at the slider's position nearest `threshold`. */
export function metricsAtStep(steps: ThresholdSteps, threshold: number): ThresholdMetrics {
  const step = Math.min(THRESHOLD_STEPS, Math.max(0, Math.round(threshold * THRESHOLD_STEPS)));
  return metricsOfCounts(
    step / THRESHOLD_STEPS,
    steps.truePositives[step],
    steps.falsePositives[step],
    steps.positives,
    steps.negatives,
  );
}
