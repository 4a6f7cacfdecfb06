import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { createRandom } from '../../src/core/common/random';
import { runCommand } from '../support/runCommand';

/** Seeded uniform columns: no structure, so every silhouette is weak. */
function uniformCsv(rows: number): string {
  const random = createRandom(71);
  const lines = ['a,b,c,d,e,f'];
  for (let i = 0; i < rows; i++)
    lines.push(Array.from({ length: 6 }, () => (random.next() * 100).toFixed(3)).join(','));
  return lines.join('\n') + '\n';
}

let file = '';
beforeAll(async () => {
  file = join(await mkdtemp(join(tmpdir(), 'segmentlens-quality-')), 'uniform.csv');
  await writeFile(file, uniformCsv(500));
});

const STAGES = ['read', 'kinds', 'clean', 'scale', 'pca', 'cluster', 'silhouette', 'profiles'];

describe('segmentlens analyze: warnings and timings', () => {
  it('--json gives the time of every stage in seconds, and the warnings', async () => {
    const { code, stdout } = await runCommand(analyzeCommand, [file, '--json', '--n-init', '2']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      timings: Record<string, number | null>;
      warnings: string[];
    };
    expect(Object.keys(json.timings)).toEqual(STAGES);
    for (const stage of STAGES) {
      const seconds = json.timings[stage];
      expect(typeof seconds, stage).toBe('number');
      expect(seconds as number, stage).toBeGreaterThanOrEqual(0);
    }
    // The clustering of ten k on 500 rows is measured, not zero.
    expect(json.timings.cluster as number).toBeGreaterThan(0);
    expect(json.warnings).toContainEqual(
      expect.stringMatching(/^The segments overlap: the silhouette/),
    );
  });

  it('DBSCAN is timed by the same stages', async () => {
    const { stdout } = await runCommand(analyzeCommand, [file, '--json', '--algorithm', 'dbscan']);
    const json = JSON.parse(stdout) as { timings: Record<string, number | null> };
    expect(Object.keys(json.timings)).toEqual(STAGES);
    expect(json.timings.cluster as number).toBeGreaterThan(0);
  });

  it('prints the warnings in the text report, in English and Chinese', async () => {
    const english = await runCommand(analyzeCommand, [file, '--n-init', '2']);
    expect(english.stdout).toMatch(/Warnings:\n( {2}- .*\n)* {2}- The segments overlap/);
    const chinese = await runCommand(analyzeCommand, [file, '--n-init', '2'], 'zh');
    expect(chinese.stdout).toMatch(/警告：\n( {2}- .*\n)* {2}- 各细分群相互重叠/);
  });
});
