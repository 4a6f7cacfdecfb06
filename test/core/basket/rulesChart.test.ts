import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { associationRules } from '../../../src/core/basket/associationRules';
import { mineItemsets } from '../../../src/core/basket/fpGrowth';
import { CHART_LABELS, CHART_POINTS, rulesChart } from '../../../src/core/basket/rulesChart';
import { RulesTable } from '../../../src/core/basket/rulesTable';
import type { Baskets } from '../../../src/core/basket/baskets';
import { arbitraryBaskets, basketsOf } from './bruteForce';

function rulesOf(baskets: Baskets) {
  const itemsets = mineItemsets(baskets, { minSupport: 0.05, maxLen: 4, maxItemsets: 1e5 });
  const rules = associationRules(itemsets, { minConfidence: 0 });
  const names = { items: [] as string[], descriptions: [] as string[] };
  const byLift = new RulesTable(rules, itemsets, names, null).order('lift', true);
  return { rules, byLift };
}

describe('rulesChart', () => {
  it('holds at most 2,000 points, of which the top 10 by lift are labelled', () => {
    expect(CHART_POINTS).toBe(2000);
    expect(CHART_LABELS).toBe(10);
  });

  it('keeps every rule, in descending order of lift, when they fit', () => {
    fc.assert(
      fc.property(arbitraryBaskets(6, 25), (baskets) => {
        const { rules, byLift } = rulesOf(baskets);
        const chart = rulesChart(rules, byLift);
        expect(chart.total).toBe(rules.count);
        expect(Array.from(chart.rule)).toEqual(Array.from(byLift));
        expect(chart.labelled).toBe(Math.min(10, rules.count));
        chart.rule.forEach((r, p) => {
          expect(chart.support[p]).toBe(rules.support[r]);
          expect(chart.confidence[p]).toBe(rules.confidence[r]);
          expect(chart.lift[p]).toBe(rules.lift[r]);
        });
      }),
      { numRuns: 50 },
    );
  });

  it('samples evenly along the lift order past the limit, the labelled top first', () => {
    fc.assert(
      fc.property(
        arbitraryBaskets(7, 40),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 0, max: 12 }),
        (baskets, most, labels) => {
          const { rules, byLift } = rulesOf(baskets);
          const chart = rulesChart(rules, byLift, most, labels);
          const count = Math.min(most, rules.count);
          expect(chart.rule).toHaveLength(count);
          expect(chart.labelled).toBe(Math.min(labels, count));
          // The labelled points are the top of the lift order.
          for (let p = 0; p < chart.labelled; p++) expect(chart.rule[p]).toBe(byLift[p]);
          // Every point is a distinct rule, in lift order.
          const positions = Array.from(chart.rule, (r) => byLift.indexOf(r));
          for (let p = 1; p < positions.length; p++)
            expect(positions[p]).toBeGreaterThan(positions[p - 1]);
          // The sample reaches the last stretch of the order (lowest lifts are drawn too).
          if (count > chart.labelled && rules.count > count) {
            const stretch = (rules.count - chart.labelled) / (count - chart.labelled);
            expect(positions[count - 1]).toBeGreaterThanOrEqual(rules.count - stretch);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gives an empty chart for no rule', () => {
    // One item per basket: no pair, so no rule.
    const { rules, byLift } = rulesOf(basketsOf([[0], [1], [2]]));
    expect(rules.count).toBe(0);
    const chart = rulesChart(rules, byLift);
    expect(chart).toEqual({
      total: 0,
      rule: new Int32Array(0),
      support: new Float64Array(0),
      confidence: new Float64Array(0),
      lift: new Float64Array(0),
      labelled: 0,
    });
  });
});
