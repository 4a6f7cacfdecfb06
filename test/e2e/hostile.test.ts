import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from '../../scripts/generators/hostile';
import { launchBrowser, openPage, serveBuild, type Watched } from './browser';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;
let watched: Watched;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-hostile-page-'));
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
  watched = await openPage(browser, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

// The hostile corpus in the page, one file after another in the same tab: each is analysed or
// refused in one sentence, the page keeps working, and nothing reaches the console as an error.
describe('the page on the hostile corpus (#20)', { timeout: 600_000 }, () => {
  for (const hostile of hostileCorpus())
    it(`${hostile.name}: ${hostile.shape}`, async () => {
      const { page } = watched;
      const path = join(dir, hostile.name);
      await writeFile(path, hostile.bytes);
      await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
      const alert = page.getByRole('alert');
      const load = page.getByRole('region', { name: /Load a file/ });
      if (hostile.pageSays !== null) {
        await expect
          .poll(() => alert.innerText(), { timeout: 240_000, interval: 100 })
          .toMatch(hostile.pageSays);
        // One sentence, and the button that dismisses it.
        const sentence = await alert.getByRole('paragraph').innerText();
        expect(sentence.split('\n')).toHaveLength(1);
        expect(sentence).toMatch(hostile.pageSays);
      } else {
        await expect
          .poll(
            async () =>
              (await load.innerText()).includes(hostile.name) &&
              (await page.getByRole('progressbar').count()) === 0 &&
              (await page.getByRole('table', { name: 'Segment profiles' }).count()) === 1,
            { timeout: 240_000, interval: 100 },
          )
          .toBe(true);
        expect(await alert.innerText()).toBe('');
      }
      expect(watched.consoleErrors).toEqual([]);
    });
});
