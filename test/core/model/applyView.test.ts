import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { applyView, DRIFT_SDS } from '../../../src/core/model/applyView';
import { renderMessage } from '../../../src/i18n/formatMessage';
import { ORDER_LINES, ORDER_MAPPING, openText, savedModel } from '../../support/modelFixtures';

const SAVED = [
  'x,y,g',
  ...Array.from({ length: 30 }, (_, i) => `${i % 10},${(i * 7) % 13},${i % 2 === 0 ? 'a' : 'b'}`),
].join('\n');

const OPTIONS = {
  features: ['x', 'y'],
  oneHot: ['g'],
  clean: { ...DEFAULT_CLEANING, duplicates: 'keep' as const, outliers: 'none' as const },
};

describe('applyView', () => {
  it('says why a hierarchical model can move rows even on its own file', async () => {
    const session = await openText(SAVED);
    const { model } = await savedModel(session, { ...OPTIONS, algorithm: 'hierarchical', k: 3 });
    const view = applyView(session, model);
    expect(view.notes.map((note) => note.key)).toEqual(['applyHierarchicalMeans']);
    expect(renderMessage('zh', view.notes[0])).toMatch(/^层次聚类模型按各细分群的均值应用/);
  });

  it('on the saved file: the saved sizes again, no drift, nothing new', async () => {
    const session = await openText(SAVED);
    const { model } = await savedModel(session, OPTIONS, null, ['Mine']);
    const view = applyView(session, model);
    expect(view.kind).toBe('rows');
    expect(view.read).toBe(30);
    expect(view.scored).toBe(30);
    expect(view.segments.map((s) => s.size)).toEqual(view.segments.map((s) => s.savedSize));
    expect(view.segments[0].name).toBe('Mine');
    expect(view.drift.every((d) => !d.drifted && Math.abs(d.shift!) < 1e-12)).toBe(true);
    expect(view.notes).toEqual([]);
    expect(view.noise).toBeNull();
    expect(view.rfm).toBeNull();
    // Plain data only: it crosses to the page by structured clone.
    expect(structuredClone(view)).toEqual(view);
  });

  it('flags a feature whose mean moved by more than half a saved SD, and new categories', async () => {
    const session = await openText(SAVED);
    const { model } = await savedModel(session, OPTIONS);
    const moved = ['x,y,g', ...Array.from({ length: 10 }, (_, i) => `${i % 10},${20 + i},c`)];
    const view = applyView(await openText(moved.join('\n'), 'new.csv'), model);
    const y = view.drift.find((d) => d.feature === 'y')!;
    const x = view.drift.find((d) => d.feature === 'x')!;
    expect(y.drifted).toBe(true);
    expect(y.shift!).toBeGreaterThan(DRIFT_SDS);
    expect(x.drifted).toBe(false);
    expect(view.unseen).toEqual([{ column: 'g', count: 10, values: ['c'] }]);
    // The one-hot features all read 0: their means moved too.
    expect(view.drift.filter((d) => d.drifted).map((d) => d.feature)).toEqual(['y', 'g=a', 'g=b']);
    expect(view.notes).toHaveLength(4);
    const english = renderMessage('en', view.notes[3]);
    expect(english).toBe('g: 10 rows have values never seen when the model was saved ("c")');
    expect(renderMessage('zh', view.notes[0])).toContain('y');
  });

  it('RFM: the named segments now and when saved, and the customers counted', async () => {
    const session = await openText(ORDER_LINES);
    const rfm = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, rfm);
    const view = applyView(session, model);
    expect(view.kind).toBe('rfm');
    expect(view.rfm!.customers).toBe(model.rfm!.customers);
    expect(view.rfm!.named.map((n) => n.size)).toEqual(view.rfm!.named.map((n) => n.savedSize));
    expect(structuredClone(view)).toEqual(view);
  });

  it("RFM: a drifted feature is named in the reader's language, not as the code calls it", async () => {
    const session = await openText(ORDER_LINES);
    const rfm = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, rfm);
    const { featureNames, scale } = model.preparation;
    const k = featureNames.indexOf('recency');
    expect(k).toBeGreaterThanOrEqual(0);
    // As if the saved customers had bought long ago: recency's mean moves by many SDs.
    const moved = structuredClone(model);
    moved.preparation.scale.mean[k] = scale.mean[k] + 10 * (scale.std[k] || 1);
    const view = applyView(session, moved);
    const note = view.notes.find((n) => n.key === 'applyDrift')!;
    expect(renderMessage('zh', note)).toMatch(/^最近购买天数：/);
    expect(renderMessage('en', note)).toMatch(/^recency: /);
  });
});
