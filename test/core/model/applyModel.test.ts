import { describe, expect, it } from 'vitest';
import type { AnalysisOptions } from '../../../src/core/analysis/analysisOptions';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { createRandom } from '../../../src/core/common/random';
import { isUserError } from '../../../src/core/common/userError';
import { applyModel, scoreCustomers } from '../../../src/core/model/applyModel';
import { modelText } from '../../../src/core/model/modelFile';
import { parseModel } from '../../../src/core/model/parseModel';
import { APPLY_MISSING, APPLY_OUTLIER, APPLY_SCORED } from '../../../src/core/model/prepareRows';
import { customerClusters } from '../../../src/core/rfm/rfmClustering';
import type { AnalysisSession } from '../../../src/core/session/session';
import {
  ORDER_LINES,
  ORDER_MAPPING,
  openText,
  savedModel,
  withPca,
} from '../../support/modelFixtures';
import { bankMarketingCsv } from '../../support/bankMarketing';

/** Three groups of customers with an income, a spend (a few missing), an outlier, a region. */
function customersCsv(seed: number, rows = 240): string {
  const random = createRandom(seed);
  const lines = ['id,income,spend,region'];
  for (let i = 0; i < rows; i++) {
    const group = i % 3;
    const income = (20 + 30 * group + 8 * random.next()).toFixed(2);
    const spend = i % 17 === 5 ? '' : (10 + 25 * ((group * 2) % 3) + 9 * random.next()).toFixed(2);
    const region = ['north', 'south', 'east'][(i + group) % 3];
    lines.push(`${i},${income},${spend},${region}`);
  }
  lines.push('900,5000,20,north');
  // An exact repeat of a row: set aside by the analysis, scored when applied.
  lines.push(lines[1]);
  return lines.join('\n');
}

/** Every analysed row's segment under the applied model equals the analysis' own label. */
async function expectParity(session: AnalysisSession, options: Partial<AnalysisOptions>) {
  const { analysis, model } = await savedModel(session, options);
  const parsed = parseModel(modelText(model), modelText(model).length);
  const applied = applyModel(session, parsed);
  const { labels } = resultFor(analysis, analysis.k)!;
  const got = Int32Array.from(analysis.rows, (row) => applied.segment[row]);
  expect(Array.from(got)).toEqual(Array.from(labels));
  for (const row of analysis.rows) expect(applied.reason[row]).toBe(APPLY_SCORED);
  return { analysis, model, applied };
}

const CLEAN_AND_ENCODE: Partial<AnalysisOptions> = {
  features: ['income', 'spend'],
  oneHot: ['region'],
  clean: { ...DEFAULT_CLEANING, missing: 'median', outliers: 'zscore', outlierAction: 'clip' },
};

describe('applyModel on the file the model was saved from', () => {
  it('gives k-means the same segments as the analysis (fills, clipping, one-hot, scaling)', async () => {
    const session = await openText(customersCsv(1));
    const { applied } = await expectParity(session, CLEAN_AND_ENCODE);
    // The repeated row is scored like any other (the analysis set it aside).
    expect(applied.reason[applied.reason.length - 1]).toBe(APPLY_SCORED);
    expect(applied.segment[applied.reason.length - 1]).toBe(applied.segment[0]);
    expect(applied.distance[0]).toBeGreaterThanOrEqual(0);
  });

  it('sets aside rows the saved policy drops (missing values, outliers beyond the limits)', async () => {
    const session = await openText(customersCsv(2));
    const { applied, analysis } = await expectParity(session, {
      ...CLEAN_AND_ENCODE,
      clean: {
        ...DEFAULT_CLEANING,
        missing: 'drop',
        outliers: 'zscore',
        outlierAction: 'drop',
      },
    });
    // Row 5 misses its spend; the row of income 5000 is an outlier.
    expect(applied.reason[5]).toBe(APPLY_MISSING);
    expect(applied.segment[5]).toBe(-1);
    expect(Number.isNaN(applied.distance[5])).toBe(true);
    expect(applied.reason[240]).toBe(APPLY_OUTLIER);
    expect(analysis.cleaning.dropped.outlier).toBe(1);
    const missing = applied.setAside.find((s) => s.reason === 'missing')!;
    expect(missing.count).toBe(analysis.cleaning.dropped.missing);
  });

  it('log1p and min-max scaling', async () => {
    const session = await openText(customersCsv(3));
    await expectParity(session, {
      ...CLEAN_AND_ENCODE,
      scale: 'minmax',
      clean: { ...CLEAN_AND_ENCODE.clean!, log1p: ['income'] },
    });
  });

  it('hierarchical: the nearest segment centre gives every analysed row its segment', async () => {
    const session = await openText(customersCsv(4, 150));
    for (const linkage of ['ward', 'average'] as const)
      await expectParity(session, { ...CLEAN_AND_ENCODE, algorithm: 'hierarchical', linkage });
  });

  it('DBSCAN: the first core row within eps, else noise, as the analysis found them', async () => {
    const session = await openText(customersCsv(5, 180));
    const { applied, model } = await expectParity(session, {
      features: ['income', 'spend'],
      algorithm: 'dbscan',
      eps: 0.35,
      minPts: 4,
    });
    expect(model.clustering.algorithm).toBe('dbscan');
    expect(applied.noise).toBeGreaterThan(0);
    const noise = applied.segment.findIndex((s, row) => s === -1 && applied.reason[row] === 0);
    expect(Number.isNaN(applied.distance[noise])).toBe(true);
  });

  it('k-means on principal components: the saved projection, then the nearest centre', async () => {
    const session = await openText(customersCsv(6));
    const { request, model, analysis } = await savedModel(session, CLEAN_AND_ENCODE);
    const pca = withPca(session, request, model, 2, 3);
    const applied = applyModel(session, pca.model);
    const got = Int32Array.from(analysis.rows, (row) => applied.segment[row]);
    expect(Array.from(got)).toEqual(Array.from(pca.labels));
  });

  it('a clustering the app ran on principal components (a file of 60 features): k-means and DBSCAN give their own labels back', async () => {
    const random = createRandom(4);
    const header = Array.from({ length: 60 }, (_, j) => `f${j}`);
    const lines = [header.join(',')];
    for (let i = 0; i < 150; i++)
      lines.push(
        header.map((_, j) => ((j % 3 === i % 3 ? 5 : 0) + random.next()).toFixed(3)).join(','),
      );
    const session = await openText(lines.join('\n'));
    const kmeans = await expectParity(session, { k: 3 });
    expect(kmeans.model.preparation.pca).not.toBeNull();
    const dbscan = await expectParity(session, { algorithm: 'dbscan', k: null });
    expect(dbscan.model.preparation.pca).not.toBeNull();
  });

  it('calls back its progress a few times, ending at 1', async () => {
    const session = await openText(customersCsv(7));
    const { model } = await savedModel(session, CLEAN_AND_ENCODE);
    const fractions: number[] = [];
    applyModel(session, parseModel(modelText(model), 1), (f) => fractions.push(f));
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.length).toBeLessThan(100);
    expect(fractions.at(-1)).toBe(1);
    for (const f of fractions) expect(f >= 0 && f <= 1).toBe(true);
  });
});

describe('applyModel with a code for no value (pdays = 999) read as missing', () => {
  const PDAYS: Partial<AnalysisOptions> = {
    features: ['age', 'duration', 'campaign', 'pdays'],
    clean: {
      ...DEFAULT_CLEANING,
      missingCodes: [{ column: 'pdays', value: 999 }],
      missingByColumn: [{ column: 'pdays', strategy: 'median' }],
    },
  };

  it('fills the coded cells as the analysis did, and gives its labels back', async () => {
    const session = await openText(bankMarketingCsv(400));
    const { model, analysis } = await expectParity(session, PDAYS);
    const pdays = model.preparation.numeric.find((step) => step.column === 'pdays')!;
    expect(pdays.missingCodes).toEqual([999]);
    expect(pdays.fill).toBe(analysis.cleaning.imputed.find((i) => i.column === 'pdays')!.value);
    expect(model.settings.options.clean.missingCodes).toEqual([{ column: 'pdays', value: 999 }]);
    // Without the code, every 999 would be a value far beyond the saved clip limits.
    expect(pdays.clip![1]).toBeLessThanOrEqual(27);
  });

  it('sets aside the coded rows when the column drops missing rows', async () => {
    const session = await openText(bankMarketingCsv(400));
    const { applied, analysis } = await expectParity(session, {
      ...PDAYS,
      clean: { ...DEFAULT_CLEANING, missingCodes: [{ column: 'pdays', value: 999 }] },
    });
    const coded = analysis.cleaning.missingCodes[0].count;
    expect(coded).toBeGreaterThan(300);
    expect(applied.reason.filter((r) => r === APPLY_MISSING).length).toBe(coded);
  });
});

describe('applyModel on another file', () => {
  it('scores new rows; a category never seen gets no feature and is listed', async () => {
    const saved = await openText(customersCsv(8));
    const { model } = await savedModel(saved, CLEAN_AND_ENCODE);
    const other = await openText(
      ['region,spend,income,extra', 'west,12,21,a', 'north,,80,b', 'west,50,50,c'].join('\n'),
    );
    const applied = applyModel(other, model);
    expect(Array.from(applied.reason)).toEqual([0, 0, 0]);
    for (const s of applied.segment) expect(s >= 0 && s < 3).toBe(true);
    expect(applied.unseen).toEqual([{ column: 'region', count: 2, values: ['west'] }]);
    expect(applied.sizes.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('refuses a file missing columns, naming every one', async () => {
    const saved = await openText(customersCsv(9));
    const { model } = await savedModel(saved, CLEAN_AND_ENCODE);
    const other = await openText(['income,other', '1,2'].join('\n'), 'new.csv');
    try {
      applyModel(other, model);
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error)).toBe(true);
      if (!isUserError(error)) return;
      expect(error.code).toBe('model-mismatch');
      expect(error.sentence.key).toBe('modelMissingColumns');
      expect(error.sentence.params).toMatchObject({ columns: '"spend", "region"', count: 2 });
    }
  });

  it('scores nothing, without NaN, when the saved policy sets every row aside', async () => {
    const saved = await openText(customersCsv(10));
    const { model } = await savedModel(saved, {
      ...CLEAN_AND_ENCODE,
      clean: { ...DEFAULT_CLEANING, missing: 'drop' },
    });
    const applied = applyModel(await openText('id,income,spend,region\n1,,3,north\n2,4,,'), model);
    expect(applied.scored.length).toBe(0);
    expect(Array.from(applied.reason)).toEqual([APPLY_MISSING, APPLY_MISSING]);
    expect(applied.sizes).toEqual([0, 0, 0]);
    expect(Array.from(applied.featureMeans).every(Number.isNaN)).toBe(true);
  });
});

describe('applyModel for RFM models', () => {
  it("gives the saved file's customers their scores, cells and clusters", async () => {
    const session = await openText(ORDER_LINES);
    const rfmSettings = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { analysis, model } = await savedModel(session, { k: 2, kMax: 2 }, rfmSettings);
    const applied = applyModel(session, model);
    const { rfm } = session.linesAndRfm(rfmSettings);
    const scored = applied.rfm!.result;
    expect(Array.from(scored.r)).toEqual(Array.from(rfm.r));
    expect(Array.from(scored.f)).toEqual(Array.from(rfm.f));
    expect(Array.from(scored.m)).toEqual(Array.from(rfm.m));
    expect(Array.from(applied.rfm!.named)).toEqual(Array.from(rfm.segment));
    const clusters = customerClusters(analysis, analysis.k, rfm.customers.length);
    expect(Array.from(applied.segment)).toEqual(Array.from(clusters));
  });

  it('scores against the saved cut points, not the new file’s own', async () => {
    const session = await openText(ORDER_LINES);
    const rfmSettings = { mapping: ORDER_MAPPING, dateOrder: null, snapshot: null };
    const { model } = await savedModel(session, { k: 2, kMax: 2 }, rfmSettings);
    const { rfm } = session.linesAndRfm(rfmSettings);
    const everyoneBig = { ...rfm, monetary: rfm.monetary.map(() => 1e9) };
    const scored = scoreCustomers(everyoneBig, model.rfm!);
    expect(Array.from(scored.m).every((m) => m === 5)).toBe(true);
  });
});
