import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeParquet, writeXlsx, type ParquetColumn } from '../../scripts/generators/workbooks';
import { launchBrowser, openPage, serveBuild } from './browser';

/**
 * The same shared dataset as CSV, as an Excel workbook and as a Parquet file (both written from
 * the CSV's rows here) gives the same analysis on the page (issue #19).
 */
const SHARED = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'datasets',
  'mall_customers.csv',
);

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmentlens-formats-'));
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The analysis on show once `name` is read: the recommended k and the profiles, as text. */
async function analysisOf(page: Page, path: string, name: string) {
  await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
  const load = page.getByRole('region', { name: /Load a file/ });
  await expect
    .poll(
      async () =>
        (await load.innerText()).includes(name) &&
        (await page.getByRole('progressbar').count()) === 0 &&
        (await page.getByRole('table', { name: 'Segment profiles' }).count()) === 1,
      { timeout: 120_000, interval: 100 },
    )
    .toBe(true);
  return {
    k: await page.getByLabel('Number of segments').inputValue(),
    profiles: await page.getByRole('table', { name: 'Segment profiles' }).innerText(),
    rows: await page.getByRole('table', { name: 'Rows read, analysed and set aside' }).innerText(),
  };
}

describe('the same dataset as CSV, Excel and Parquet', { timeout: 300_000 }, () => {
  it('gives the same analysis on the page', async () => {
    const text = await readFile(SHARED, 'utf8');
    const { data } = Papa.parse<string[]>(text.trim(), { header: false });
    const [header, ...rows] = data;
    const numeric = header.map((_, j) =>
      rows.every((row) => row[j] !== '' && !Number.isNaN(Number(row[j]))),
    );
    const cells = rows.map((row) => row.map((cell, j) => (numeric[j] ? Number(cell) : cell)));
    const xlsx = join(dir, 'mall_customers.xlsx');
    await writeFile(xlsx, writeXlsx({ sheets: [{ name: 'Customers', rows: [header, ...cells] }] }));
    const columns: ParquetColumn[] = header.map((name, j) => ({
      name,
      data: numeric[j]
        ? Float64Array.from(rows, (row) => Number(row[j]))
        : rows.map((row) => row[j]),
      type: numeric[j] ? 'DOUBLE' : 'STRING',
    }));
    const parquet = join(dir, 'mall_customers.parquet');
    await writeFile(parquet, writeParquet(columns));

    const { page, consoleErrors } = await openPage(browser, server.url);
    const fromCsv = await analysisOf(page, SHARED, 'mall_customers.csv');
    expect(fromCsv.profiles.length).toBeGreaterThan(100);
    expect(await analysisOf(page, xlsx, 'mall_customers.xlsx')).toEqual(fromCsv);
    expect(await analysisOf(page, parquet, 'mall_customers.parquet')).toEqual(fromCsv);
    expect(consoleErrors).toEqual([]);
  });
});
