import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { foreignRequests, launchBrowser, openPage, serveBuild, type Watched } from './browser';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;
let watched: Watched | null = null;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

afterEach(async () => {
  // Whatever a test did, the page logged no error and spoke to no other origin.
  if (watched) {
    expect(watched.consoleErrors).toEqual([]);
    expect(foreignRequests(watched.requests, server.url)).toEqual([]);
    await watched.page.context().close();
    watched = null;
  }
});

async function open(): Promise<Page> {
  watched = await openPage(browser, server.url);
  return watched.page;
}

async function writeCustomers(name: string, rows: number, seed: number): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, generateCustomersCsv({ rows, seed, duplicates: 3 }));
  return path;
}

/**
 * Waits until the results of `fileName` are on screen: its name in the file summary, no work
 * under way, and the charts and profiles drawn (the previous file's results do not count).
 */
async function waitForResults(page: Page, fileName: string, timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () =>
        (await page.getByRole('region', { name: /Load a file/ }).innerText()).includes(fileName) &&
        (await page.getByRole('progressbar', { name: 'Analysis progress' }).count()) === 0,
      { timeout, interval: 100 },
    )
    .toBe(true);
  await page.getByRole('figure', { name: 'Elbow curve' }).waitFor({ timeout });
  await page.getByRole('figure', { name: 'Segment scatter' }).waitFor({ timeout });
  await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout });
}

/** Segment id -> size, as the profile table states them. */
async function profileSizes(page: Page): Promise<Map<string, number>> {
  const rows = page.getByRole('table', { name: 'Segment profiles' }).locator('tbody tr');
  const sizes = new Map<string, number>();
  for (const row of await rows.all()) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    const size = Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
    sizes.set(name.split(':')[0], size);
  }
  return sizes;
}

describe('the page in Chromium', () => {
  it('enforces its Content-Security-Policy: no connection to another origin, no inline script', async () => {
    const { page, consoleErrors, requests } = await openPage(browser, server.url);
    try {
      const policy = await page
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
      ])
        expect(policy).toContain(directive);
      const outcome = await page.evaluate(async () => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (event) =>
          violations.push(event.effectiveDirective),
        );
        const fetched = await fetch('http://127.0.0.2:9/collect', { method: 'POST', body: 'x' })
          .then(() => 'sent')
          .catch(() => 'refused');
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return {
          fetched,
          inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
          violations,
        };
      });
      expect(outcome).toEqual({
        fetched: 'refused',
        inlineRan: false,
        violations: expect.arrayContaining(['connect-src', 'script-src-elem']),
      });
      // The browser refused before any byte left: no request to the other origin was made.
      expect(foreignRequests(requests, server.url)).toEqual([]);
      expect(consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    } finally {
      await page.context().close();
    }
  });

  it('loads a file through the labelled input, shows the results, changes k, and downloads all segments', async () => {
    const page = await open();
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(await writeCustomers('shop.csv', 1200, 11));
    await waitForResults(page, 'shop.csv');
    await expect
      .poll(() => page.getByRole('region', { name: /Load a file/ }).innerText())
      .toContain('shop.csv');
    // The charts drew: a circle per point in the scatter (one path per segment), lines in the elbow.
    const drawn = await page
      .getByRole('figure', { name: 'Segment scatter' })
      .locator('svg .segment-points path')
      .evaluateAll((paths) =>
        paths.reduce((sum, path) => sum + (path.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
      );
    expect(drawn).toBeGreaterThan(1000);
    expect(
      await page
        .getByRole('figure', { name: 'Elbow curve' })
        .locator('svg .recharts-line-curve')
        .count(),
    ).toBe(2);

    await page.getByLabel('Number of segments').selectOption('5');
    await expect.poll(async () => (await profileSizes(page)).size).toBe(5);
    const sizes = await profileSizes(page);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all segments' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('shop - all segments (k=5).csv');
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row.segment, (counted.get(row.segment) ?? 0) + 1);
    expect(counted).toEqual(sizes);
    expect(rows.length).toBe([...sizes.values()].reduce((a, b) => a + b, 0));
    expect(Object.keys(rows[0])).toEqual([
      'customer_id',
      'age',
      'annual_income',
      'annual_spend',
      'visits_per_month',
      'tenure_months',
      'region',
      'channel',
      'segment',
      'segment_label',
    ]);
  });

  it('switches the sample customers to DBSCAN and hierarchical clustering: noise in the scatter, profiles and export, a dendrogram, a comparison', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    await waitForResults(page, 'customers.csv');
    await page.getByLabel('Clustering algorithm').selectOption('dbscan');
    await page.getByLabel('Use the suggested eps').uncheck();
    await page.getByLabel('Neighbourhood radius (eps)').fill('0.5');
    await page
      .getByRole('figure', { name: 'k-distance plot' })
      .filter({ hasText: 'at eps 0.5,' })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => page.getByRole('progressbar', { name: 'Analysis progress' }).count())
      .toBe(0);
    // Noise is drawn (grey points of segment -1), listed in the legend and profiled.
    const scatter = page.getByRole('figure', { name: 'Segment scatter' });
    await expect.poll(() => scatter.getByText('Noise', { exact: true }).count()).toBe(1);
    const noisePoints = Number(
      await scatter.locator('svg path[data-segment="-1"]').getAttribute('data-points'),
    );
    expect(noisePoints).toBeGreaterThan(0);
    const sizes = await profileSizes(page);
    expect(sizes.get('Noise')).toBeGreaterThan(0);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download all segments' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(
      /^customers - all segments \(DBSCAN, k=\d+\)\.csv$/,
    );
    const rows = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row.segment, (counted.get(row.segment) ?? 0) + 1);
    const expected = new Map(
      [...sizes].map(([name, size]) => [name === 'Noise' ? '-1' : name, size]),
    );
    expect(counted).toEqual(expected);
    expect(
      rows.filter((row) => row.segment === '-1').every((row) => row.segment_label === 'Noise'),
    ).toBe(true);
    // And what DBSCAN made of each row: noise exactly where the segment is -1.
    expect(rows.every((row) => (row.dbscan_point === 'noise') === (row.segment === '-1'))).toBe(
      true,
    );
    expect(rows.some((row) => row.dbscan_point === 'core')).toBe(true);

    await page.getByLabel('Clustering algorithm').selectOption('hierarchical');
    await page.getByLabel('Linkage').selectOption('average');
    await page
      .getByRole('figure', { name: 'Dendrogram' })
      .filter({ hasText: 'average linkage tree' })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => page.getByRole('progressbar', { name: 'Analysis progress' }).count())
      .toBe(0);
    expect(await page.getByRole('figure', { name: 'Dendrogram' }).locator('svg path').count()).toBe(
      29,
    );
    await page.getByLabel('Number of segments').selectOption('3');
    await expect.poll(async () => (await profileSizes(page)).size).toBe(3);

    await page.getByRole('button', { name: 'Compare algorithms' }).click();
    const table = page.getByRole('table', { name: /Algorithm comparison/ });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([
      'k-means',
      'Hierarchical',
      'DBSCAN',
    ]);
    expect(await table.getByRole('row', { name: /Hierarchical/ }).innerText()).toContain('k = 3');
  });

  it('takes a file dragged onto the drop zone', async () => {
    const page = await open();
    const csv = generateCustomersCsv({ rows: 500, seed: 4 });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    const zone = page.getByRole('region', { name: 'Drop a CSV file here or choose one' });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await waitForResults(page, 'dropped.csv');
    expect(await page.getByRole('region', { name: /Load a file/ }).innerText()).toContain(
      'dropped.csv',
    );
  });

  it('cancels a running analysis at once, keeps the last good results, and runs again', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    await waitForResults(page, 'customers.csv');
    const before = await profileSizes(page);

    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(await writeCustomers('big.csv', 40_000, 5));
    const progress = page.getByRole('progressbar', { name: 'Analysis progress' });
    await progress.waitFor();
    await expect
      .poll(async () => (await progress.getAttribute('aria-valuetext')) ?? '', { timeout: 30_000 })
      .toMatch(/Clustering/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(
        async () =>
          (await progress.count()) === 0
            ? 'stopped'
            : `still running: ${await page.getByRole('status').innerText()} / ${await progress.getAttribute('aria-valuetext')}`,
        { timeout: 2_000 },
      )
      .toBe('stopped');
    expect(await page.getByRole('status').innerText()).toMatch(/Cancelled/);
    // The page is back to the sample and its results (restored in a task of their own).
    await expect
      .poll(() => page.getByRole('region', { name: /Load a file/ }).innerText(), { timeout: 2_000 })
      .toContain('customers.csv');
    await expect.poll(() => profileSizes(page), { timeout: 2_000 }).toEqual(before);

    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(await writeCustomers('small.csv', 600, 8));
    await waitForResults(page, 'small.csv');
    expect(await page.getByRole('region', { name: /Load a file/ }).innerText()).toContain(
      'small.csv',
    );
  });

  it('refuses a workbook in one sentence and then reads the next file', async () => {
    const page = await open();
    const workbook = join(dir, 'book.csv');
    await writeFile(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    await page.getByLabel('Choose a CSV file').setInputFiles(workbook);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toMatch(/^This file is a damaged zip archive, not a CSV, Excel workbook or Parquet file/);
    await page
      .getByLabel('Choose a CSV file')
      .setInputFiles(await writeCustomers('after.csv', 300, 9));
    await waitForResults(page, 'after.csv');
    expect(await page.getByRole('alert').innerText()).toBe('');
  });

  it('takes dropped order lines to RFM tables, clusters and a downloadable RFM table', async () => {
    const page = await open();
    const csv = generateTransactionsCsv({ customers: 300, seed: 12 });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'orders.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await page
      .getByRole('region', { name: 'Drop a CSV file here or choose one' })
      .dispatchEvent('drop', { dataTransfer });
    const summary = page.getByRole('table', { name: 'Segment summary' });
    await summary.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('radio', { name: /Analyse as transactions/ }).isChecked()).toBe(
      true,
    );
    const counts = new Map<string, number>();
    for (const row of await summary.locator('tbody tr').all()) {
      const name = (await row.getByRole('rowheader').innerText()).trim();
      counts.set(name, Number((await row.getByRole('cell').first().innerText()).replace(/,/g, '')));
    }
    const customers = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(customers).toBeGreaterThan(250);
    expect(counts.get('Champions')).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Clusters by RFM segment' }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'Analysis progress' }).count())
      .toBe(0);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the RFM table' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('orders - RFM table.csv');
    const rows = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(rows).toHaveLength(customers);
    expect(Object.keys(rows[0])).toEqual([
      'customer',
      'recency',
      'frequency',
      'monetary',
      'R',
      'F',
      'M',
      'segment',
      'cluster',
    ]);
    const bySegment = new Map<string, number>();
    for (const row of rows) bySegment.set(row.segment, (bySegment.get(row.segment) ?? 0) + 1);
    for (const [name, count] of counts) expect(bySegment.get(name) ?? 0, name).toBe(count);
    expect(rows.every((row) => row.cluster !== '')).toBe(true);
  });
});
