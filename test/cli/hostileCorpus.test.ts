import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../../scripts/generators/hostile';
import { runMain } from '../support/runCommand';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (argv: string[]) => runMain(argv, { LANG: 'en_US.UTF-8' });

// Each file of the hostile corpus ends as it must: analysed, or refused in one line.
describe('segmentlens on the hostile corpus (#20)', { timeout: 300_000 }, () => {
  for (const hostile of hostileCorpus())
    it(`${hostile.name}: ${hostile.shape}`, async () => {
      const path = join(dir, hostile.name);
      await writeFile(path, hostile.bytes);
      const { code, stdout, stderr } = await run(['analyze', path, ...hostile.args]);
      if (hostile.exit === 2) {
        expect(code, stderr).toBe(2);
        expect(stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(hostile.says);
        expect(stdout).toBe('');
      } else {
        expect(code, stderr).toBe(0);
        expect(stdout).toMatch(hostile.says);
        expect(stderr).not.toMatch(/internal error/);
      }
    });
});
