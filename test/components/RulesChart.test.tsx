import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RulesChart } from '../../src/components/RulesChart';
import type { RulesChart as RulesChartData } from '../../src/core/basket/rulesChart';
import type { RuleRow } from '../../src/core/basket/rulesTable';

/** A rule of one item on each side, with the figures the chart's list shows. */
function rule(index: number, lift: number, confidence: number): RuleRow {
  return {
    rule: index,
    antecedents: [{ id: `A${index}`, description: '' }],
    consequents: [{ id: `B${index}`, description: '' }],
    antecedentSupport: 0.02,
    consequentSupport: 0.02,
    support: 0.011,
    confidence,
    lift,
    leverage: 0.01,
    conviction: 2,
    zhangsMetric: 0.9,
    jaccard: 0.5,
    certainty: 0.5,
    kulczynski: 0.5,
    baskets: 202,
    redundant: false,
    wholeLift: null,
    liftRatio: null,
  };
}

describe('the rules chart', () => {
  it('writes each lift of highest lift with two decimals, as the rules table does', () => {
    const rows = [rule(0, 61.9, 0.902), rule(1, 53.85, 0.732)];
    const chart: RulesChartData = {
      total: 2,
      rule: Int32Array.from([0, 1]),
      support: Float64Array.from([0.011, 0.01]),
      confidence: Float64Array.from([0.902, 0.732]),
      lift: Float64Array.from([61.9, 53.85]),
      labelled: 2,
    };
    render(<RulesChart chart={chart} topRules={rows} />);
    const items = screen
      .getByRole('figure', { name: 'Rules by support and confidence' })
      .querySelectorAll('.rules-chart__list li');
    expect([...items].map((item) => item.textContent)).toEqual([
      '1. A0 → B0: lift 61.90, confidence 90.2%',
      '2. A1 → B1: lift 53.85, confidence 73.2%',
    ]);
  });
});
