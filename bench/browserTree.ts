import type { Page } from 'playwright-core';
import { launchBrowser, openPage, serveBuild } from '../test/e2e/browser';
import { benchFile } from './benchData';
import { browserRss } from './browserMemory';
import { machine, seconds } from './common';

/**
 * Merge trees in the real page: on the seeded benchmark file (100,000 x 8 by default), the
 * hierarchical clustering is switched on and the rows in the tree raised from the default 5,000
 * to --tree-rows (10,000 by default); then each linkage is chosen in turn. Each step is timed
 * from the change to the dendrogram over that many rows on screen, with the growth of the
 * browser's resident memory (all its processes) above what it held just before.
 * Run: npm run bench:browser-tree [-- --rows 100000] [-- --tree-rows 10000]
 */
function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}
const fileRows = flag('--rows', 100_000);
const treeRows = flag('--tree-rows', 10_000);

const LINKAGE_OPTIONS = { ward: 'ward', complete: 'complete', average: 'average' } as const;
const LINKAGE_WORDS = { ward: 'Ward', complete: 'complete', average: 'average' } as const;

/** Resolves when the dendrogram describes a tree of this linkage over this many rows, and the page is idle. */
async function treeOnScreen(page: Page, linkage: string, rows: number) {
  const expected = `${linkage} linkage tree (Euclidean distance) over ${rows.toLocaleString('en')} rows`;
  await page.waitForFunction(
    (text) =>
      document.body.innerText.includes(text) && !document.querySelector('[aria-busy="true"]'),
    expected,
    { timeout: 600_000, polling: 50 },
  );
}

/** Runs `change` and reports how long the page took to show the new tree, and the memory it took. */
async function step(page: Page, change: () => Promise<void>, linkage: string, rows: number) {
  const before = browserRss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, browserRss())), 100);
  const start = performance.now();
  await change();
  await treeOnScreen(page, linkage, rows);
  const time = seconds(performance.now() - start);
  clearInterval(sampler);
  return { time, memory: Math.max(peak, browserRss()) - before };
}

const { path, bytes } = await benchFile(fileRows);
const server = await serveBuild();
const browser = await launchBrowser();
const results: string[][] = [];
try {
  const { page, consoleErrors } = await openPage(browser, server.url);
  await page.getByLabel('Choose a CSV, Excel or Parquet file').setInputFiles(path);
  await page
    .getByRole('table', { name: 'Segment profiles' })
    .waitFor({ timeout: 600_000, state: 'visible' });
  const first = await step(
    page,
    () =>
      page
        .getByLabel('Clustering algorithm')
        .selectOption('hierarchical')
        .then(() => {}),
    LINKAGE_WORDS.ward,
    Math.min(5000, fileRows),
  );
  results.push([
    `${Math.min(5000, fileRows).toLocaleString('en')} (default)`,
    'ward',
    first.time,
    Math.round(first.memory).toString(),
  ]);
  await page.getByRole('button', { name: 'Change settings' }).click();
  const field = page.getByLabel('Rows in the tree (at most)');
  const raised = await step(page, () => field.fill(String(treeRows)), LINKAGE_WORDS.ward, treeRows);
  results.push([
    treeRows.toLocaleString('en'),
    'ward',
    raised.time,
    Math.round(raised.memory).toString(),
  ]);
  for (const linkage of ['complete', 'average'] as const) {
    const measured = await step(
      page,
      () =>
        page
          .getByLabel('Linkage')
          .selectOption(LINKAGE_OPTIONS[linkage])
          .then(() => {}),
      LINKAGE_WORDS[linkage],
      treeRows,
    );
    results.push([
      treeRows.toLocaleString('en'),
      linkage,
      measured.time,
      Math.round(measured.memory).toString(),
    ]);
  }
  if (consoleErrors.length > 0)
    throw new Error(`The page logged errors: ${consoleErrors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
}

console.log(
  `Merge trees in the page (Chromium; ${fileRows.toLocaleString('en')} x 8 rows, ${(bytes / 1e6).toFixed(1)} MB; ${machine()})\n`,
);
console.log(
  '| rows in the tree | linkage | change to tree on screen (s) | browser memory growth (MB) |',
);
console.log('|---:|---|---:|---:|');
for (const row of results) console.log(`| ${row.join(' | ')} |`);
