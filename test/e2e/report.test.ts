import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-report-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  watched = await closeWatched(watched, server.url);
});

describe('the HTML report in Chromium (#18)', () => {
  it('downloads from the page and opens, without JavaScript, as a readable page on a phone', async () => {
    watched = await openPage(browser, server.url);
    const { page } = watched;
    const csv = join(dir, 'shop.csv');
    await writeFile(csv, generateCustomersCsv({ rows: 800, seed: 12, duplicates: 3 }));
    await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(csv);
    const button = page.getByRole('button', { name: 'Download report (HTML)' });
    await button.waitFor({ timeout: 150_000 });
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 150_000 })
      .toBe('false');
    const downloadStarted = page.waitForEvent('download');
    await button.click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('shop - report.html');
    // Saved under its own name, as a browser saves it (the .html tells Chromium what it is).
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);

    // The saved file, opened as a colleague opens it from a mail: no script may run, none needed.
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 420, height: 900 },
    });
    const requests: string[] = [];
    const report = await context.newPage();
    report.on('request', (request) => requests.push(request.url()));
    await report.goto(pathToFileURL(path).href);
    expect(await report.title()).toBe('Customer segments: \u2068shop.csv\u2069');
    await report.getByRole('heading', { level: 1 }).waitFor();
    expect(await report.getByRole('table').count()).toBeGreaterThan(5);
    const charts = report.getByRole('img');
    expect(await charts.count()).toBeGreaterThanOrEqual(4);
    expect(await report.getByRole('img', { name: 'Segment sizes' }).isVisible()).toBe(true);
    const box = await report.getByRole('img', { name: 'Segment sizes' }).boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    // Nothing wider than the phone's screen: long tables scroll inside their own box.
    const overflow = await report.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await context.close();
  });
});
