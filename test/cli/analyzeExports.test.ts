import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { europeanCustomers } from '../support/europeanCustomers';
import { runCommand } from '../support/runCommand';

const FILE_TEXT = europeanCustomers(40, 18);
const RECORDS = FILE_TEXT.trimEnd().split('\n').length - 1;
const BASE = ['--k', '2', '--k-max', '3', '--n-init', '2', '--features', 'ausgaben,besuche'];

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-exports-'));
  file = join(dir, 'kunden.csv');
  await writeFile(file, FILE_TEXT);
});

async function recordsIn(path: string, delimiter: string) {
  const bytes = await readFile(path);
  // UTF-8 with a byte-order mark.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), {
    header: true,
    delimiter,
    skipEmptyLines: true,
  }).data;
}

describe('segmentlens analyze: names, every row, the input’s dialect (#18)', () => {
  it('writes every row once, named segments, in the input’s dialect when asked', async () => {
    const out = join(dir, 'input');
    const { code, stderr } = await runCommand(analyzeCommand, [
      file,
      ...BASE,
      '--out',
      out,
      '--export-dialect',
      'input',
      '--segment-name',
      '0=Große Kunden; "VIP"',
      '--segment-name',
      '1==Kleine',
      '--save-model',
      join(dir, 'model.json'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const all = await recordsIn(join(out, 'segments.csv'), ';');
    expect(all).toHaveLength(RECORDS);
    expect(all.filter((row) => row.segment === '').map((row) => row.kunde)).toEqual([
      'K1002',
      'K9998',
      'K9999',
    ]);
    const labels = new Set(all.map((row) => `${row.segment}:${row.segment_label}`));
    expect(labels).toEqual(new Set(['0:Große Kunden; "VIP"', "1:'=Kleine", ':']));
    expect(all[0].ausgaben).toBe(FILE_TEXT.split('\n')[1].split(';')[1]);
    // Each segment's file under its name; with set-aside.csv, every row in exactly one file.
    const big = await recordsIn(join(out, 'segment-0 - Große Kunden; VIP.csv'), ';');
    const small = await recordsIn(join(out, 'segment-1 - =Kleine.csv'), ';');
    const setAside = await recordsIn(join(out, 'set-aside.csv'), ';');
    expect(big.length + small.length + setAside.length).toBe(RECORDS);
    // The model file keeps the names.
    const model = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
      segments: { name: string | null }[];
    };
    expect(model.segments.map((s) => s.name)).toEqual(['Große Kunden; "VIP"', '=Kleine']);
  });

  it('writes standard CSV by default', async () => {
    const out = join(dir, 'standard');
    expect((await runCommand(analyzeCommand, [file, ...BASE, '--out', out])).code).toBe(0);
    const all = await recordsIn(join(out, 'segments.csv'), ',');
    expect(all).toHaveLength(RECORDS);
    expect(all[0].ausgaben).toMatch(/^\d+\.\d{2}$/);
  });

  it('refuses a name it cannot use in one sentence, exit 2, in either language', async () => {
    const bad = await runCommand(analyzeCommand, [file, ...BASE, '--segment-name', 'Big']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'segmentlens: Give --segment-name as ID=NAME: a segment number (or noise), = and a name of 1 to 200 characters, not "Big".\n',
    );
    const beyond = await runCommand(analyzeCommand, [file, ...BASE, '--segment-name', '5=X']);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toBe(
      'segmentlens: There is no segment 5: the segments are numbered 0 to 1.\n',
    );
    const noise = await runCommand(
      analyzeCommand,
      [file, ...BASE, '--segment-name', 'noise=Rest'],
      'zh',
    );
    expect(noise.code).toBe(2);
    expect(noise.stderr).toBe(
      'segmentlens: 只有 DBSCAN 有噪声：请去掉 --segment-name noise=...，或使用 --algorithm dbscan 运行。\n',
    );
    const dialect = await runCommand(analyzeCommand, [file, '--export-dialect', 'excel']);
    expect(dialect.code).toBe(2);
    expect(dialect.stderr.split('\n')).toHaveLength(2);
  });

  it('names DBSCAN’s noise', async () => {
    const out = join(dir, 'dbscan');
    const { code } = await runCommand(analyzeCommand, [
      file,
      '--features',
      'ausgaben,besuche',
      '--algorithm',
      'dbscan',
      '--eps',
      '0.1',
      '--min-pts',
      '4',
      '--out',
      out,
      '--segment-name',
      'noise=Einzelgänger',
    ]);
    expect(code).toBe(0);
    const all = await recordsIn(join(out, 'segments.csv'), ',');
    const noise = all.filter((row) => row.segment === '-1');
    expect(noise.length).toBeGreaterThan(0);
    for (const row of noise) expect(row.segment_label).toBe('Einzelgänger');
  });
});
