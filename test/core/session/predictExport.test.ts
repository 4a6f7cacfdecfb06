import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { textSource } from '../../../src/core/read/byteSource';
import { predictionsExport } from '../../../src/core/session/predictExport';
import type { PredictRequest } from '../../../src/core/session/predictRequest';
import { predictView } from '../../../src/core/session/predictSession';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { campaignCsv, campaignPredictRequest } from '../../support/campaign';

function rowsOf(parts: string[]): string[][] {
  const text = parts.join('');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
}

const CSV = campaignCsv(300, 2);

const request = (overrides: Partial<PredictRequest> = {}) =>
  campaignPredictRequest({
    target: 'answer',
    features: ['age', 'income', 'visits'],
    treeDepth: 4,
    trees: 10,
    ...overrides,
  });

describe('predictionsExport', () => {
  it('writes every record of the file, its split, and each model’s prediction and probability', async () => {
    const session = await AnalysisSession.open(textSource(CSV), 'campaign.csv', {});
    const view = await predictView(session, request());
    const { parts, fileName } = await predictionsExport(session, request(), englishText);
    const rows = rowsOf(parts);
    const header = rows[0];
    expect(header).toEqual([
      ...session.table.columns.map((c) => c.name),
      'split',
      'logistic_prediction',
      'logistic_probability',
      'tree_prediction',
      'tree_probability',
      'forest_prediction',
      'forest_probability',
    ]);
    expect(rows).toHaveLength(1 + session.table.rowCount);
    const column = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
    const split = column('split');
    expect(split.filter((s) => s === 'train')).toHaveLength(view.split.train);
    expect(split.filter((s) => s === 'test')).toHaveLength(view.split.test);
    // Rows set aside (a missing income, a repeat) have no prediction; rows without an answer do.
    const answers = column('answer');
    const predictions = column('logistic_prediction');
    for (let i = 0; i < answers.length; i++) {
      if (split[i] !== '') expect(predictions[i]).toMatch(/^(Yes|no)$/);
      if (split[i] === '' && answers[i] !== '') expect(predictions[i]).toBe('');
    }
    expect(predictions.filter((p) => p === '')).toHaveLength(2);
    expect(split.filter((s, i) => s === '' && predictions[i] !== '')).toHaveLength(
      view.rows.unlabelled,
    );
    // A yes/no target: the probability is that of "Yes", above one half exactly when "Yes" is predicted.
    const probability = column('logistic_probability');
    for (let i = 0; i < predictions.length; i++) {
      if (predictions[i] === '') continue;
      const p = Number(probability[i]);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(predictions[i] === 'Yes').toBe(p > 0.5);
    }
    // The test rows' accuracy is the view's.
    const test = answers
      .map((a, i) => [a, column('forest_prediction')[i], split[i]])
      .filter((r) => r[2] === 'test');
    const correct = test.filter(([a, p]) => a === p).length;
    expect(correct / test.length).toBeCloseTo(view.models[2].accuracy, 12);
    expect(fileName).toBe('campaign - predictions of answer.csv');
    const zh = await predictionsExport(session, request(), (m) => renderMessage('zh', m));
    expect(zh.fileName).toBe('campaign - answer 的预测.csv');
  });

  it('writes only the models chosen, and the probability of the predicted class for more classes', async () => {
    const session = await AnalysisSession.open(textSource(CSV), 'campaign.csv', {});
    const rows = rowsOf(
      (await predictionsExport(session, request({ target: 'tier', models: ['tree'] }), englishText))
        .parts,
    );
    const header = rows[0];
    expect(header.slice(-3)).toEqual(['split', 'tree_prediction', 'tree_probability']);
    for (const row of rows.slice(1)) {
      if (row[header.indexOf('tree_prediction')] === '') continue;
      expect(Number(row[header.indexOf('tree_probability')])).toBeGreaterThanOrEqual(1 / 3 - 1e-12);
    }
  });

  it('keeps a prediction that looks like a formula from running in a spreadsheet', async () => {
    const csv = CSV.replace(/,no,/g, ',=no(),');
    const session = await AnalysisSession.open(textSource(csv), 'campaign.csv', {});
    const rows = rowsOf(
      (await predictionsExport(session, request({ models: ['logistic'] }), englishText)).parts,
    );
    const predictions = rows.slice(1).map((row) => row[rows[0].indexOf('logistic_prediction')]);
    expect(predictions).toContain("'=no()");
    expect(predictions).not.toContain('=no()');
  });
});
