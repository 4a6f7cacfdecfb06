import { describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../../scripts/generators/telecom';
import { englishText } from '../../../src/i18n/formatMessage';
import { textSource } from '../../../src/core/read/byteSource';
import { isUserError } from '../../../src/core/common/userError';
import { distributionView } from '../../../src/core/session/distributionView';
import { DEFAULT_ANALYSIS_OPTIONS } from '../../../src/core/analysis/analysisOptions';
import { segmentFile } from '../../support/segmentFile';

describe('distributionView', () => {
  it("gives a numeric column's spread per segment of the chosen k, in the file's units", async () => {
    const csv = generateTelecomCsv({ rows: 800, seed: 18 });
    const { session, analysis } = await segmentFile(textSource(csv), { analysis: { k: 2 } });
    const segmentation = { options: { ...DEFAULT_ANALYSIS_OPTIONS, k: 2 }, rfm: null };
    const view = await distributionView(session, { segmentation, k: 2, feature: 'tenure' });
    const { labels } = analysis.results.find((r) => r.k === 2)!;
    const tenure = csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(',')[3]));
    // Segment 0's maximum and size, from the file itself.
    const inFirst = tenure.filter((_, r) => labels[r] === 0);
    expect(view.segments[0]).toMatchObject({
      segment: 0,
      count: inFirst.length,
      max: Math.max(...inFirst),
      min: Math.min(...inFirst),
    });
    expect(view).toMatchObject({ feature: 'tenure', rows: 800, sampled: false, missing: 0 });
    expect(view.segments[0].bins.reduce((a, b) => a + b, 0)).toBe(inFirst.length);
    // SeniorCitizen (0/1) is numeric too; gender is not.
    await expect(
      distributionView(session, { segmentation, k: 2, feature: 'SeniorCitizen' }),
    ).resolves.toMatchObject({ feature: 'SeniorCitizen' });
    const refused = await distributionView(session, {
      segmentation,
      k: 2,
      feature: 'gender',
    }).catch((error: unknown) => error);
    expect(isUserError(refused) && englishText(refused.sentence)).toBe(
      '"gender" is not a numeric column of this analysis: choose one of SeniorCitizen, tenure, MonthlyCharges.',
    );
  });

  it('reads the analysed rows only when some records were set aside', async () => {
    const generated = generateTelecomCsv({ rows: 600, seed: 5 }).trim().split('\n');
    // The first customer twice: the second is a duplicate, set aside by cleaning, so analysed
    // row r is record r + 1 from there on.
    const records = [generated[1], ...generated.slice(1)];
    const csv = [generated[0], ...records].join('\n');
    const { session, analysis } = await segmentFile(textSource(csv), { analysis: { k: 2 } });
    expect(analysis.rows.length).toBe(600);
    expect(analysis.rows[1]).toBe(2);
    const segmentation = { options: { ...DEFAULT_ANALYSIS_OPTIONS, k: 2 }, rfm: null };
    const view = await distributionView(session, { segmentation, k: 2, feature: 'tenure' });
    const { labels } = analysis.results.find((r) => r.k === 2)!;
    const tenure = records.map((line) => Number(line.split(',')[3]));
    const inSecond = Array.from(analysis.rows)
      .filter((_, r) => labels[r] === 1)
      .map((record) => tenure[record]);
    expect(view.segments[1]).toMatchObject({
      segment: 1,
      count: inSecond.length,
      max: Math.max(...inSecond),
      min: Math.min(...inSecond),
    });
  });
});
