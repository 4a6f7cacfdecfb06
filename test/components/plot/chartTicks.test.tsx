import { describe, expect, it } from 'vitest';
import { thinnedTicks, tickLabelWidth } from '../../../src/components/plot/chartTicks';

const components = (count: number) => Array.from({ length: count }, (_, i) => `PC${i + 1}`);

/** Whether any two kept labels, centred at their positions, overlap (with the gap between). */
function overlaps(all: string[], kept: string[], spacing: number): boolean {
  const centres = kept.map((label) => all.indexOf(label) * spacing);
  return kept.some(
    (label, i) =>
      i > 0 &&
      centres[i] - centres[i - 1] < (tickLabelWidth(label) + tickLabelWidth(kept[i - 1])) / 2,
  );
}

describe('thinnedTicks', () => {
  it('keeps every label when they fit', () => {
    expect(thinnedTicks(components(5), 80, (c) => c)).toEqual(components(5));
  });

  it('thins 17 components on a narrow scree chart so that no two labels overlap', () => {
    const all = components(17);
    // A scree chart on a 420 px page: about 300 px for 17 bars.
    const spacing = 300 / 17;
    const kept = thinnedTicks(all, spacing, (c) => c);
    expect(kept.length).toBeLessThan(17);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(overlaps(all, kept, spacing)).toBe(false);
    // The first and the last component are always named; the steps between are even.
    expect(kept[0]).toBe('PC1');
    expect(kept.at(-1)).toBe('PC17');
    const steps = kept.slice(1, -1).map((c, i) => all.indexOf(c) - all.indexOf(kept[i]));
    expect(new Set(steps).size).toBeLessThanOrEqual(1);
  });

  it('never overlaps, for any number of components and any width', () => {
    for (let count = 1; count <= 60; count++)
      for (const width of [120, 240, 300, 560, 1000]) {
        const all = components(count);
        const kept = thinnedTicks(all, width / count, (c) => c);
        expect(kept[0]).toBe('PC1');
        expect(kept.at(-1)).toBe(all.at(-1));
        expect(overlaps(all, kept, width / count)).toBe(false);
      }
  });

  it('measures Chinese characters wider than Latin ones', () => {
    expect(tickLabelWidth('年龄')).toBeGreaterThan(tickLabelWidth('ab'));
    expect(tickLabelWidth('PC17')).toBeGreaterThan(tickLabelWidth('PC1'));
  });
});
