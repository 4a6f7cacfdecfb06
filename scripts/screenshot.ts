import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, serveBuild } from '../test/e2e/browser';

/**
 * The README's screenshots, taken from the real page (the production build in headless
 * Chromium) in English and in Chinese (a first visit from a Chinese browser): the sample
 * customers with k-means, DBSCAN and hierarchical clustering, the comparison, and the sample
 * transactions' RFM (ten segments by R and F scores, and eight by R, F and M against the mean). Run: npm run build && npm run screenshot. SCREENSHOT_DIR and
 * SCREENSHOT_WIDTH take them elsewhere and at another width (420 for a phone).
 */
const out = process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '..', 'docs');
const width = Number(process.env.SCREENSHOT_WIDTH ?? 1280);

/** The names the script finds the page's parts by, in each language. */
const NAMES = {
  en: {
    locale: 'en-GB',
    suffix: '',
    sampleCustomers: 'Try sample customers',
    profiles: 'Segment profiles',
    segments: /Segments/,
    algorithm: 'Clustering algorithm',
    kDistance: 'k-distance plot',
    dendrogram: 'Dendrogram',
    compare: 'Compare algorithms',
    comparison: /Algorithm comparison/,
    compareRegion: /Compare algorithms/,
    sampleTransactions: 'Try sample transactions',
    crossTable: 'Clusters by RFM segment',
    rfmRegion: /RFM segments/,
    scheme: 'Named segments',
  },
  zh: {
    locale: 'zh-CN',
    suffix: '-zh',
    sampleCustomers: '试用示例客户数据',
    profiles: '细分群画像',
    segments: /客户细分/,
    algorithm: '聚类算法',
    kDistance: 'k-距离图',
    dendrogram: '树状图',
    compare: '比较算法',
    comparison: /算法比较/,
    compareRegion: /比较算法/,
    sampleTransactions: '试用示例交易数据',
    crossTable: '聚类与 RFM 细分群交叉表',
    rfmRegion: /RFM 细分/,
    scheme: '命名细分',
  },
};

/** Waits until no work is under way (the progress bar is gone). */
async function idle(page: Page): Promise<void> {
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 120_000 });
}

async function shoot(page: Page, names: (typeof NAMES)['en']): Promise<string[]> {
  const written: string[] = [];
  const file = (name: string) => {
    const path = join(out, `screenshot-${name}${names.suffix}.png`);
    written.push(path);
    return path;
  };
  await page.getByRole('button', { name: names.sampleCustomers }).click();
  await page.getByRole('table', { name: names.profiles }).waitFor({ timeout: 120_000 });
  await idle(page);
  await page.getByRole('region', { name: names.segments }).screenshot({ path: file('results') });
  await page.screenshot({ path: file('page'), fullPage: true });
  const algorithm = page.getByLabel(names.algorithm);
  await algorithm.selectOption('dbscan');
  await page.getByRole('figure', { name: names.kDistance }).waitFor({ timeout: 120_000 });
  await idle(page);
  await page.getByRole('region', { name: names.segments }).screenshot({ path: file('dbscan') });
  await algorithm.selectOption('hierarchical');
  await page.getByRole('figure', { name: names.dendrogram }).waitFor({ timeout: 120_000 });
  await idle(page);
  await page
    .getByRole('region', { name: names.segments })
    .screenshot({ path: file('hierarchical') });
  await page.getByRole('button', { name: names.compare }).click();
  await page.getByRole('table', { name: names.comparison }).waitFor({ timeout: 120_000 });
  await page
    .getByRole('region', { name: names.compareRegion })
    .screenshot({ path: file('compare') });
  await page.getByRole('button', { name: names.sampleTransactions }).click();
  await page.getByRole('table', { name: names.crossTable }).waitFor({ timeout: 120_000 });
  await idle(page);
  await page.getByRole('region', { name: names.rfmRegion }).screenshot({ path: file('rfm') });
  await page.screenshot({ path: file('rfm-page'), fullPage: true });
  // The eight segments by R, F and M above or below the mean.
  await page.getByLabel(names.scheme).selectOption('rfm-mean');
  await page.getByRole('region', { name: names.rfmRegion }).screenshot({ path: file('rfm-mean') });
  return written;
}

// Chinese text needs a CJK font; without one Chromium draws empty boxes.
try {
  if (execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() === '')
    console.warn('No Chinese font is installed (apt-get install fonts-wqy-microhei).');
} catch {
  // No fontconfig to ask: take the screenshots anyway.
}

const [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
try {
  const written: string[] = [];
  for (const names of Object.values(NAMES)) {
    const { page } = await openPage(browser, server.url, { width, height: 900 }, names.locale);
    written.push(...(await shoot(page, names)));
    await page.context().close();
  }
  console.log(`wrote ${written.join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
