import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { App } from '../../src/components/App';
import { settled } from '../support/page';

/** The drawing of a figure (its svg), found through the figure's accessible name. */
function drawing(name: string): SVGSVGElement {
  const svg = screen.getByRole('figure', { name }).querySelector('svg.plot__drawing');
  expect(svg).not.toBeNull();
  return svg as SVGSVGElement;
}

/** The points a path's data visits (its M and L commands). */
const vertices = (d: string | null) =>
  [...(d ?? '').matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('the charts of an analysis', () => {
  it('draw every k, component and customer where its axes place it', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.upload(
      screen.getByLabelText('Choose a CSV, Excel or Parquet file'),
      new File([generateCustomersCsv({ rows: 400, seed: 5 })], 'shop.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: 'Segment profiles' }, { timeout: 120_000 });
    await settled();
    await screen.findByRole('figure', { name: 'Segment scatter' });
    await screen.findByRole('figure', { name: 'Principal components (scree)' });

    // Nothing is placed at an impossible position.
    for (const path of document.querySelectorAll('svg path'))
      expect(path.getAttribute('d') ?? '').not.toMatch(/NaN|Infinity/);

    // The elbow: inertia at k = 1..10, the index from k = 2 (it needs two segments), each k
    // labelled, and the recommended k marked at its own tick.
    const elbow = drawing('Elbow curve');
    const [inertia, index] = [...elbow.querySelectorAll('.plot__line')].map((path) =>
      vertices(path.getAttribute('d')),
    );
    expect(inertia).toHaveLength(10);
    expect(index).toHaveLength(9);
    // Inertia falls with k, and is drawn higher (a smaller y) for a larger value.
    for (let i = 1; i < inertia.length; i++) {
      expect(inertia[i][0]).toBeGreaterThan(inertia[i - 1][0]);
      expect(inertia[i][1]).toBeGreaterThanOrEqual(inertia[i - 1][1]);
    }
    const tickTexts = [...elbow.querySelectorAll('.plot__axis text')];
    const kTicks = tickTexts.filter(
      (text) =>
        /^\d+$/.test(text.textContent ?? '') && text.getAttribute('text-anchor') === 'middle',
    );
    expect(kTicks.map((text) => text.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i + 1)),
    );
    const figure = screen.getByRole('figure', { name: 'Elbow curve' });
    const recommendedK = Number(
      /Recommended: k = (\d+)/.exec(figure.textContent ?? '')?.[1] ?? NaN,
    );
    const mark = within(elbow as unknown as HTMLElement).getByText('recommended');
    expect(Number(mark.getAttribute('x'))).toBeCloseTo(
      Number(kTicks[recommendedK - 1].getAttribute('x')),
    );
    expect(inertia[recommendedK - 1][0]).toBeCloseTo(Number(mark.getAttribute('x')), 0);
    // Inertia is never a year: its ticks group from four digits, 8,000 under 10,000 as in
    // the sentence below the chart.
    const inertiaTicks = tickTexts
      .filter((text) => text.getAttribute('text-anchor') === 'end')
      .map((text) => text.textContent ?? '');
    expect(inertiaTicks.some((text) => Number(text.replace(/,/g, '')) >= 1000)).toBe(true);
    for (const text of inertiaTicks) expect(text).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);

    // The scatter: one dot for every customer shown, in the plot's box.
    const scatter = screen.getByRole('figure', { name: 'Segment scatter' });
    const shown = Number(/showing all (\d+) customers/.exec(scatter.textContent ?? '')?.[1]);
    const dots = [...drawing('Segment scatter').querySelectorAll('.segment-points path')].map(
      (path) => [...(path.getAttribute('d') ?? '').matchAll(/M(-?[\d.]+) (-?[\d.]+)/g)],
    );
    expect(dots.flat()).toHaveLength(shown);
    const width = Number(drawing('Segment scatter').getAttribute('width'));
    for (const [, x, y] of dots.flat()) {
      expect(Number(x)).toBeGreaterThan(0);
      expect(Number(x)).toBeLessThan(width);
      expect(Number(y)).toBeGreaterThan(0);
      expect(Number(y)).toBeLessThan(380);
    }

    // The scree: a bar for each component, and the running total ending at 100 %.
    const scree = screen.getByRole('figure', { name: 'Principal components (scree)' });
    const components = within(scree).getAllByRole('rowheader').length;
    const bars = drawing('Principal components (scree)').querySelector('.scree-bars');
    expect((bars?.getAttribute('d') ?? '').match(/Z/g)).toHaveLength(components);
    const cumulative = vertices(
      drawing('Principal components (scree)').querySelector('.plot__line')?.getAttribute('d') ??
        null,
    );
    expect(cumulative).toHaveLength(components);
    const hundred = [
      ...drawing('Principal components (scree)').querySelectorAll('.plot__axis text'),
    ].find((text) => text.textContent === '100%');
    expect(cumulative.at(-1)?.[1]).toBeCloseTo(Number(hundred?.getAttribute('y')), 0);
  });
});
