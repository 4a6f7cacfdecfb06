import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  generateLongNamesCsv,
  LONG_CATEGORICAL_NAMES,
  LONG_NUMERIC_NAMES,
} from '../../scripts/generators/longNames';
import { launchBrowser, openPage, serveBuild, type Watched } from './browser';
import { closeWatched } from './watchedPage';

/**
 * Issue #18: a file whose column names are 150 characters and more made the page wider than the
 * window. Here such a file goes through the table analysis to profiles and an export, and at
 * 1,280 px and at 420 px the page is no wider than the window, nothing in a section is wider than
 * the section, and each shortened name is still found by its whole name.
 */
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let file: string;
let watched: Watched | null = null;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
  file = join(await mkdtemp(join(tmpdir(), 'segmentlens-long-')), 'survey.csv');
  await writeFile(file, generateLongNamesCsv());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  watched = await closeWatched(watched, server.url);
});

const WORDS = {
  en: {
    locale: 'en-US',
    chooseFile: 'Choose a CSV, Excel or Parquet file',
    progress: 'Analysis progress',
    profiles: 'Segment profiles',
    scree: 'Principal components (scree)',
    use: (column: string) => `Use ${column} as feature`,
    downloadAll: 'Download all segments',
    samples: ['Try sample customers', 'Try sample transactions'],
  },
  zh: {
    locale: 'zh-CN',
    chooseFile: '选择 CSV、Excel 或 Parquet 文件',
    progress: '分析进度',
    profiles: '细分群画像',
    scree: '主成分（碎石图）',
    use: (column: string) => `将 ${column} 用作特征`,
    downloadAll: '下载全部细分群',
    samples: ['试用示例客户数据', '试用示例交易数据'],
  },
} as const;

/** The page is no wider than the window, and no element in a section sticks out of it. */
async function overflow(
  page: Page,
): Promise<{ page: number; window: number; outside: string[]; beyond: string[] }> {
  return page.evaluate(() => {
    const outside: string[] = [];
    for (const section of document.querySelectorAll('main section')) {
      const card = section.getBoundingClientRect();
      for (const element of section.querySelectorAll('*')) {
        // What scrolls inside its own box (a wide table) or is hidden does not widen the page.
        let clipped = false;
        for (let up = element.parentElement; up && up !== section; up = up.parentElement)
          if (getComputedStyle(up).overflowX !== 'visible') clipped = true;
        if (clipped || element.closest('.visually-hidden, details:not([open])')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0) continue;
        if (box.right > card.right + 1 || box.left < card.left - 1)
          outside.push(
            `${element.tagName.toLowerCase()}.${element.className} (${(element.textContent ?? '').slice(0, 30)}): ${box.width}px`,
          );
      }
    }
    // When the page is too wide: what reaches beyond the window (to say what widened it).
    const beyond: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > window.innerWidth + 1)
          beyond.push(`${element.tagName.toLowerCase()}.${element.className} at ${box.right}px`);
      }
    return {
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      outside: outside.slice(0, 10),
      beyond: beyond.slice(-10),
    };
  });
}

async function expectNoOverflow(page: Page): Promise<void> {
  const found = await overflow(page);
  expect(found.outside).toEqual([]);
  expect(found.page, found.beyond.join('\n')).toBeLessThanOrEqual(found.window);
}

/** The two "Try sample" buttons do not touch (side by side or one above the other). */
async function expectSamplesApart(page: Page, names: readonly string[]): Promise<void> {
  const [a, b] = await Promise.all(
    names.map(async (name) => page.getByRole('button', { name }).boundingBox()),
  );
  if (a === null || b === null) throw new Error('the sample buttons are not on the page');
  const across = Math.max(b.x - (a.x + a.width), a.x - (b.x + b.width));
  const down = Math.max(b.y - (a.y + a.height), a.y - (b.y + b.height));
  expect(Math.max(across, down)).toBeGreaterThanOrEqual(4);
}

/** Waits until the page has laid itself out again (after the window changed size). */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

/** Waits until nothing on the page is busy (the main region and each chart). */
async function settled(page: Page, language: 'en' | 'zh'): Promise<void> {
  await expect
    .poll(
      async () =>
        (await page.getByRole('progressbar', { name: WORDS[language].progress }).count()) === 0 &&
        (await page.locator('[aria-busy="true"]').count()) === 0,
      { timeout: 120_000, interval: 100 },
    )
    .toBe(true);
}

describe.each(['en', 'zh'] as const)('a file with very long column names (%s)', (language) => {
  const words = WORDS[language];

  it('fits the window at 1,280 px and 420 px, names each column whole, exports every name, keeps the sample buttons apart', async () => {
    watched = await openPage(browser, server.url, { width: 1280, height: 900 }, words.locale);
    const { page } = watched;
    await page.getByLabel(words.chooseFile).setInputFiles(file);
    await page.getByRole('table', { name: words.profiles }).waitFor({ timeout: 120_000 });
    // One-hot encode the six regions too: 12 + 6 features, 18 principal components.
    await page.getByRole('checkbox', { name: words.use(LONG_CATEGORICAL_NAMES[0]) }).check();
    await settled(page, language);
    await page.getByRole('table', { name: words.profiles }).waitFor({ timeout: 120_000 });

    // Each long name is shown shortened and found by its whole name.
    for (const name of [...LONG_NUMERIC_NAMES, ...LONG_CATEGORICAL_NAMES]) {
      const header = page.getByRole('rowheader', { name, exact: true });
      await expect.poll(() => header.count()).toBe(1);
      expect(await header.locator('[title]').getAttribute('title')).toBe(name);
      const shown = await header.locator('[aria-hidden="true"]').innerText();
      expect(shown).toContain('…');
      expect(shown.length).toBeLessThan(name.length);
    }

    // The scree chart names as many of its 18 components as fit, none over another.
    const scree = page.getByRole('figure', { name: words.scree });
    await expect
      .poll(() => scree.locator('table tr').count(), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(19);
    const ticks = async () =>
      scree.locator('.plot__axis text').evaluateAll((texts) =>
        texts
          .filter((text) => /^PC\d+$/.test(text.textContent ?? ''))
          .map((text) => {
            const box = text.getBoundingClientRect();
            return { left: box.left, right: box.right };
          }),
      );
    const expectApart = async () => {
      const boxes = (await ticks()).sort((a, b) => a.left - b.left);
      expect(boxes.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i].left).toBeGreaterThanOrEqual(boxes[i - 1].right);
      // The last one (PC18) is not cut off at the chart's edge.
      const svg = await scree.locator('svg.plot__drawing').first().boundingBox();
      expect((boxes.at(-1) as { right: number }).right).toBeLessThanOrEqual(
        (svg as { x: number; width: number }).x + (svg as { width: number }).width,
      );
    };
    await expectApart();
    await expectNoOverflow(page);
    await expectSamplesApart(page, words.samples);

    // The export keeps every name whole.
    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: words.downloadAll }).click();
    const download = await downloadStarted;
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const header = Papa.parse<string[]>(text, { preview: 1 }).data[0];
    expect(header.slice(0, 15)).toEqual([...LONG_NUMERIC_NAMES, ...LONG_CATEGORICAL_NAMES]);

    await page.setViewportSize({ width: 420, height: 900 });
    await nextFrames(page);
    await expectNoOverflow(page);
    await expectApart();
    await expectSamplesApart(page, words.samples);
    // Shots for a person to look at (not committed): SHOTS_DIR=/tmp/shots-layout.
    const shots = process.env.SHOTS_DIR;
    if (shots) {
      // The whole page, in parts a person can read.
      const shoot = async (width: number) => {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, part = 1; y < height; y += 1600, part++)
          await page.screenshot({
            path: join(shots, `long-${language}-${width}-${part}.png`),
            fullPage: true,
            clip: { x: 0, y, width, height: Math.min(1600, height - y) },
          });
      };
      await shoot(420);
      await scree.screenshot({ path: join(shots, `scree-${language}-420.png`) });
      await page.setViewportSize({ width: 1280, height: 900 });
      await nextFrames(page);
      await expectNoOverflow(page);
      await shoot(1280);
      await scree.screenshot({ path: join(shots, `scree-${language}-1280.png`) });
    }
  });
});
