import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { campaignCsv } from '../support/campaign';
import { launchBrowser, openPage, serveBuild, type Watched } from './browser';
import { closeWatched } from './watchedPage';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;
let watched: Watched | null = null;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-e2e-classify-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  watched = await closeWatched(watched, server.url);
});

/** The public marketing campaign file (as the issue names it), or one generated like it. */
const MARKETING = '/work/shared/datasets/marketing_campaign_tab.csv';

async function campaignFile(): Promise<{ path: string; target: string; rows: number }> {
  if (existsSync(MARKETING)) {
    const text = await readFile(MARKETING, 'utf8');
    const rows = text.split('\n').filter((line) => line.trim() !== '').length - 1;
    return { path: MARKETING, target: 'Response', rows };
  }
  const path = join(dir, 'campaign.csv');
  await writeFile(path, campaignCsv(600, 4));
  return { path, target: 'response', rows: 601 };
}

async function waitForSegments(page: Page): Promise<void> {
  await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 120_000 });
  await expect
    .poll(() => page.getByRole('progressbar', { name: 'Analysis progress' }).count(), {
      timeout: 120_000,
    })
    .toBe(0);
}

describe('explain and predict in Chromium', () => {
  it('explains the sample customers’ segments, predicts a yes/no column and downloads the predictions', async () => {
    watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    await waitForSegments(page);

    // Explain: a rule (or the sentence that there is none) for every segment, and the fidelity.
    const explain = page.getByRole('region', { name: 'Explain the segments' });
    await explain.getByRole('button', { name: 'Explain the segments' }).click();
    await explain
      .getByText(/^Fidelity: the tree puts [\d.]+% of the held-out rows/)
      .waitFor({ timeout: 60_000 });
    const k = Number(await page.getByLabel('Number of segments').inputValue());
    const rules = explain.locator('dl.rules');
    expect(await rules.locator('dt').count()).toBe(k);
    expect(await rules.locator('dd').count()).toBeGreaterThanOrEqual(k);
    expect(await rules.locator('dd').first().innerText()).toMatch(
      /→ Segment \d+: .+ \([\d,]+ of [\d,]+ customers\)$/,
    );
    await expect
      .poll(() => explain.getByRole('figure', { name: 'Decision tree diagram' }).count())
      .toBe(1);

    // Predict a yes/no column of another file.
    const campaign = await campaignFile();
    await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(campaign.path);
    await expect
      .poll(() => page.getByRole('region', { name: /Load a file/ }).innerText(), {
        timeout: 120_000,
      })
      .toContain(campaign.path.split('/').pop()!);
    await waitForSegments(page);
    const predict = page.getByRole('region', { name: 'Predict a column' });
    await predict.getByLabel('Column to predict').selectOption(campaign.target);
    await predict.getByRole('button', { name: 'Train the models' }).click();
    const models = predict.getByRole('table', { name: 'The three models on the held-out rows' });
    await models.waitFor({ timeout: 120_000 });
    expect(await models.getByRole('rowheader').allInnerTexts()).toEqual([
      'Logistic regression',
      'Decision tree',
      'Random forest',
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      predict.getByRole('button', { name: 'Download the predictions (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`predictions of ${campaign.target}\\.csv$`),
    );
    const text = await readFile((await download.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(campaign.rows);
    const splits = new Set(rows.map((row) => row.split));
    expect(splits.has('train') && splits.has('test')).toBe(true);
    const tested = rows.filter((row) => row.split === 'test').length;
    const trained = rows.filter((row) => row.split === 'train').length;
    // A quarter held out, stratified: within a row or two per class.
    expect(Math.abs(tested / (tested + trained) - 0.25)).toBeLessThan(0.01);
  });
});
