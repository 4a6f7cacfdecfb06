import type { AssociationRules } from './associationRules';

/** The most points the chart of rules receives, and how many of them are labelled. */
export const CHART_POINTS = 2000;
export const CHART_LABELS = 10;

/**
 * The points of the chart of rules (support against confidence, coloured by lift): every rule, or
 * a sample when there are more than the chart holds. Points come in descending order of lift; the
 * first `labelled` are the top rules by lift, which the chart names.
 */
export interface RulesChart {
  /** Rules in the set the points are drawn from. */
  total: number;
  /** Per point, its rule (an index into the rules). */
  rule: Int32Array;
  support: Float64Array;
  confidence: Float64Array;
  lift: Float64Array;
  labelled: number;
}

/**
 * The chart's points from the rules in descending order of lift (`byLift`). The top `labels` rules
 * are always in; the rest of the sample is systematic (evenly spaced along the lift order), so
 * that it is the same every time and spans every lift.
 */
export function rulesChart(
  rules: AssociationRules,
  byLift: Int32Array,
  most = CHART_POINTS,
  labels = CHART_LABELS,
): RulesChart {
  const n = byLift.length;
  const count = Math.min(n, most);
  const labelled = Math.min(labels, count);
  const rule = new Int32Array(count);
  if (count === n) rule.set(byLift);
  else {
    for (let p = 0; p < labelled; p++) rule[p] = byLift[p];
    // The remaining slots, one at the middle of each of (count - labelled) equal stretches.
    const rest = n - labelled;
    const slots = count - labelled;
    for (let j = 0; j < slots; j++)
      rule[labelled + j] = byLift[labelled + Math.floor(((j + 0.5) * rest) / slots)];
  }
  return {
    total: n,
    rule,
    support: Float64Array.from(rule, (r) => rules.support[r]),
    confidence: Float64Array.from(rule, (r) => rules.confidence[r]),
    lift: Float64Array.from(rule, (r) => rules.lift[r]),
    labelled,
  };
}
