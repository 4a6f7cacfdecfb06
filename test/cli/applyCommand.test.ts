import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { applyUsage, applyCommand } from '../../src/cli/applyCommand';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { runCommand } from '../support/cliRun';

let dir: string;
let customers: string;
let model: string;
let rfmModel: string;
let transactions: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-apply-'));
  customers = join(dir, 'customers.csv');
  await writeFile(customers, generateCustomersCsv({ rows: 400, seed: 3 }));
  model = join(dir, 'model.json');
  const analyzed = await runCommand(analyzeCommand, [
    customers,
    '--k',
    '3',
    '--n-init',
    '2',
    '--save-model',
    model,
    '--json',
  ]);
  expect(analyzed.code).toBe(0);
  expect(JSON.parse(analyzed.stdout).modelFile).toBe(model);
  transactions = join(dir, 'transactions.csv');
  await writeFile(transactions, generateTransactionsCsv({ customers: 80, seed: 4 }));
  rfmModel = join(dir, 'rfm-model.json');
  const rfm = await runCommand(rfmCommand, [transactions, '--k', '3', '--save-model', rfmModel]);
  expect(rfm.stderr).toBe('');
  expect(rfm.stdout).toContain(`Saved the model to ${rfmModel}`);
});

describe('segmentlens apply', () => {
  it('applies a model saved by analyze to its own file: the saved sizes again', async () => {
    const { code, stdout } = await runCommand(applyCommand, [model, customers, '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.model.algorithm).toBe('kmeans');
    expect(result.segments).toHaveLength(3);
    for (const segment of result.segments) expect(segment.size).toBe(segment.savedSize);
    expect(result.drift.every((d: { drifted: boolean }) => !d.drifted)).toBe(true);
  });

  it('writes the files analyze --out writes', async () => {
    const out = join(dir, 'applied');
    const { code, stdout } = await runCommand(applyCommand, [model, customers, '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toContain('segments.csv');
    const files = await readdir(out);
    expect(files).toContain('segments.csv');
    expect(files).toContain('set-aside.csv');
    expect(files.filter((f) => f.startsWith('segment-'))).toHaveLength(3);
    const header = (await readFile(join(out, 'segments.csv'), 'utf8')).split(/\r?\n/)[0];
    expect(header).toMatch(/customer_id.*,segment,segment_label,set_aside_reason$/);
  });

  it('applies an RFM model to its order lines, in English and Chinese', async () => {
    const en = await runCommand(applyCommand, [rfmModel, transactions]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Named segments:');
    // The order lines the customers come from, and every line left out, by reason.
    const json = JSON.parse(
      (await runCommand(applyCommand, [rfmModel, transactions, '--json'])).stdout,
    );
    const { read, used, dropped } = json.rfm.lines;
    expect(read).toBeGreaterThan(used);
    expect(used + Object.values(dropped as Record<string, number>).reduce((a, b) => a + b)).toBe(
      read,
    );
    expect(en.stdout).toContain(
      `${read.toLocaleString('en')} order lines read, ${used.toLocaleString('en')} used\nLeft out:\n`,
    );
    expect(en.stdout).toContain(`${json.rfm.customers} of ${json.rows.read} customers scored`);
    const zh = await runCommand(applyCommand, [rfmModel, transactions, '--json'], 'zh');
    expect(zh.code).toBe(0);
    expect(JSON.parse(zh.stdout).model.kind).toBe('rfm');
    const zhText = await runCommand(applyCommand, [rfmModel, transactions], 'zh');
    expect(zhText.stdout).not.toContain('Named segments:');
  });

  it('refuses a file without the model’s columns, and a damaged model, in one sentence', async () => {
    const other = join(dir, 'other.csv');
    await writeFile(other, 'a,b\n1,2\n3,4\n');
    const missing = await runCommand(applyCommand, [model, other]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /^The columns .* are missing from this file, so nothing was applied/,
    );
    const damaged = join(dir, 'damaged.json');
    const text = await readFile(model, 'utf8');
    await writeFile(damaged, text.replace('"formatVersion":"1.0"', '"formatVersion":"9.0"'));
    const newer = await runCommand(applyCommand, [damaged, customers], 'zh');
    expect(newer.code).toBe(2);
    expect(newer.stderr.trim().split('\n')).toHaveLength(1);
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, 'hello');
    expect((await runCommand(applyCommand, [notJson, customers])).stderr).toContain('not JSON');
    expect((await runCommand(applyCommand, [model])).code).toBe(2);
  });

  it('prints its usage', async () => {
    expect((await runCommand(applyCommand, ['--help'])).stdout).toBe(applyUsage('en') + '\n');
  });
});
