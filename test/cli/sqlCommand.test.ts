import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { sqlUsage, sqlCommand } from '../../src/cli/sqlCommand';
import { runCommand } from '../support/cliRun';
import { openDuckDb } from '../support/sqlEngines';

let dir: string;
let customers: string;
let model: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-sql-'));
  customers = join(dir, 'customers.csv');
  await writeFile(customers, generateCustomersCsv({ rows: 300, seed: 5 }));
  model = join(dir, 'model.json');
  const analyzed = await runCommand(analyzeCommand, [customers, '--k', '3', '--save-model', model]);
  expect(analyzed.code).toBe(0);
});

describe('segmentlens sql', () => {
  it('prints a query DuckDB runs over the saved file, with the id first', async () => {
    const { code, stdout } = await runCommand(sqlCommand, [
      model,
      '--dialect',
      'duckdb',
      '--id',
      'customer_id',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^-- SegmentLens /);
    expect(stdout).toContain('FROM "customers"');
    const engine = await openDuckDb();
    try {
      await engine.query(`CREATE TABLE customers AS SELECT * FROM read_csv('${customers}')`);
      const rows = await engine.query(stdout);
      expect(rows).toHaveLength(300);
      expect(Object.keys(rows[0])[0]).toBe('customer_id');
      expect(Object.keys(rows[0])).toEqual(
        expect.arrayContaining(['segment', 'segment_label', 'distance']),
      );
    } finally {
      await engine.close();
    }
  });

  it('writes the query to a file, says so in Chinese, and labels segments in Chinese', async () => {
    const out = join(dir, 'q.sql');
    const { code, stdout } = await runCommand(
      sqlCommand,
      [model, '--dialect', 'postgres', '--table', 'crm.customers', '--out', out],
      'zh',
    );
    expect(code).toBe(0);
    expect(stdout).toContain(out);
    expect(stdout).not.toContain('Wrote');
    const sql = await readFile(out, 'utf8');
    expect(sql).toContain('FROM "crm"."customers"');
    expect(sql).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a missing or unknown dialect, and two models, with one sentence', async () => {
    const none = await runCommand(sqlCommand, [model]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--dialect duckdb or --dialect postgres');
    expect((await runCommand(sqlCommand, [model, '--dialect', 'sqlite'])).code).toBe(2);
    expect((await runCommand(sqlCommand, [model, model, '--dialect', 'duckdb'])).code).toBe(2);
  });

  it('prints its usage', async () => {
    expect((await runCommand(sqlCommand, ['--help'])).stdout).toBe(sqlUsage('en') + '\n');
  });
});
