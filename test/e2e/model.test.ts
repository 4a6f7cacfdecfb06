import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Browser, Locator } from 'playwright-core';
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

const number = (text: string) => Number(text.replace(/[,%]/g, ''));

/** Each body row's header and the numbers in its cells. */
async function bodyRows(table: Locator): Promise<{ name: string; cells: number[] }[]> {
  const rows = [];
  for (const row of await table.locator('tbody tr').all())
    rows.push({
      name: await row.getByRole('rowheader').innerText(),
      cells: (await row.getByRole('cell').allInnerTexts()).map(number),
    });
  return rows;
}

interface SavedModel {
  format: string;
  source: { fileName: string };
  segments: { id: number; size: number; name: string | null }[];
}

describe('Save and apply in Chromium (#17)', { timeout: 300_000 }, () => {
  it('sample customers -> save (a renamed segment) -> reload -> open -> apply to the same file -> scored CSV -> DuckDB SQL', async () => {
    watched = await openPage(browser, server.url);
    const { page } = watched;
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 120_000 })
      .toBe('false');

    // Save analysis, with a name of the user's for segment 1.
    const exportSection = page.getByRole('region', { name: /Export/ });
    await exportSection
      .getByLabel('Name of segment 1', { exact: true })
      .fill('Frequent visitors 常客');
    const saveStarted = page.waitForEvent('download');
    await exportSection.getByRole('button', { name: 'Save analysis' }).click();
    const saveDownload = await saveStarted;
    expect(saveDownload.suggestedFilename()).toBe('customers - model.json');
    const modelPath = (await saveDownload.path()) as string;
    const model = JSON.parse(await readFile(modelPath, 'utf8')) as SavedModel;
    expect(model.format).toBe('segmentlens-model');
    expect(model.source.fileName).toBe('customers.csv');
    expect(model.segments.length).toBeGreaterThan(1);
    expect(model.segments.map((s) => s.name)).toEqual(
      model.segments.map((s) => (s.id === 1 ? 'Frequent visitors 常客' : null)),
    );

    // A fresh page: open the saved analysis, then the same file.
    await page.reload();
    await page.getByLabel('Open a saved analysis').setInputFiles(modelPath);
    const panel = page.getByRole('region', { name: 'Saved analysis' });
    await panel.waitFor({ timeout: 60_000 });
    expect(await panel.innerText()).toContain('Frequent visitors 常客');
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    const sizes = panel.getByRole('table', { name: 'Segment sizes now and when saved' });
    await sizes.waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 60_000 }).toBe(0);
    // A late report of progress does not bring the bar back.
    await page.getByRole('button', { name: 'Close the saved analysis' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('false');

    // Sizes when saved are the model's; now, the same rows, plus the exact duplicate rows the
    // analysis had set aside (applying scores every row).
    const rows = await bodyRows(sizes);
    expect(rows.map((row) => row.name)).toEqual(
      model.segments.map((s) =>
        s.id === 1 ? '1: Frequent visitors 常客' : expect.stringMatching(`^${s.id}: `),
      ),
    );
    rows.forEach((row, s) => {
      expect(row.cells[2]).toBe(model.segments[s].size);
      expect(row.cells[0]).toBeGreaterThanOrEqual(model.segments[s].size);
      expect(row.cells[0]).toBeLessThanOrEqual(model.segments[s].size + 10);
    });
    const scoredNow = rows.reduce((sum, row) => sum + row.cells[0], 0);

    const scoredStarted = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download all rows, scored' }).click();
    const scoredDownload = await scoredStarted;
    expect(scoredDownload.suggestedFilename()).toBe('customers - model applied, all segments.csv');
    const all = Papa.parse<Record<string, string>>(
      (await readFile((await scoredDownload.path()) as string, 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data;
    // Every row of the file; the ones the model could not score have an empty segment.
    const scored = all.filter((r) => r.segment !== '');
    expect(scored).toHaveLength(scoredNow);
    rows.forEach((row, s) =>
      expect(scored.filter((r) => r.segment === String(s))).toHaveLength(row.cells[0]),
    );
    expect(scored.find((r) => r.segment === '1')?.segment_label).toBe('Frequent visitors 常客');

    // SQL for DuckDB: the header, then one WITH ... SELECT over the table "customers".
    await panel.getByLabel('Database').selectOption('duckdb');
    const sqlStarted = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Download SQL' }).click();
    const sqlDownload = await sqlStarted;
    expect(sqlDownload.suggestedFilename()).toBe('customers - duckdb.sql');
    const sql = await readFile((await sqlDownload.path()) as string, 'utf8');
    expect(sql.split('\n')[0]).toMatch(
      /^-- SegmentLens "[\d.]+": a saved model as one query, for DuckDB\.$/,
    );
    expect(sql).toContain('-- Reads the table "customers"');
    expect(sql).toMatch(/\nWITH\n/);
    expect(sql).toMatch(/\nSELECT\b/);
    expect(sql).toContain("'Frequent visitors 常客'");
    const preview = await panel.getByLabel('The first lines of the query').innerText();
    expect(sql.startsWith(preview.trimEnd())).toBe(true);
  });
});
