import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCommand } from '../../src/cli/analyzeCommand';
import { generateLongNamesCsv, LONG_NUMERIC_NAMES } from '../../scripts/generators/longNames';
import { runCommand } from '../support/runCommand';

/**
 * Issue #18 on the command line: a file with 150-character column names is analysed as any
 * other, and the report names each column whole (a terminal wraps; a shortened name could not be
 * searched for or passed back as a flag). A year reads as a year there too.
 */
describe('segmentlens analyze on a file with very long column names', () => {
  it('reports every name whole, in English and Chinese', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'segmentlens-long-')), 'survey.csv');
    await writeFile(file, generateLongNamesCsv());
    for (const language of ['en', 'zh'] as const) {
      const run = await runCommand(analyzeCommand, [file, '--k', '3'], language);
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('…');
      // The largest loadings and the profiles' labels name columns whole.
      expect(LONG_NUMERIC_NAMES.some((name) => run.stdout.includes(name))).toBe(true);
    }
    const json = await runCommand(analyzeCommand, [file, '--k', '3', '--json']);
    expect(json.code).toBe(0);
    const report = JSON.stringify(JSON.parse(json.stdout));
    for (const name of LONG_NUMERIC_NAMES) expect(report).toContain(JSON.stringify(name));
  });
});
