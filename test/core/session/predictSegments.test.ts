import { describe, expect, it } from 'vitest';
import { resultFor } from '../../../src/core/analysis/analysisResult';
import { DEFAULT_CLEANING } from '../../../src/core/clean/cleanOptions';
import { isUserError } from '../../../src/core/common/userError';
import { textSource } from '../../../src/core/read/byteSource';
import { bySegment } from '../../../src/core/session/predictSegments';
import type { PredictRequest } from '../../../src/core/session/predictRequest';
import { AnalysisSession } from '../../../src/core/session/session';
import { englishText, renderMessage } from '../../../src/i18n/formatMessage';
import { ordersRfm, quickOptions } from '../../support/sessionData';
import { campaignCsv } from '../../support/campaign';

const request: PredictRequest = {
  target: 'response',
  features: ['age', 'income', 'visits'],
  cleaning: DEFAULT_CLEANING,
  models: ['logistic', 'tree'],
  testShare: 0.25,
  seed: 0,
  treeDepth: 4,
  trees: 10,
};

describe('bySegment', () => {
  it("gives the target's share per segment, actual and predicted, and says it in a sentence", async () => {
    const session = await AnalysisSession.open(textSource(campaignCsv(500, 3)), 'c.csv', {});
    const segmentation = {
      options: quickOptions({ k: 3, features: ['income', 'visits'] }),
      rfm: null,
    };
    const rates = await bySegment(session, request, segmentation, 3);
    expect(rates.class).toEqual({ index: 1, value: '1' });
    expect(rates.segments).toHaveLength(3);
    const analysis = await session.segmentation(segmentation);
    const labels = resultFor(analysis, 3)!.labels;
    // Recount segment 0's actual share from the file.
    const column = session.table.columns.find((c) => c.name === 'response')!;
    let rows = 0;
    let yes = 0;
    analysis.rows.forEach((record, i) => {
      const value = column.numbers[record];
      if (labels[i] !== 0 || value !== value) return;
      // The predict rows are the same records (same cleaning of these features, but age too).
      rows++;
      if (value === 1) yes++;
    });
    expect(rates.segments[0].rows).toBeLessThanOrEqual(rows);
    expect(Math.abs(rates.segments[0].actual - yes / rows)).toBeLessThan(0.02);
    for (const segment of rates.segments) {
      expect(segment.predicted.map((p) => p.model)).toEqual(['logistic', 'tree']);
      for (const { share } of segment.predicted) expect(share).toBeGreaterThanOrEqual(0);
      expect(segment.testRows).toBeLessThan(segment.rows);
    }
    expect(rates.segments.reduce((sum, s) => sum + s.testRows, 0)).toBeGreaterThan(100);
    const sentence = englishText(rates.sentence);
    expect(sentence).toMatch(
      /^response = 1: \d+(\.\d)?% in Segment \d, \d+(\.\d)?% in Segment \d, \d+(\.\d)?% in Segment \d$/,
    );
    // Highest share first.
    const shares = [...sentence.matchAll(/(\d+(?:\.\d)?)%/g)].map((m) => Number(m[1]));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(renderMessage('zh', rates.sentence)).toMatch(/^response = 1：细分群 \d 中为 /);
  });

  it('refuses a segmentation of RFM customers, and a k the segmentation did not make', async () => {
    const session = await AnalysisSession.open(textSource(campaignCsv(200, 4)), 'c.csv', {});
    for (const work of [
      () => bySegment(session, request, { options: quickOptions(), rfm: ordersRfm }, 3),
      () => bySegment(session, request, { options: quickOptions(), rfm: null }, 9),
    ]) {
      try {
        await work();
        expect.unreachable();
      } catch (error) {
        expect(isUserError(error)).toBe(true);
      }
    }
  });
});
