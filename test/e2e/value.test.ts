import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, serveBuild, type Watched } from './browser';
import { closeWatched } from './watchedPage';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let watched: Watched | null = null;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  watched = await closeWatched(watched, server.url);
});

describe('Customer value in Chromium', { timeout: 300_000 }, () => {
  it('sample transactions -> parameters, value per segment, calibration chart -> value.csv', async () => {
    watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.getByRole('button', { name: 'Try sample transactions' }).click();
    const summary = page.getByRole('table', { name: 'Segment summary' });
    await summary.waitFor({ timeout: 120_000 });
    let customers = 0;
    for (const row of await summary.locator('tbody tr').all())
      customers += Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
    expect(customers).toBeGreaterThan(250);
    await page.getByRole('table', { name: 'Clusters by RFM segment' }).waitFor({
      timeout: 120_000,
    });

    const section = page.getByRole('region', { name: /Customer value/ });
    await section.getByRole('button', { name: 'Estimate customer value' }).click();
    const models = section.getByRole('table', { name: 'Parameters of the fitted models' });
    await models.waitFor({ timeout: 120_000 });
    // The progress bar goes with the estimate, even if a late report of progress follows it.
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 60_000 }).toBe(0);
    expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('false');
    expect(await models.getByRole('row', { name: /BG\/NBD/ }).innerText()).toMatch(
      /r = [\d.]+, α = [\d.]+, a = [\d.]+, b = [\d.]+\s+-[\d,]+\.\d\d/,
    );
    expect(await models.getByRole('row', { name: /Gamma-Gamma/ }).innerText()).toMatch(
      /p = [\d.]+, q = [\d.]+, v = [\d,.]+/,
    );

    // Mean CLV and share of value per RFM segment, every customer counted once.
    const bySegment = section.getByRole('table', { name: 'Value by RFM segment' });
    await bySegment.waitFor({ timeout: 60_000 });
    const headers = await bySegment.getByRole('columnheader').allInnerTexts();
    expect(headers).toContain('Mean CLV');
    const champions = bySegment.getByRole('row', { name: /Champions/ });
    const cells = await champions.getByRole('cell').allInnerTexts();
    expect(Number(cells[3].replace(/,/g, ''))).toBeGreaterThan(0);
    let counted = 0;
    for (const row of await bySegment.locator('tbody tr').all())
      counted += Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
    expect(counted).toBe(customers);

    // The calibration chart, drawn, with its summary.
    const chart = section.getByRole('figure', {
      name: 'Expected against actual repeat purchases in the holdout',
    });
    await expect.poll(() => chart.locator('svg .plot__line').count(), { timeout: 60_000 }).toBe(2);
    expect(await chart.locator('figcaption').innerText()).toMatch(
      /repeat purchases in the holdout; the model expected [\d,.]+\./,
    );

    const downloadStarted = page.waitForEvent('download');
    await section.getByRole('button', { name: 'Download the value table' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('transactions - customer value.csv');
    const rows = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(customers);
    expect(new Set(rows.map((row) => row.customer)).size).toBe(customers);
    expect(rows.every((row) => Number(row.p_alive) >= 0 && Number(row.p_alive) <= 1)).toBe(true);
  });
});
