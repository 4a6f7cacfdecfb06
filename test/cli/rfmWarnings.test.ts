import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rfmCommand } from '../../src/cli/rfmCommand';
import { generateGroupedOrdersCsv } from '../../scripts/generators/groupedOrders';
import { runCommand } from '../support/runCommand';

let dir = '';
let file = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-rfm-warnings-'));
  file = join(dir, 'grouped.csv');
  await writeFile(file, generateGroupedOrdersCsv(25));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('segmentlens rfm: warnings about the clusters on RFM', () => {
  it('--json lists the warnings, as analyze does', async () => {
    const run = await runCommand(rfmCommand, [file, '--k-max', '3', '--n-init', '2', '--json']);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as {
      clustering: { recommendedK: number; warnings: string[] };
    };
    expect(json.clustering.recommendedK).toBe(3);
    expect(json.clustering.warnings).toEqual([
      expect.stringMatching(/^The recommended number of segments, 3, is the largest one searched/),
    ]);
  });

  it('has no warnings when the range holds the best k', async () => {
    const run = await runCommand(rfmCommand, [file, '--n-init', '2', '--json']);
    const json = JSON.parse(run.stdout) as { clustering: { warnings: string[] } };
    expect(json.clustering.warnings).toEqual([]);
  });

  it('prints them under the clusters, in English and Chinese', async () => {
    const english = await runCommand(rfmCommand, [file, '--k-max', '3', '--n-init', '2']);
    expect(english.stdout).toMatch(/Warnings:\n {2}- The recommended number of segments, 3/);
    const chinese = await runCommand(rfmCommand, [file, '--k-max', '3', '--n-init', '2'], 'zh');
    expect(chinese.stdout).toMatch(/警告：\n {2}- /);
    expect(chinese.stdout).not.toMatch(/The recommended/);
  });
});
