import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/cli/openSession';
import { cachedRecommendations } from '../../src/core/session/recommendSession';
import type { RecommendMethod } from '../../src/core/recommend/recommendOptions';
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

/** Every customer's list length for the sample, as the core computes it outside the page. */
async function expectedRows(method: RecommendMethod, n: number): Promise<number> {
  const path = join(import.meta.dirname, '..', '..', 'public', 'transactions.csv');
  const session = await openSession(path, {}, () => {});
  const rfm = { mapping: session.summary().transactions.mapping, dateOrder: null, snapshot: null };
  const { counts } = cachedRecommendations(session, { rfm, options: { top: n } }, method);
  return counts.reduce((sum, count) => sum + count, 0);
}

/** The methods by the names the page gives them. */
const METHODS = new Map<string, RecommendMethod>([
  ['Best sellers', 'popularity'],
  ['Item-based', 'item'],
  ['User-based', 'user'],
]);

describe('Recommendations in Chromium', { timeout: 600_000 }, () => {
  it('sample transactions -> Recommendations -> three methods -> a customer -> the download', async () => {
    watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.getByRole('button', { name: 'Try sample transactions' }).click();
    await page
      .getByRole('table', { name: 'Clusters by RFM segment' })
      .waitFor({ timeout: 300_000 });
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 300_000 })
      .toBe('false');

    const region = page.getByRole('region', { name: /Recommendations/ });
    await region.getByRole('button', { name: 'Evaluate the three methods' }).click();
    const table = region.getByRole('table', { name: 'Methods measured at N = 10' });
    await table.waitFor({ timeout: 300_000 });
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([
      'Best sellers',
      'Item-based',
      'User-based',
    ]);
    await expect
      .poll(() => region.getByText(/on NDCG@10/).count(), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await region
      .getByRole('table', { name: 'NDCG at N = 10 per named RFM segment' })
      .waitFor({ timeout: 60_000 });
    // The lists follow the method with the highest NDCG (the earlier on a tie), as --out does.
    let best = { name: '', ndcg: -1 };
    for (const row of (await table.getByRole('row').all()).slice(1)) {
      const ndcg = Number((await row.getByRole('cell').allTextContents())[3]);
      if (ndcg > best.ndcg)
        best = { name: (await row.getByRole('rowheader').textContent()) ?? '', ndcg };
    }
    const method = METHODS.get(best.name) as RecommendMethod;
    expect(method).toBeDefined();

    // A customer of the RFM table who spent little (so bought few of the sample's products, and
    // has some left to recommend), looked up by id.
    const customersTable = page.getByRole('table', { name: 'Customers', exact: true });
    const firstId = () => customersTable.getByRole('rowheader').first().textContent();
    const topSpender = await firstId();
    await customersTable.getByRole('button', { name: /Monetary/ }).click();
    await expect.poll(firstId, { timeout: 60_000 }).not.toBe(topSpender);
    await customersTable
      .getByRole('columnheader', { name: /Monetary/ })
      .and(page.locator('[aria-sort="ascending"]'))
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 300_000 })
      .toBe('false');
    const id = (
      await page
        .getByRole('table', { name: 'Customers', exact: true })
        .getByRole('rowheader')
        .first()
        .textContent()
    )?.trim() as string;
    expect(id).toMatch(/^\d+$/);
    await region.getByLabel('Customer id').fill(id);
    await region.getByRole('button', { name: 'Look up' }).click();
    await region.getByRole('heading', { name: `Customer ${id}` }).waitFor({ timeout: 300_000 });
    const list = region.getByRole('table', { name: `Top 10 for customer ${id}: ${best.name}` });
    await list.waitFor({ timeout: 60_000 });
    const shown = await list.getByRole('row').count();
    expect(shown - 1).toBeLessThanOrEqual(10);

    // Every customer's top 10: customers x N, fewer where a customer has fewer candidates.
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 300_000 })
      .toBe('false');
    const downloadStarted = page.waitForEvent('download', { timeout: 300_000 });
    await region
      .getByRole('button', { name: 'Download recommendations for all customers' })
      .click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(
      `transactions - recommendations (${best.name.toLowerCase()}).csv`,
    );
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data;
    const customers = new Set(rows.map((row) => row.customer));
    expect(rows.length).toBe(await expectedRows(method, 10));
    expect(rows.length).toBeLessThanOrEqual(customers.size * 10);
    expect(rows.filter((row) => row.customer === id)).toHaveLength(shown - 1);
    expect(Object.keys(rows[0])).toEqual([
      'customer',
      'segment',
      'rank',
      'item',
      'description',
      'score',
      'because',
    ]);
  });
});
