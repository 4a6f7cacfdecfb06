import { describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../../scripts/generators/telecom';
import { message } from '../../../src/core/common/message';
import { prepareProfiles } from '../../../src/core/profile/profileContext';
import { profileSegments } from '../../../src/core/profile/profileSegments';
import {
  isFinding,
  MIN_POINTS,
  ratesVerdict,
  segmentRates,
} from '../../../src/core/profile/segmentRates';
import { textSource } from '../../../src/core/read/byteSource';
import { readCsv } from '../../../src/core/read/readCsv';
import { englishText } from '../../../src/i18n/formatMessage';
import { segmentFile } from '../../support/segmentFile';

/** Ten customers in two segments (4 + 6), counted by hand below. */
const TEN = [
  'Churn,SeniorCitizen,Contract,spend',
  'Yes,1,Monthly,1',
  'Yes,1,Monthly,2',
  'Yes,0,Yearly,3',
  'No,0,Monthly,4',
  'Yes,0,Yearly,5',
  'No,0,Yearly,6',
  'No,0,Two years,7',
  'No,0,Two years,8',
  ',0,Monthly,9',
  'No,1,Yearly,10',
].join('\n');
const TEN_LABELS = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);

async function tenContext() {
  const table = await readCsv(textSource(TEN));
  return prepareProfiles({
    table,
    rows: Int32Array.from({ length: 10 }, (_, r) => r),
    numeric: ['spend'],
    categorical: ['Churn', 'Contract'],
    flags: ['SeniorCitizen', 'spend'],
  });
}

describe('segmentRates', () => {
  it('gives each segment its share of every value against the base, in points and as a lift', async () => {
    const context = await tenContext();
    // spend is not 0/1, so it is no flag.
    expect(context.categorical.map((c) => [c.name, c.flag === true])).toEqual([
      ['Churn', false],
      ['Contract', false],
      ['SeniorCitizen', true],
    ]);
    const [, first, second] = segmentRates(context, TEN_LABELS);
    const churn = first.find((r) => r.column === 'Churn');
    // Yes is the rarer of two values (4 of the 9 with a value): 3 of 4 in segment 0.
    expect(churn).toMatchObject({ value: 'Yes', flag: false, count: 3, rows: 4, share: 0.75 });
    expect(churn?.overallShare).toBeCloseTo(4 / 9, 12);
    expect(churn?.points).toBeCloseTo((0.75 - 4 / 9) * 100, 12);
    expect(churn?.lift).toBeCloseTo(0.75 / (4 / 9), 12);
    // The blank Churn cell of segment 1 is left out: 1 Yes of 5, not of 6.
    expect(second.find((r) => r.column === 'Churn')).toMatchObject({ count: 1, rows: 5 });
    const senior = second.find((r) => r.column === 'SeniorCitizen');
    expect(senior).toMatchObject({ value: '1', flag: true, count: 1, rows: 6, overallShare: 0.3 });
    expect(senior?.points).toBeCloseTo((1 / 6 - 0.3) * 100, 12);
    // Three values: every one of them, each segment's list sorted by the size of the gap.
    expect(second.filter((r) => r.column === 'Contract').map((r) => r.value)).toEqual([
      'Monthly',
      'Two years',
      'Yearly',
    ]);
    const gaps = second.map((r) => Math.abs(r.points));
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    expect(englishText(churn!.description)).toBe('Churn = Yes: 75% vs 44.4% overall');
    expect(englishText(senior!.description)).toBe('SeniorCitizen: 16.7% are 1 vs 30% overall');
  });

  it('calls a gap a finding only when it is large and beyond chance (hand-computed z)', () => {
    // z = 0.17 / sqrt(0.27 * 0.73 / 500 * (1 - 500 / 2000)) = 9.89
    expect(isFinding(0.44, 0.27, 500, 2000)).toBe(true);
    // 35 points, but z = 0.3056 / sqrt(0.4444 * 0.5556 / 4 * 0.5556) = 1.64 on four rows.
    expect(isFinding(0.75, 4 / 9, 4, 9)).toBe(false);
    // Significant (z = 2.3 on 10,000 of 20,000 rows) but under MIN_POINTS.
    expect(isFinding(0.52, 0.5, 10_000, 20_000)).toBe(false);
    expect(MIN_POINTS).toBe(5);
    expect(isFinding(0.5, 0.5, 500, 2000)).toBe(false);
    // The whole base is no sample of itself.
    expect(isFinding(0.3, 0.2, 100, 100)).toBe(false);
  });

  it('does not report a 50/50 column as a finding, and says the segment matches the base', async () => {
    const lines = ['gender,x'];
    for (let r = 0; r < 2000; r++) lines.push(`${r % 2 === 0 ? 'Male' : 'Female'},${r % 7}`);
    const table = await readCsv(textSource(lines.join('\n')));
    const context = prepareProfiles({
      table,
      rows: Int32Array.from({ length: 2000 }, (_, r) => r),
      numeric: [],
      categorical: ['gender'],
    });
    const labels = Int32Array.from({ length: 2000 }, (_, r) => (r < 1000 ? 0 : 1));
    const { segments } = profileSegments(context, labels);
    for (const segment of segments) {
      expect(segment.rates).toHaveLength(1);
      expect(segment.rates[0]).toMatchObject({ value: 'Male', share: 0.5, finding: false });
      expect(englishText(segment.label)).not.toContain('Male');
      expect(ratesVerdict(segment.rates)).toEqual(message('ratesMatchBase', { points: 5 }));
    }
    expect(englishText(ratesVerdict(segments[0].rates))).toBe(
      'Matches the whole base: no yes/no, category or 0/1 column differs by 5 points or more beyond chance.',
    );
  });

  it('keeps the ten most different values of a column with more than twenty', async () => {
    const lines = ['city'];
    for (let r = 0; r < 300; r++) lines.push(`city${r % 30}`);
    const table = await readCsv(textSource(lines.join('\n')));
    const context = prepareProfiles({
      table,
      rows: Int32Array.from({ length: 300 }, (_, r) => r),
      numeric: [],
      categorical: ['city'],
    });
    const rates = segmentRates(context, new Int32Array(300));
    expect(rates[1]).toHaveLength(10);
  });
});

describe('0/1 columns in labels (issue #18, item 10)', () => {
  it('says "mostly 1" or "x% are 1", never "High SeniorCitizen"', async () => {
    const lines = ['SeniorCitizen,spend'];
    for (let r = 0; r < 40; r++) {
      const first = r < 20;
      lines.push(`${first ? (r < 18 ? 1 : 0) : r < 22 ? 1 : 0},${first ? 10 : 11}`);
    }
    const table = await readCsv(textSource(lines.join('\n')));
    const { segments } = profileSegments(
      prepareProfiles({
        table,
        rows: Int32Array.from({ length: 40 }, (_, r) => r),
        numeric: ['SeniorCitizen'],
        categorical: [],
        flags: ['SeniorCitizen'],
      }),
      Int32Array.from({ length: 40 }, (_, r) => (r < 20 ? 0 : 1)),
    );
    expect(segments.map((s) => englishText(s.label))).toEqual([
      'SeniorCitizen: mostly 1',
      'SeniorCitizen: 10% are 1',
    ]);
    // Its mean is still profiled, as every feature's is.
    expect(segments[0].features[0]).toMatchObject({ feature: 'SeniorCitizen', mean: 0.9 });
  });

  it('on a telecom churn file, profiles Churn and SeniorCitizen as rates and never calls a 0/1 column High', async () => {
    const csv = generateTelecomCsv({ rows: 2000, seed: 18 });
    const { analysis } = await segmentFile(textSource(csv), { analysis: { k: 2 } });
    const { segments } = analysis.results.find((r) => r.k === 2)!.profiles;
    const labels = segments.map((s) => englishText(s.label));
    for (const label of labels) expect(label).not.toMatch(/(High|Low|average) SeniorCitizen/);
    for (const segment of segments) {
      const columns = new Set(segment.rates.map((r) => r.column));
      expect([...columns].sort()).toEqual(['Churn', 'Contract', 'SeniorCitizen', 'gender']);
      expect(segment.rates.find((r) => r.column === 'gender')?.finding).toBe(false);
    }
    const churn = segments.map((s) => s.rates.find((r) => r.column === 'Churn')!);
    expect(churn.every((r) => r.value === 'Yes' && r.finding)).toBe(true);
  });
});
