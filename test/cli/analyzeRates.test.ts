import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTelecomCsv } from '../../scripts/generators/telecom';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { runCommand } from '../support/runCommand';

let dir: string;
let telecom: string;
const ARGS = ['--k', '2', '--k-max', '3', '--n-init', '2'];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-rates-'));
  telecom = join(dir, 'telecom.csv');
  await writeFile(telecom, generateTelecomCsv({ rows: 1500, seed: 18 }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('analyze: each segment against the whole base', () => {
  it('prints the largest real differences under each segment, never "High SeniorCitizen"', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [telecom, ...ARGS]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\n {6}Churn = Yes: [\d.]+% vs [\d.]+% overall \([+-][\d.]+ points, ×\d\.\d\d\)\n/,
    );
    expect(stdout).not.toMatch(/(High|Low|average) SeniorCitizen/);
    expect(stdout).not.toMatch(/gender = /);
  });

  it('says it in Chinese', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [telecom, ...ARGS], 'zh');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Churn = Yes：[\d.]+%，全体为 [\d.]+%（[+-][\d.]+ 个百分点，×\d\.\d\d）/,
    );
  });

  it('gives every rate in --json, with English keys and column names as values', async () => {
    const { stdout } = await runCommand(analyzeCommand, [telecom, ...ARGS, '--json']);
    const { segments } = JSON.parse(stdout) as {
      segments: {
        matchesBase: boolean;
        rates: { column: string; value: string; share: number; overallShare: number }[];
      }[];
    };
    for (const segment of segments) {
      expect(segment.matchesBase).toBe(false);
      const churn = segment.rates.find((rate) => rate.column === 'Churn');
      expect(churn).toMatchObject({ value: 'Yes', flag: false, finding: true });
      expect(segment.rates.find((rate) => rate.column === 'SeniorCitizen')).toMatchObject({
        value: '1',
        flag: true,
      });
    }
    // The base is the same for every segment.
    const overall = segments.map((s) => s.rates.find((r) => r.column === 'Churn')!.overallShare);
    expect(new Set(overall).size).toBe(1);
  });
});

describe('analyze --distribution', () => {
  it("prints a numeric column's five numbers per segment, and gives them in --json", async () => {
    const text = await runCommand(analyzeCommand, [telecom, ...ARGS, '--distribution', 'tenure']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '\nSpread of tenure per segment, from all 1,500 analysed rows (quartiles: linear, as pandas):\n',
    );
    expect(text.stdout).toMatch(/\n {2}segment {2}rows {2}min {2}q1 {2}median {2}q3 {2}max\n/);
    const json = await runCommand(analyzeCommand, [
      telecom,
      ...ARGS,
      '--json',
      '--distribution',
      'tenure',
    ]);
    const { distribution, segments } = JSON.parse(json.stdout) as {
      distribution: {
        feature: string;
        sampled: boolean;
        segments: { segment: number; count: number; min: number; max: number; median: number }[];
      };
      segments: { id: number; size: number; medians: Record<string, number> }[];
    };
    expect(distribution).toMatchObject({ feature: 'tenure', rows: 1500, sampled: false });
    // The same medians as the profiles', and every row in its segment.
    distribution.segments.forEach((spread, s) => {
      expect(spread.count).toBe(segments[s].size);
      expect(spread.median).toBe(segments[s].medians.tenure);
    });
  });

  it('refuses a column that is not numeric in one sentence, in Chinese too', async () => {
    const refused = await runCommand(analyzeCommand, [
      telecom,
      ...ARGS,
      '--distribution',
      'gender',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'segmentlens: "gender" is not a numeric column of this analysis: choose one of SeniorCitizen, tenure, MonthlyCharges.\n',
    );
    const zh = await runCommand(
      analyzeCommand,
      [telecom, ...ARGS, '--distribution', 'gender'],
      'zh',
    );
    expect(zh.stderr).toMatch(/“gender”不是本次分析的数值列/);
  });
});
