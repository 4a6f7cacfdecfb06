import { describe, expect, it } from 'vitest';
import {
  leafLabels,
  thinnedTicks,
  tickLabelWidth,
  turnedLabelSpacing,
} from '../../../src/components/plot/chartTicks';

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

describe('leafLabels', () => {
  const sizes = ['65', '47', '247', '159', '1,234'];

  it('writes the labels upright when the widest fits between its neighbours', () => {
    const upright = leafLabels(sizes, 60, 12);
    expect(upright.turned).toBe(false);
    // One line of text below the leaves.
    expect(upright.depth).toBe(turnedLabelSpacing(12));
  });

  it('turns them on their side when it does not, taking the widest label’s length below', () => {
    // 30 leaves on a dendrogram about 480 px wide: 16 px each, where "247" needs about 30.
    const turned = leafLabels(sizes, 16, 12);
    expect(turned.turned).toBe(true);
    expect(turned.depth).toBe(Math.ceil(tickLabelWidth('1,234', 12)));
    // Each turned label then needs only its line's height across, which the leaves are given.
    expect(turnedLabelSpacing(12)).toBeLessThanOrEqual(16);
    expect(turnedLabelSpacing(12)).toBeGreaterThanOrEqual(12 * 1.2);
  });

  it('turns them exactly when upright labels would meet', () => {
    for (let spacing = 5; spacing <= 60; spacing += 0.5) {
      const { turned } = leafLabels(['247'], spacing, 12);
      expect(turned).toBe(tickLabelWidth('247', 12) + 8 > spacing);
    }
  });
});
