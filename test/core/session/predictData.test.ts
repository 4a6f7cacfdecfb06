import { describe, expect, it } from 'vitest';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import {
  MAX_CLASSES,
  predictDataKey,
  preparePredictData,
} from '../../../src/core/session/predictData';
import type { PredictRequest } from '../../../src/core/session/predictRequest';
import { AnalysisSession } from '../../../src/core/session/session';
import { campaignCsv, campaignPredictRequest } from '../../support/campaign';

const CSV = campaignCsv(300);
const open = (csv = CSV) => AnalysisSession.open(textSource(csv), 'campaign.csv', {});

const request = (overrides: Partial<PredictRequest> = {}) =>
  campaignPredictRequest({
    features: ['age', 'income', 'region'],
    models: ['logistic'],
    ...overrides,
  });

describe('preparePredictData', () => {
  it('cleans the features as the analysis does, one-hot for categories, and codes the target', async () => {
    const data = preparePredictData(await open(), request());
    // 301 records: row 11 misses its income, the last repeats the one before it (both set aside).
    expect(data.cleaning.dropped).toMatchObject({ missing: 1, duplicate: 1 });
    expect(data.input.n).toBe(299);
    expect(data.records).toHaveLength(299);
    expect(data.records.includes(11)).toBe(false);
    expect(data.records.includes(300)).toBe(false);
    expect(data.features.map((f) => f.column)).toEqual([
      'age',
      'income',
      'region',
      'region',
      'region',
    ]);
    expect(data.input.d).toBe(5);
    expect(data.input.classes).toEqual(['0', '1']);
    expect(data.positive).toBe(1);
    // Every row's class is its target cell's; a blank one is -1 (not trained or tested on).
    const lines = CSV.trim().split('\n').slice(1);
    data.records.forEach((record, row) => {
      const cell = lines[record].split(',')[5];
      expect(data.input.target[row]).toBe(cell === '' ? -1 : Number(cell));
    });
    const blanks = Array.from(data.records).filter((r) => r % 37 === 5).length;
    expect(data.unlabelled).toBe(blanks);
    expect(data.notes.some((note) => note.key === 'classifyUnlabelled')).toBe(true);
  });

  it('is keyed by what decides it: the target, the features and the cleaning', () => {
    const base = predictDataKey(request());
    expect(predictDataKey(request({ models: ['tree'], seed: 3, trees: 5 }))).toBe(base);
    expect(predictDataKey(request({ target: 'answer' }))).not.toBe(base);
    expect(predictDataKey(request({ features: ['age', 'income'] }))).not.toBe(base);
    expect(
      predictDataKey(request({ cleaning: { ...DEFAULT_CLEANING, duplicates: 'keep' } })),
    ).not.toBe(base);
  });

  it(`refuses a target of more than ${MAX_CLASSES} classes, saying whether it is numeric`, async () => {
    try {
      preparePredictData(await open(), request({ target: 'income', features: ['age'] }));
      throw new Error('expected a UserError');
    } catch (error) {
      if (!isUserError(error)) throw error;
      expect(error.sentence.key).toBe('classifyTooManyClasses');
      expect(error.sentence.params).toMatchObject({ most: MAX_CLASSES, numeric: 'yes' });
    }
  });
});
