import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { predictCommand, predictUsage } from '../../src/cli/predictCommand';
import { campaignCsv } from '../support/campaign';
import { runCommand } from '../support/runCommand';

let dir: string;
let campaign: string;
const CSV = campaignCsv(500, 5);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-predict-'));
  campaign = join(dir, 'campaign.csv');
  await writeFile(campaign, CSV);
});

const quick = ['--trees', '10'];

describe('segmentlens predict', () => {
  it('prints the JSON the issue specifies: per model its figures, and the split', async () => {
    const { code, stdout, stderr } = await runCommand(predictCommand, [
      campaign,
      '--target',
      'response',
      ...quick,
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result.models)).toEqual(['logistic', 'tree', 'forest']);
    for (const model of Object.values(result.models) as Record<string, unknown>[]) {
      expect(Object.keys(model)).toEqual(
        expect.arrayContaining([
          'accuracy',
          'precision',
          'recall',
          'f1',
          'rocAuc',
          'report',
          'confusion',
          'importances',
        ]),
      );
      expect(model.rocAuc).toEqual(expect.any(Number));
    }
    expect(result.split.train + result.split.test).toBe(result.rows.used);
    expect(result.features).toEqual(['age', 'income', 'visits']);
    expect(result.classes).toEqual(['0', '1']);
    expect(result.positive).toBe('1');
    expect(result.models.logistic.report.classes.map((c: { class: string }) => c.class)).toEqual([
      '0',
      '1',
    ]);
    expect(result.models.logistic.coefficients).toHaveLength(1);
    expect(result.models.tree.tree[0].rows).toBe(result.split.train);
    expect(result.models.forest.importances[0]).toEqual({
      feature: expect.any(String),
      importance: expect.any(Number),
    });
  });

  it('writes predictions.csv with every row of the file and its split', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await runCommand(predictCommand, [
      campaign,
      '--target',
      'answer',
      '--features',
      'age,income,visits,region',
      '--model',
      'forest',
      ...quick,
      '--out',
      out,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const text = await readFile(join(out, 'predictions.csv'), 'utf8');
    const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(1 + CSV.split('\n').length - 1);
    const header = rows[0];
    expect(header.slice(-3)).toEqual(['split', 'forest_prediction', 'forest_probability']);
    const split = rows.slice(1).map((row) => row[header.indexOf('split')]);
    expect(split.filter((s) => s === 'train')).toHaveLength(result.split.train);
    expect(split.filter((s) => s === 'test')).toHaveLength(result.split.test);
    expect(result.positive).toBe('Yes');
    expect(result.features).toEqual(expect.arrayContaining(['region is North']));
  });

  it('reports in English and in Chinese', async () => {
    const en = await runCommand(predictCommand, [campaign, '--target', 'response', ...quick]);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /predicting response \(classes 0, 1; positive class 1\) from 3 features/,
    );
    expect(en.stdout).toMatch(/Logistic regression +0\.\d{3}/);
    expect(en.stdout).toContain('without a value of response (predicted only)');
    const zh = await runCommand(predictCommand, [campaign, '--target', 'response', ...quick], 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('逻辑回归');
    expect(zh.stdout).toContain('随机森林');
    expect(zh.stdout).toContain('混淆矩阵（行：实际类别，列：预测类别）');
  });

  it('refuses one class, a class of one row, the target among the features, an unknown column', async () => {
    const rare = join(dir, 'rare.csv');
    await writeFile(rare, CSV.replace(/,bronze,NL\n/, ',platinum,NL\n'));
    const cases: [string[], RegExp][] = [
      [[campaign, '--target', 'country'], /one value \("NL"\) on every usable row/],
      [[rare, '--target', 'tier'], /"platinum" occurs on 1 row/],
      [
        [campaign, '--target', 'response', '--features', 'age,response'],
        /"response" is the column to predict/,
      ],
      [[campaign, '--target', 'nope'], /There is no column named "nope"/],
      [
        [campaign, '--target', 'response', '--features', 'age,nope'],
        /There is no column named "nope"/,
      ],
      [[campaign], /--target COL/],
      [[campaign, '--target', 'response', '--model', 'svm'], /model/],
      [[campaign, '--target', 'response', '--test-share', '1.5'], /test share/],
      [[campaign, '--target', 'response', '--depth', '0'], /depth/],
    ];
    for (const [args, said] of cases) {
      const { code, stdout, stderr } = await runCommand(predictCommand, args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(said);
    }
    const zh = await runCommand(predictCommand, [campaign, '--target', 'country'], 'zh');
    expect(zh.stderr).toContain('只有一个取值');
  });

  it('prints its usage', async () => {
    const { code, stdout } = await runCommand(predictCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(predictUsage('en') + '\n');
  });
});

describe('segmentlens predict --fill-value', () => {
  it('reads the constant as analyze does, and refuses it in one sentence', async () => {
    const notANumber = await runCommand(predictCommand, [
      'missing.csv',
      '--target',
      'response',
      '--missing',
      'constant',
      '--fill-value',
      'x',
    ]);
    expect(notANumber).toMatchObject({
      code: 2,
      stderr: 'segmentlens: --fill-value must be a number, such as 0 or -1, not "x".\n',
    });
    const unused = await runCommand(predictCommand, [
      'missing.csv',
      '--target',
      'response',
      '--fill-value',
      '-2',
    ]);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toMatch(/^segmentlens: --fill-value is the number missing values/);
  });
});
