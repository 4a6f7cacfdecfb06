import { describe, expect, it } from 'vitest';
import {
  barChart,
  columnChart,
  lineChart,
  niceTicks,
  scatterChart,
  shortLabel,
  thinnedTicks,
} from '../../../src/core/report/reportCharts';

const text = { id: 'c', title: 'A <title>', description: 'What it shows & how' };
const format = (v: number) => v.toFixed(1);

describe('report charts', () => {
  it('name themselves with an escaped title and description', () => {
    const svg = barChart(text, [{ label: '<b>', value: 3, valueText: '3' }]);
    expect(svg).toContain('<title id="c-title">A &lt;title&gt;</title>');
    expect(svg).toContain('<desc id="c-desc">What it shows &amp; how</desc>');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toContain('&lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });

  it('draw one bar per item, the longest as wide as the plot', () => {
    const svg = barChart(text, [
      { label: 'a', value: 10, valueText: '10' },
      { label: 'b', value: 5, valueText: '5' },
    ]);
    const widths = [...svg.matchAll(/<rect[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([360, 180]);
  });

  it('thin the tick labels of many categories', () => {
    expect(thinnedTicks(5)).toEqual([0, 1, 2, 3, 4]);
    expect(thinnedTicks(50)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    const items = Array.from({ length: 40 }, (_, i) => ({ label: `L${i}`, value: i }));
    const svg = columnChart(text, items, { x: 'component', format });
    expect(svg.match(/<rect/g)).toHaveLength(40);
    expect(svg).toContain('>L0<');
    expect(svg).not.toContain('>L1<');
  });

  it('round their ticks and cut long labels', () => {
    expect(niceTicks(0, 0.93)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
    expect(niceTicks(-2.3, 4.1)).toEqual([-4, -2, 0, 2, 4, 6]);
    expect(shortLabel('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('mark the chosen k on a line, and break it where a value is missing', () => {
    const svg = lineChart(
      text,
      [
        { x: 1, y: null },
        { x: 2, y: 0.5 },
        { x: 3, y: 0.7 },
      ],
      { x: 'k', format, marked: 3 },
    );
    expect(svg.match(/<path/g)).toHaveLength(1);
    expect(svg).toContain('r="6"');
    expect(svg).toContain('stroke-dasharray');
  });

  it('draw a dot per finite point and a ring per centre', () => {
    const svg = scatterChart(
      text,
      [
        { segment: 0, xs: [0, 1, NaN], ys: [0, 1, 2], centre: { x: 0.5, y: 0.5 } },
        { segment: -1, xs: [2], ys: [2], centre: null },
      ],
      { x: 'PC1', y: 'PC2', format },
    );
    expect(svg.match(/r="2.5"/g)).toHaveLength(3);
    expect(svg.match(/r="7"/g)).toHaveLength(1);
  });
});
