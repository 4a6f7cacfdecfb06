import { join } from 'node:path';
import { launchBrowser, openPage, serveBuild } from '../test/e2e/browser';

/**
 * The README's screenshot, taken from the real page (the production build in headless
 * Chromium) after loading the sample customers. Run: npm run build && npm run screenshot.
 */
const out = join(import.meta.dirname, '..', 'docs');
const [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
try {
  const { page } = await openPage(browser, server.url, { width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Try sample customers' }).click();
  await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 120_000 });
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: /Segments/ })
    .screenshot({ path: join(out, 'screenshot-results.png') });
  await page.screenshot({ path: join(out, 'screenshot-page.png'), fullPage: true });
  const algorithm = page.getByLabel('Clustering algorithm');
  await algorithm.selectOption('dbscan');
  await page.getByRole('figure', { name: 'k-distance plot' }).waitFor({ timeout: 120_000 });
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: /Segments/ })
    .screenshot({ path: join(out, 'screenshot-dbscan.png') });
  await algorithm.selectOption('hierarchical');
  await page.getByRole('figure', { name: 'Dendrogram' }).waitFor({ timeout: 120_000 });
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: /Segments/ })
    .screenshot({ path: join(out, 'screenshot-hierarchical.png') });
  await page.getByRole('button', { name: 'Compare algorithms' }).click();
  await page.getByRole('table', { name: /Algorithm comparison/ }).waitFor({ timeout: 120_000 });
  await page
    .getByRole('region', { name: /Compare algorithms/ })
    .screenshot({ path: join(out, 'screenshot-compare.png') });
  await page.getByRole('button', { name: 'Try sample transactions' }).click();
  await page.getByRole('table', { name: 'Clusters by RFM segment' }).waitFor({ timeout: 120_000 });
  await page.getByRole('progressbar').waitFor({ state: 'detached' });
  await page
    .getByRole('region', { name: /RFM segments/ })
    .screenshot({ path: join(out, 'screenshot-rfm.png') });
  await page.screenshot({ path: join(out, 'screenshot-rfm-page.png'), fullPage: true });
  console.log(
    'wrote docs/screenshot-results.png, screenshot-page.png, screenshot-dbscan.png, screenshot-hierarchical.png, screenshot-compare.png, screenshot-rfm.png, screenshot-rfm-page.png',
  );
} finally {
  await browser.close();
  await server.close();
}
