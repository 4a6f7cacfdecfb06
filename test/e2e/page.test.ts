import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateCustomersCsv } from '../../scripts/generators/customers';
import { generateTransactionsCsv } from '../../scripts/generators/transactions';
import { readPage, untranslated, untranslatedChinese, type PageWords } from '../support/page';
import { foreignRequests, launchBrowser, openPage, serveBuild, type Watched } from './browser';
import { closeWatched } from './watchedPage';

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
  watched = await closeWatched(watched, server.url);
});

type Language = 'en' | 'zh';

/**
 * What the tests look for, in each language: the controls' accessible names, the sentences
 * they wait for, the names of the files the page saves. The Chinese ones are written out here,
 * as a Chinese user reads them, not taken from the catalogs the page uses.
 */
const WORDS = {
  en: {
    chooseFile: 'Choose a CSV, Excel or Parquet file',
    dropZone: 'Drop a CSV, Excel or Parquet file here or choose one',
    loadRegion: /Load a file/,
    progress: 'Analysis progress',
    clustering: /Clustering/,
    cancel: 'Cancel',
    cancelled: /Cancelled/,
    elbow: 'Elbow curve',
    scatter: 'Segment scatter',
    profiles: 'Segment profiles',
    segmentCount: 'Number of segments',
    downloadAll: 'Download all segments',
    allSegmentsFile: (name: string, k: number) => `${name} - all segments (k=${k}).csv`,
    dbscanFile: /^customers - all segments \(DBSCAN, k=\d+\)\.csv$/,
    sampleCustomers: 'Try sample customers',
    algorithm: 'Clustering algorithm',
    suggestedEps: 'Use the suggested eps',
    eps: 'Neighbourhood radius (eps)',
    kDistance: 'k-distance plot',
    atSmallEps: 'at eps 0.5,',
    noise: 'Noise',
    linkage: 'Linkage',
    dendrogram: 'Dendrogram',
    averageTree: 'average linkage tree',
    compare: 'Compare algorithms',
    comparison: /Algorithm comparison/,
    algorithms: ['k-means', 'Hierarchical', 'DBSCAN'],
    hierarchical: /Hierarchical/,
    workbook: /^This file is a damaged zip archive, not a CSV, Excel workbook or Parquet file/,
    segmentSummary: 'Segment summary',
    transactions: /Analyse as transactions/,
    champions: 'Champions',
    crossTable: 'Clusters by RFM segment',
    rfmDownload: 'Download the RFM table',
    rfmFile: 'orders - RFM table.csv',
  },
  zh: {
    chooseFile: '选择 CSV、Excel 或 Parquet 文件',
    dropZone: '把 CSV、Excel 或 Parquet 文件拖到这里，或选择文件',
    loadRegion: /加载文件/,
    progress: '分析进度',
    clustering: /正在聚类/,
    cancel: '取消',
    cancelled: /已取消/,
    elbow: '肘部曲线',
    scatter: '细分群散点图',
    profiles: '细分群画像',
    segmentCount: '细分群数量',
    downloadAll: '下载全部细分群',
    allSegmentsFile: (name: string, k: number) => `${name} - 全部细分群（k=${k}）.csv`,
    dbscanFile: /^customers - 全部细分群（DBSCAN，k=\d+）\.csv$/,
    sampleCustomers: '试用示例客户数据',
    algorithm: '聚类算法',
    suggestedEps: '使用建议的 eps',
    eps: '邻域半径（eps）',
    kDistance: 'k-距离图',
    atSmallEps: '在 eps 为 0.5 时',
    noise: '噪声',
    linkage: '连接方法',
    dendrogram: '树状图',
    averageTree: '平均连接聚类树',
    compare: '比较算法',
    comparison: /算法比较/,
    algorithms: ['k-means', '层次聚类', 'DBSCAN'],
    hierarchical: /层次聚类/,
    workbook: /^这个文件是 zip 压缩包（已损坏），不是 CSV、Excel 工作簿或 Parquet 文件/,
    segmentSummary: '细分群汇总',
    transactions: /按交易分析/,
    champions: '冠军客户',
    crossTable: '聚类与 RFM 细分群交叉表',
    rfmDownload: '下载 RFM 表',
    rfmFile: 'orders - RFM 表.csv',
  },
} satisfies Record<Language, unknown>;

/**
 * A fresh page in a browser whose language is English, switched to `language` as a user
 * switches it: with the switch in the masthead.
 */
async function open(language: Language = 'en'): Promise<Page> {
  watched = await openPage(browser, server.url);
  const { page } = watched;
  if (language === 'zh') {
    await page.getByRole('combobox', { name: 'Language / 语言' }).selectOption('zh');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  }
  return page;
}

/** The page says nothing in the other language outside user data and technical terms. */
async function expectOneLanguage(page: Page, language: Language): Promise<void> {
  // readPage runs in the page (it needs no helper), on the page's own document.
  const words = await page.evaluate(readPage as () => PageWords);
  expect(words.said.length).toBeGreaterThan(10);
  if (language === 'zh') expect(untranslated(words)).toEqual([]);
  else expect(untranslatedChinese(words)).toEqual([]);
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
async function waitForResults(
  page: Page,
  fileName: string,
  language: Language = 'en',
  timeout = 60_000,
): Promise<void> {
  const words = WORDS[language];
  await expect
    .poll(
      async () =>
        (await page.getByRole('region', { name: words.loadRegion }).innerText()).includes(
          fileName,
        ) && (await page.getByRole('progressbar', { name: words.progress }).count()) === 0,
      { timeout, interval: 100 },
    )
    .toBe(true);
  await page.getByRole('figure', { name: words.elbow }).waitFor({ timeout });
  await page.getByRole('figure', { name: words.scatter }).waitFor({ timeout });
  await page.getByRole('table', { name: words.profiles }).waitFor({ timeout });
}

/** Segment id -> size, as the profile table states them. */
async function profileSizes(page: Page, language: Language = 'en'): Promise<Map<string, number>> {
  const rows = page.getByRole('table', { name: WORDS[language].profiles }).locator('tbody tr');
  const sizes = new Map<string, number>();
  for (const row of await rows.all()) {
    const name = (await row.getByRole('rowheader').innerText()).trim();
    const size = Number((await row.getByRole('cell').first().innerText()).replace(/,/g, ''));
    sizes.set(name.split(/[:：]/)[0], size);
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
        // An inline script runs as it is appended, or is refused with a violation event: wait
        // for whichever happens (no fixed wait).
        const refused = new Promise<void>((resolve) =>
          document.addEventListener('securitypolicyviolation', (event) => {
            if (event.effectiveDirective === 'script-src-elem') resolve();
          }),
        );
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.body.append(script);
        if ((window as unknown as { __inlineRan?: boolean }).__inlineRan !== true) await refused;
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
      // Its headers make it cross-origin isolated: its workers can share the scaled matrix.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});

describe.each<Language>(['en', 'zh'])('the page in Chromium, in %s', (language) => {
  const words = WORDS[language];

  it('loads a file through the labelled input, shows the results, changes k, and downloads all segments', async () => {
    const page = await open(language);
    await page
      .getByLabel(words.chooseFile)
      .setInputFiles(await writeCustomers('shop.csv', 1200, 11));
    await waitForResults(page, 'shop.csv', language);
    await expect
      .poll(() => page.getByRole('region', { name: words.loadRegion }).innerText())
      .toContain('shop.csv');
    // The charts drew: a circle per point in the scatter (one path per segment), lines in the elbow.
    const drawn = await page
      .getByRole('figure', { name: words.scatter })
      .locator('svg .segment-points path')
      .evaluateAll((paths) =>
        paths.reduce((sum, path) => sum + (path.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
      );
    expect(drawn).toBeGreaterThan(1000);
    expect(
      await page.getByRole('figure', { name: words.elbow }).locator('svg .plot__line').count(),
    ).toBe(2);

    await page.getByRole('combobox', { name: words.segmentCount }).selectOption('5');
    await expect.poll(async () => (await profileSizes(page, language)).size).toBe(5);
    const sizes = await profileSizes(page, language);
    await expectOneLanguage(page, language);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: words.downloadAll }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(words.allSegmentsFile('shop', 5));
    const text = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
    const all = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data;
    // Every record of the file: the ones set aside have no segment and say why.
    const rows = all.filter((row) => row.segment !== '');
    expect(
      all.filter((row) => row.segment === '').every((row) => row.set_aside_reason !== ''),
    ).toBe(true);
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
      'set_aside_reason',
    ]);
  });

  it('switches the sample customers to DBSCAN and hierarchical clustering: noise in the scatter, profiles and export, a dendrogram, a comparison', async () => {
    const page = await open(language);
    await page.getByRole('button', { name: words.sampleCustomers }).click();
    await waitForResults(page, 'customers.csv', language);
    await page.getByLabel(words.algorithm).selectOption('dbscan');
    await page.getByLabel(words.suggestedEps).uncheck();
    await page.getByLabel(words.eps).fill('0.5');
    await page
      .getByRole('figure', { name: words.kDistance })
      .filter({ hasText: words.atSmallEps })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => page.getByRole('progressbar', { name: words.progress }).count())
      .toBe(0);
    // Noise is drawn (grey points of segment -1), listed in the legend and profiled.
    const scatter = page.getByRole('figure', { name: words.scatter });
    await expect.poll(() => scatter.getByText(words.noise, { exact: true }).count()).toBe(1);
    const noisePoints = Number(
      await scatter.locator('svg path[data-segment="-1"]').getAttribute('data-points'),
    );
    expect(noisePoints).toBeGreaterThan(0);
    const sizes = await profileSizes(page, language);
    expect(sizes.get(words.noise)).toBeGreaterThan(0);
    await expectOneLanguage(page, language);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: words.downloadAll }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toMatch(words.dbscanFile);
    const rows = Papa.parse<Record<string, string>>(
      (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, ''),
      { header: true, skipEmptyLines: true },
    ).data.filter((row) => row.segment !== '');
    const counted = new Map<string, number>();
    for (const row of rows) counted.set(row.segment, (counted.get(row.segment) ?? 0) + 1);
    const expected = new Map(
      [...sizes].map(([name, size]) => [name === words.noise ? '-1' : name, size]),
    );
    expect(counted).toEqual(expected);
    expect(
      rows.filter((row) => row.segment === '-1').every((row) => row.segment_label === words.noise),
    ).toBe(true);
    // And what DBSCAN made of each row: noise exactly where the segment is -1.
    expect(rows.every((row) => (row.dbscan_point === 'noise') === (row.segment === '-1'))).toBe(
      true,
    );
    expect(rows.some((row) => row.dbscan_point === 'core')).toBe(true);

    await page.getByLabel(words.algorithm).selectOption('hierarchical');
    await page.getByLabel(words.linkage).selectOption('average');
    await page
      .getByRole('figure', { name: words.dendrogram })
      .filter({ hasText: words.averageTree })
      .waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => page.getByRole('progressbar', { name: words.progress }).count())
      .toBe(0);
    expect(
      await page.getByRole('figure', { name: words.dendrogram }).locator('svg path').count(),
    ).toBe(29);
    await page.getByRole('combobox', { name: words.segmentCount }).selectOption('3');
    await expect.poll(async () => (await profileSizes(page, language)).size).toBe(3);

    await page.getByRole('button', { name: words.compare }).click();
    const table = page.getByRole('table', { name: words.comparison });
    await table.waitFor({ timeout: 60_000 });
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual(words.algorithms);
    expect(await table.getByRole('row', { name: words.hierarchical }).innerText()).toContain(
      'k = 3',
    );
    await expectOneLanguage(page, language);
  });

  it('takes a file dragged onto the drop zone', async () => {
    const page = await open(language);
    const csv = generateCustomersCsv({ rows: 500, seed: 4 });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    const zone = page.getByRole('region', { name: words.dropZone });
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
    await waitForResults(page, 'dropped.csv', language);
    expect(await page.getByRole('region', { name: words.loadRegion }).innerText()).toContain(
      'dropped.csv',
    );
  });

  it('cancels a running analysis at once, keeps the last good results, and runs again', async () => {
    const page = await open(language);
    await page.getByRole('button', { name: words.sampleCustomers }).click();
    await waitForResults(page, 'customers.csv', language);
    const before = await profileSizes(page, language);

    await page
      .getByLabel(words.chooseFile)
      .setInputFiles(await writeCustomers('big.csv', 40_000, 5));
    const progress = page.getByRole('progressbar', { name: words.progress });
    await progress.waitFor();
    await expect
      .poll(async () => (await progress.getAttribute('aria-valuetext')) ?? '', { timeout: 30_000 })
      .toMatch(words.clustering);
    await page.getByRole('button', { name: words.cancel }).click();
    await expect
      .poll(
        async () =>
          (await progress.count()) === 0
            ? 'stopped'
            : `still running: ${await page.getByRole('status').innerText()} / ${await progress.getAttribute('aria-valuetext')}`,
        { timeout: 2_000 },
      )
      .toBe('stopped');
    expect(await page.getByRole('status').innerText()).toMatch(words.cancelled);
    // The page is back to the sample and its results (restored in a task of their own).
    await expect
      .poll(() => page.getByRole('region', { name: words.loadRegion }).innerText(), {
        timeout: 2_000,
      })
      .toContain('customers.csv');
    await expect.poll(() => profileSizes(page, language), { timeout: 2_000 }).toEqual(before);

    await page
      .getByLabel(words.chooseFile)
      .setInputFiles(await writeCustomers('small.csv', 600, 8));
    await waitForResults(page, 'small.csv', language);
    expect(await page.getByRole('region', { name: words.loadRegion }).innerText()).toContain(
      'small.csv',
    );
  });

  it('refuses a workbook in one sentence and then reads the next file', async () => {
    const page = await open(language);
    const workbook = join(dir, 'book.csv');
    await writeFile(workbook, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
    await page.getByLabel(words.chooseFile).setInputFiles(workbook);
    // The file is read in the worker: on a busy machine that can take a few seconds.
    await expect
      .poll(() => page.getByRole('alert').innerText(), { timeout: 30_000 })
      .toMatch(words.workbook);
    await expectOneLanguage(page, language);
    await page
      .getByLabel(words.chooseFile)
      .setInputFiles(await writeCustomers('after.csv', 300, 9));
    await waitForResults(page, 'after.csv', language);
    expect(await page.getByRole('alert').innerText()).toBe('');
  });

  it('takes dropped order lines to RFM tables, clusters and a downloadable RFM table', async () => {
    const page = await open(language);
    const csv = generateTransactionsCsv({ customers: 300, seed: 12 });
    const dataTransfer = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'orders.csv', { type: 'text/csv' }));
      return transfer;
    }, csv);
    await page
      .getByRole('region', { name: words.dropZone })
      .dispatchEvent('drop', { dataTransfer });
    const summary = page.getByRole('table', { name: words.segmentSummary });
    await summary.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('radio', { name: words.transactions }).isChecked()).toBe(true);
    const counts = new Map<string, number>();
    for (const row of await summary.locator('tbody tr').all()) {
      const name = (await row.getByRole('rowheader').innerText()).trim();
      counts.set(name, Number((await row.getByRole('cell').first().innerText()).replace(/,/g, '')));
    }
    const customers = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(customers).toBeGreaterThan(250);
    expect(counts.get(words.champions)).toBeGreaterThan(0);
    await page.getByRole('table', { name: words.crossTable }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('progressbar', { name: words.progress }).count())
      .toBe(0);
    await expectOneLanguage(page, language);

    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: words.rfmDownload }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe(words.rfmFile);
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
      'cluster_label',
    ]);
    const bySegment = new Map<string, number>();
    for (const row of rows) bySegment.set(row.segment, (bySegment.get(row.segment) ?? 0) + 1);
    for (const [name, count] of counts) expect(bySegment.get(name) ?? 0, name).toBe(count);
    expect(rows.every((row) => row.cluster !== '')).toBe(true);
  });
});

describe('the page’s language in Chromium', () => {
  it('starts in Chinese for a Chinese browser, keeps the analysis when switched, and remembers the choice across a reload', async () => {
    watched = await openPage(browser, server.url, { width: 1280, height: 900 }, 'zh-CN');
    const { page } = watched;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.title()).toBe('SegmentLens — 在浏览器中根据 CSV 文件进行客户细分');
    await page.getByRole('button', { name: WORDS.zh.sampleCustomers }).click();
    await waitForResults(page, 'customers.csv', 'zh');
    const sizes = await profileSizes(page, 'zh');
    await expectOneLanguage(page, 'zh');

    // Switched while results are on show: the same results, in English, nothing run again.
    const switcher = page.getByRole('combobox', { name: 'Language / 语言' });
    await switcher.selectOption('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await profileSizes(page, 'en')).toEqual(
      new Map([...sizes].map(([name, size]) => [name === '噪声' ? 'Noise' : name, size])),
    );
    await expectOneLanguage(page, 'en');

    // A reload keeps the choice made on this device, over the browser's language.
    await page.reload();
    await page.getByRole('button', { name: WORDS.en.sampleCustomers }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await switcher.selectOption('zh');
    await page.reload();
    await page.getByRole('button', { name: WORDS.zh.sampleCustomers }).waitFor();
    expect(await switcher.inputValue()).toBe('zh');
  });
});
