import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { cleanRows } from '../../../src/core/clean/cleanRows';
import { prepareFeatures } from '../../../src/core/features/prepareFeatures';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { featuresInUserUnits } from '../../../src/core/session/userUnits';
import { customersCsv } from '../../support/sessionData';

describe('featuresInUserUnits', () => {
  it('gives the values cleaning again would give, before scaling, with log1p undone', async () => {
    const table = await readCsv(textSource(customersCsv));
    const clean = {
      ...DEFAULT_CLEANING,
      missing: 'median' as const,
      log1p: ['annual_spend'],
    };
    const features = ['age', 'annual_income', 'annual_spend', 'visits_per_month'];
    const options = {
      ...DEFAULT_ANALYSIS_OPTIONS,
      features,
      oneHot: ['region'],
      clean,
    };
    const prepared = prepareFeatures(table, options);
    const ours = featuresInUserUnits(table, prepared);
    // Cleaning again, as scripts/reference/classifyInputs.ts does, and undoing log1p.
    const again = cleanRows(table, { ...clean, features, oneHot: ['region'] });
    expect(Array.from(again.rows)).toEqual(Array.from(prepared.cleaned.rows));
    const { n, d } = prepared;
    const all = again.features.length;
    // Filled and clipped values are there, so the check is not vacuous.
    expect(prepared.cleaned.report.imputed.length).toBeGreaterThan(0);
    expect(prepared.cleaned.report.clipped.length).toBeGreaterThan(0);
    prepared.features.forEach((feature, f) => {
      const j = again.features.findIndex((c) => c.name === feature.name);
      for (let i = 0; i < n; i++) {
        const value = again.matrix[i * all + j];
        const expected = feature.transform === 'log1p' ? Math.expm1(value) : value;
        // Exact, except that an unclipped logged value is the value itself (no round trip).
        if (feature.transform === 'log1p') expect(ours[i * d + f]).toBeCloseTo(expected, 9);
        else expect(ours[i * d + f]).toBe(expected);
      }
    });
    const east = prepared.features.findIndex((f) => f.category === 'East');
    const column = table.columns.find((c) => c.name === 'region')!;
    for (let i = 0; i < n; i++) {
      const text = column.texts[column.codes![prepared.cleaned.rows[i]]];
      expect(ours[i * d + east]).toBe(text === 'East' ? 1 : 0);
    }
  });

  it('keeps an unclipped value exactly as written, and a clipped one at its bound', async () => {
    const rows = ['x,y'];
    for (let i = 0; i < 60; i++) rows.push(`${i % 7},${(i * 13) % 10}`);
    rows.push('1000000,3');
    const table = await readCsv(textSource(rows.join('\n')));
    const prepared = prepareFeatures(table, {
      ...DEFAULT_ANALYSIS_OPTIONS,
      features: ['x', 'y'],
      clean: { ...DEFAULT_CLEANING, log1p: ['x'] },
    });
    const ours = featuresInUserUnits(table, prepared);
    const { low, high } = prepared.cleaned.fitted.find((c) => c.name === 'x')!;
    for (let i = 0; i < 60; i++) expect(ours[i * 2]).toBe(i % 7);
    expect(ours[60 * 2]).toBe(Math.expm1(high));
    // The z-score low limit lies below every value: clipping stops at the minimum, log1p(0).
    expect(low).toBe(Math.log1p(0));
    // The cleaning report gives the limits in x's own units.
    const clipped = prepared.cleaned.report.clipped.find((c) => c.column === 'x')!;
    expect([clipped.low, clipped.high]).toEqual([0, Math.expm1(high)]);
    expect(clipped.high).toBeLessThan(1_000_000);
  });
});
