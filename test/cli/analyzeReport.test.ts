import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { runCommand } from '../support/cliRun';
import { bankChurnersCsv, chineseCustomersCsv } from '../support/realShapes';

let churners: string;
let chinese: string;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'segmentlens-columns-'));
  churners = join(dir, 'BankChurners.csv');
  chinese = join(dir, 'customers-zh.csv');
  await writeFile(churners, bankChurnersCsv(150));
  await writeFile(chinese, chineseCustomersCsv(120));
});

const quick = ['--n-init', '2', '--k-max', '3', '--k', '3'];
const MEASUREMENTS = [
  'Customer_Age',
  'Dependent_count',
  'Months_on_book',
  'Total_Relationship_Count',
  'Credit_Limit',
  'Total_Trans_Amt',
  'Total_Trans_Ct',
  'Avg_Utilization_Ratio',
];

describe('analyze: identifiers and targets left out of the features (#18)', () => {
  it('lists them with the reason in --json, and clusters on the measurements', async () => {
    const { code, stdout, stderr } = await runCommand(analyzeCommand, [
      churners,
      '--json',
      ...quick,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.features).toEqual(MEASUREMENTS);
    expect(json.leftOut.map((c: { column: string }) => c.column)).toEqual([
      'CLIENTNUM',
      'Attrition_Flag',
      'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1',
      'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_2',
    ]);
    expect(json.leftOut[0]).toMatchObject({ kind: 'identifier', likelyTarget: false });
    expect(json.leftOut[0].reason).toMatch(
      /^Named like an identifier and holds whole-number codes/,
    );
    expect(json.leftOut[1]).toMatchObject({ kind: 'categorical', likelyTarget: true });
    expect(json.leftOut[1].reason).toMatch(/^Named like an outcome to predict or a model’s output/);
    expect(json.file.columns.find((c: { name: string }) => c.name === 'CLIENTNUM').kind).toBe(
      'identifier',
    );
  });

  it('says them once in the text report, before the notes', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [churners, ...quick]);
    expect(code).toBe(0);
    expect(stdout).toContain('Left out of the features (--kind and --features override):');
    expect(stdout).toMatch(
      /\n {2}- CLIENTNUM: Named like an identifier and holds whole-number codes/,
    );
    expect(stdout).toMatch(/\n {2}- Attrition_Flag: Named like an outcome to predict/);
    expect(stdout.match(/Naive_Bayes_Classifier_\w+_mon_1:/g)).toHaveLength(1);
  });

  it('lists a column of mostly numbers read as text, and clusters on it once --kind makes it numeric', async () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) => `${i % 9},${20 + (i % 50)},${i % 6 === 0 ? 'unknown' : 50 + ((i * 37) % 400)}`,
    );
    const file = join(await mkdtemp(join(tmpdir(), 'segmentlens-kind-')), 'spend.csv');
    await writeFile(file, ['visits,age,spend', ...rows].join('\n'));
    const before = await runCommand(analyzeCommand, [file, ...quick]);
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('Features (z-score): visits, age\n');
    expect(before.stdout).toContain(
      '  - spend: 100 cells are numbers, but 20 are not (such as "unknown"), so the column is read as text: add --kind "spend=numeric" to use it',
    );
    const after = await runCommand(analyzeCommand, [file, ...quick, '--kind', 'spend=numeric']);
    expect(after.code).toBe(0);
    expect(after.stdout).toContain('Features (z-score): visits, age, spend\n');
    expect(after.stdout).toContain('120 rows read, 100 analysed');
    const typo = await runCommand(analyzeCommand, [file, ...quick, '--kind', 'spnd=numeric']);
    expect([typo.code, typo.stderr]).toEqual([
      2,
      'There is no column named "spnd": choose among visits, age, spend.\n',
    ]);
  });

  it('clusters on a target named with --features, and then does not list it', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [
      churners,
      '--json',
      ...quick,
      '--features',
      'Customer_Age,Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.features).toEqual([
      'Customer_Age',
      'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_1',
    ]);
    expect(json.leftOut.map((c: { column: string }) => c.column)).toEqual([
      'CLIENTNUM',
      'Attrition_Flag',
      'Naive_Bayes_Classifier_Attrition_Flag_Card_Category_Contacts_Count_12_mon_2',
    ]);
  });

  it('says it in Chinese', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [chinese, ...quick], 'zh');
    expect(code).toBe(0);
    expect(stdout).toContain('未作为特征的列（可用 --kind 和 --features 改变）：');
    expect(stdout).toContain('  - 客户编号：列名看起来是标识符：不作为特征使用。');
    expect(stdout).toMatch(/ {2}- 是否流失：列名看起来是要预测的结果或模型的输出/);
  });
});
