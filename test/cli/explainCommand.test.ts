import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainCommand, explainUsage } from '../../src/cli/explainCommand';
import { displayWidth } from '../../src/cli/voice';
import { customersCsv } from '../support/sessionData';
import { runCommand } from '../support/runCommand';

let dir: string;
let customers: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-explain-'));
  customers = join(dir, 'customers.csv');
  await writeFile(customers, customersCsv);
});

const quick = ['--k', '3', '--n-init', '2', '--k-max', '4'];

describe('segmentlens explain', () => {
  it('prints the JSON the issue specifies: tree, rules per segment, fidelity, report, confusion', async () => {
    const { code, stdout, stderr } = await runCommand(explainCommand, [
      customers,
      ...quick,
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['tree', 'rules', 'fidelity', 'report', 'confusion']),
    );
    expect(result.method).toBe('tree');
    expect(result.k).toBe(3);
    expect(result.depth).toBe(3);
    const root = result.tree[0];
    expect(root).toMatchObject({
      node: 0,
      depth: 0,
      feature: expect.any(String),
      threshold: expect.any(Number),
    });
    expect(root.counts.reduce((a: number, b: number) => a + b, 0)).toBe(result.rows.explained);
    const leaves = result.tree.filter((node: { feature: string | null }) => node.feature === null);
    expect(leaves.every((leaf: { threshold: null }) => leaf.threshold === null)).toBe(true);
    expect(result.rules.map((r: { segment: number }) => r.segment)).toEqual([0, 1, 2]);
    const texts = result.rules.flatMap((r: { rules: { text: string }[] }) =>
      r.rules.map((x) => x.text),
    );
    expect(texts).toHaveLength(leaves.length);
    expect(texts[0]).toMatch(/ → Segment \d: .+ \(\d+ of \d+ customers\)$/);
    expect(Object.keys(result.fidelity)).toEqual(['train', 'test', 'all']);
    expect(result.report.segments).toHaveLength(3);
    expect(Object.keys(result.report.segments[0])).toEqual([
      'segment',
      'name',
      'precision',
      'recall',
      'f1',
      'support',
    ]);
    expect(
      result.report.segments.reduce((a: number, s: { support: number }) => a + s.support, 0),
    ).toBe(result.rows.test);
    expect(result.confusion).toHaveLength(3);
    expect(result.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(
      result.rows.test,
    );
  });

  it('writes explained.csv with every analysed row, its split and the tree segment', async () => {
    const out = join(dir, 'out');
    const { code, stdout } = await runCommand(explainCommand, [
      customers,
      ...quick,
      '--out',
      out,
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const text = await readFile(join(out, 'explained.csv'), 'utf8');
    const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
    expect(rows).toHaveLength(1 + result.rows.analysed);
    const header = rows[0];
    expect(header.slice(-4)).toEqual(['segment', 'segment_name', 'split', 'tree_segment']);
    const split = rows.slice(1).map((row) => row[header.indexOf('split')]);
    expect(split.filter((s) => s === 'train')).toHaveLength(result.rows.train);
    expect(split.filter((s) => s === 'test')).toHaveLength(result.rows.test);
    expect(split.filter((s) => s === '')).toHaveLength(0);
  });

  it('explains with IMM: one rule per segment and the k-means costs', async () => {
    const { code, stdout } = await runCommand(explainCommand, [
      customers,
      ...quick,
      '--method',
      'imm',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('imm');
    expect(result.rules.map((r: { rules: unknown[] }) => r.rules.length)).toEqual([1, 1, 1]);
    expect(result.imm.cost).toBeGreaterThanOrEqual(result.imm.clusteringCost);
    expect(result.fidelity).toBeUndefined();
  });

  it('reports in English and in Chinese, columns aligned', async () => {
    const en = await runCommand(explainCommand, [customers, ...quick]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Rules:');
    // Every row is counted: read, analysed, set aside by reason, then explained.
    const json = JSON.parse(
      (await runCommand(explainCommand, [customers, ...quick, '--json'])).stdout,
    );
    const setAside = Object.values(json.rows.dropped as Record<string, number>).reduce(
      (a, b) => a + b,
    );
    expect(json.rows.read).toBe(json.rows.analysed + setAside);
    expect(en.stdout.split('\n')[0]).toEqual(
      setAside === 0
        ? `${customers}: ${json.rows.read.toLocaleString('en')} rows read, ${json.rows.analysed.toLocaleString('en')} analysed`
        : expect.stringContaining(
            `rows read, ${json.rows.analysed.toLocaleString('en')} analysed (set aside: `,
          ),
    );
    expect(en.stdout.split('\n')[1]).toMatch(
      /^[\d,]+ rows in 3 segments \(k-means\), explained by a decision tree/,
    );
    expect(en.stdout).toMatch(
      /Fidelity \(rows whose segment the tree gets right\): \d+(\.\d)?% of the held-out rows/,
    );
    const zh = await runCommand(explainCommand, [customers, ...quick], 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('规则：');
    expect(zh.stdout).toMatch(/→ 细分群 \d：.+（\d+ 位客户中有 \d+ 位）/);
    expect(zh.stdout).toContain('留出行上的混淆矩阵');
    // The report table lines up in display columns (a Chinese character takes two): its last
    // column is right-aligned, so every line ends at the same column.
    const lines = zh.stdout.split('\n');
    const start = lines.indexOf('各细分群在留出行上的表现：') + 1;
    const table = lines.slice(start, lines.indexOf('', start));
    expect(table).toHaveLength(1 + 3 + 2);
    expect(new Set(table.map(displayWidth)).size).toBe(1);
  });

  it('refuses what it cannot do in one line, with status 2', async () => {
    // What analyze writes besides its segments is refused, not silently ignored.
    const notExplains = [
      ['--save-model', 'm.json'],
      ['--report', 'r.html'],
      ['--distribution', 'age'],
    ];
    for (const args of [
      ['--depth', '7'],
      ['--method', 'forest'],
      ['--k', '1'],
      ['--compare'],
      ...notExplains,
    ]) {
      const { code, stderr, stdout } = await runCommand(explainCommand, [
        customers,
        '--n-init',
        '2',
        ...args,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const one = await runCommand(explainCommand, [customers, '--k', '1']);
    expect(one.stderr).toContain('only one segment');
    const none = await runCommand(explainCommand, []);
    expect(none.code).toBe(2);
  });

  it('prints its usage', async () => {
    const { code, stdout } = await runCommand(explainCommand, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toBe(explainUsage('en') + '\n');
  });
});
