import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { launchBrowser, openPage, serveBuild, type Watched } from './browser';
import { closeWatched } from './watchedPage';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;
let watched: Watched | null = null;

beforeAll(async () => {
  [browser, server, dir] = await Promise.all([
    launchBrowser(),
    serveBuild(),
    mkdtemp(join(tmpdir(), 'segmentlens-tree-')),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  watched = await closeWatched(watched, server.url);
});

describe('merge trees in Chromium', { timeout: 600_000 }, () => {
  // The worker holds the 800 MB distance matrix of a tree on 10,000 rows, and frees it.
  it('builds a tree on 10,000 rows when the settings ask for it', async () => {
    const path = join(dir, 'many.csv');
    await writeFile(path, generateCustomersCsv({ rows: 12_000, seed: 21, duplicates: 0 }));
    watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
    await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 300_000 });
    await page.getByLabel('Clustering algorithm').selectOption('hierarchical');
    const dendrogram = page.getByRole('figure', { name: 'Dendrogram' });
    await dendrogram.filter({ hasText: 'over 5,000 rows (a seeded sample)' }).waitFor({
      timeout: 300_000,
    });
    await page.getByRole('button', { name: 'Change settings' }).click();
    await page.getByLabel('Rows in the tree (at most)').fill('10000');
    await dendrogram.filter({ hasText: 'over 10,000 rows (a seeded sample)' }).waitFor({
      timeout: 300_000,
    });
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 300_000 })
      .toBe('false');
    expect(await page.getByText(/built on at most 10,000 rows \(800 MB of memory\)/).count()).toBe(
      1,
    );
    expect(await dendrogram.locator('svg path').count()).toBe(29);
    expect(
      await page.getByText(/ran on a seeded sample of 10,000 of the [\d,]+ rows/).count(),
    ).toBe(1);
  });
});
