import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, serveBuild } from './browser';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sample customers analysed, and the page done with them. */
async function showSampleCustomers(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try sample customers' }).click();
  await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 180_000 });
  await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 180_000 });
}

/** How far each named part reaches to the right, and the page's own width. */
function rightEdges(page: Page, selectors: string[]) {
  return page.evaluate((wanted) => {
    const width = document.documentElement.clientWidth;
    const edges = wanted.map((selector) => {
      const element = document.querySelector(selector);
      return element ? Math.round(element.getBoundingClientRect().right) : -1;
    });
    return { width, scrollWidth: document.documentElement.scrollWidth, edges };
  }, selectors);
}

// The rates by segment and the spread of a column, on a phone (420 px), in both languages.
describe('the segments section on a phone', { timeout: 300_000 }, () => {
  it('keeps the rates and the spread within the screen, each label with its control', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url, {
      width: 420,
      height: 900,
    });
    try {
      await showSampleCustomers(page);
      // Before it is asked for, the spread's figure holds no blank space where the plot will be.
      const spread = page.getByRole('figure', { name: 'Spread of a column per segment' });
      const body = await spread.locator('.chart__body').boundingBox();
      expect(body?.height).toBe(0);
      await page.getByLabel('Numeric column').selectOption('age');
      await page.getByRole('button', { name: 'Show spread' }).click();
      const plot = page.getByRole('img', { name: /^Box plot, one box per segment/ });
      await plot.waitFor({ timeout: 180_000 });
      // The box plot is drawn at the width it is shown at: its labels are not shrunk to a blur.
      const drawn = await plot.evaluate((svg) => ({
        shown: svg.getBoundingClientRect().width,
        drawn: (svg as SVGSVGElement).viewBox.baseVal.width,
      }));
      expect(drawn.shown).toBeCloseTo(drawn.drawn, 0);
      expect(drawn.shown).toBeLessThanOrEqual(420);

      for (const language of ['en', 'zh'] as const) {
        if (language === 'zh') await page.locator('.language-switch select').selectOption('zh');
        const { width, scrollWidth, edges } = await rightEdges(page, [
          '.rates-table caption',
          '.segment-rates .controls',
          '.box-plot-frame',
        ]);
        expect(scrollWidth).toBeLessThanOrEqual(width);
        // The caption of the wide rates table stays on screen (it wraps), as do its filters and the plot.
        for (const edge of edges) {
          expect(edge).toBeGreaterThan(0);
          expect(edge).toBeLessThanOrEqual(width);
        }
        // Each filter's label sits on its control (a label wrapping alone to another line reads wrong).
        const filters = page.locator('.segment-rates .controls label, .chart__controls label');
        expect(await filters.count()).toBeGreaterThanOrEqual(4);
        for (const filter of await filters.all()) {
          const box = await filter.boundingBox();
          const control = await filter.locator('select, input').boundingBox();
          expect(box && control).toBeTruthy();
          if (!box || !control) continue;
          expect(control.x).toBeGreaterThanOrEqual(box.x - 1);
          expect(control.y).toBeGreaterThanOrEqual(box.y - 1);
          expect(control.y + control.height).toBeLessThanOrEqual(box.y + box.height + 1);
        }
      }
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("keeps the elbow's and the scree chart's tables of values within the screen, each scrolling sideways", async () => {
    const { page, consoleErrors } = await openPage(browser, server.url, {
      width: 420,
      height: 900,
    });
    try {
      await showSampleCustomers(page);
      const opened = [
        { chart: 'Elbow curve', details: 'Values', table: 'Elbow curve values' },
        {
          chart: 'Principal components (scree)',
          details: 'Values and loadings',
          table: 'Variance explained and loadings of each component',
        },
      ];
      for (const { chart, details, table } of opened) {
        const figure = page.getByRole('figure', { name: chart });
        await figure.getByText(details, { exact: true }).click();
        const values = figure.getByRole('table', { name: table });
        await values.waitFor();
        // Wider than the phone, the table scrolls sideways within a box of its own inside the
        // figure, and that box stays on screen.
        const fit = await values.evaluate((element) => {
          let box = element.parentElement;
          while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
            box = box.parentElement;
          return box && box.closest('figure')
            ? {
                right: box.getBoundingClientRect().right,
                scrolls: box.scrollWidth > box.clientWidth,
              }
            : null;
        });
        expect(fit).not.toBeNull();
        expect(fit?.scrolls).toBe(true);
        expect(fit?.right).toBeLessThanOrEqual(420);
      }
      const { width, scrollWidth } = await rightEdges(page, []);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('keeps the algorithm comparison within the screen, its tables scrolling in their own boxes', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url, {
      width: 420,
      height: 900,
    });
    try {
      await page
        .getByLabel('Choose a CSV, Excel or Parquet file')
        .setInputFiles('/work/shared/datasets/mall_customers.csv');
      await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 180_000 });
      await page.getByRole('progressbar').waitFor({ state: 'detached', timeout: 180_000 });
      await page.getByRole('button', { name: 'Compare algorithms' }).click();
      const name = /^Algorithm comparison on 200 rows/;
      await page.getByRole('table', { name }).waitFor({ timeout: 180_000 });
      for (const [language, caption] of [
        ['en', name],
        ['zh', /^在 200 行上的算法比较/],
      ] as const) {
        if (language === 'zh') await page.locator('.language-switch select').selectOption('zh');
        // The wide table scrolls sideways in its own named box, which stays on screen; the page
        // itself does not scroll sideways.
        const region = page.getByRole('region', { name: caption });
        await region.waitFor();
        expect(await region.getAttribute('tabindex')).toBe('0');
        const box = await region.evaluate((element) => ({
          right: element.getBoundingClientRect().right,
          scrolls: element.scrollWidth > element.clientWidth,
        }));
        expect(box.scrolls).toBe(true);
        expect(box.right).toBeLessThanOrEqual(420);
        const { width, scrollWidth, edges } = await rightEdges(page, ['.comparison caption']);
        expect(scrollWidth).toBeLessThanOrEqual(width);
        expect(edges[0]).toBeGreaterThan(0);
        expect(edges[0]).toBeLessThanOrEqual(width);
      }
      expect(consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("keeps the RFM grid (all five scores), its caption and the summary's swatches in place", async () => {
    const { page } = await openPage(browser, server.url, { width: 420, height: 900 });
    try {
      await page.getByRole('button', { name: 'Try sample transactions' }).click();
      const grid = page.getByRole('table', { name: /^Customers by recency score/ });
      await grid.waitFor({ timeout: 180_000 });
      const { width, edges } = await rightEdges(page, ['.grid-table caption']);
      expect(edges[0]).toBeGreaterThan(0);
      expect(edges[0]).toBeLessThanOrEqual(width);
      // Its words wrap inside it rather than running on past its edge.
      const caption = await page
        .locator('.grid-table caption')
        .first()
        .evaluate((element) => ({ text: element.scrollWidth, box: element.clientWidth }));
      expect(caption.text).toBeLessThanOrEqual(caption.box);
      for (const [language, gridName, summaryName] of [
        ['en', /^Customers by recency score/, 'Segment summary'],
        ['zh', /^按最近购买评分/, '细分群汇总'],
      ] as const) {
        if (language === 'zh') await page.locator('.language-switch select').selectOption('zh');
        // All five frequency scores fit the screen: the grid's box does not scroll sideways.
        const fits = await page
          .getByRole('region', { name: gridName })
          .evaluate(
            (box) =>
              box.scrollWidth <= box.clientWidth + 1 && box.getBoundingClientRect().right <= 420,
          );
        expect(fits).toBe(true);
        // Each segment of the summary keeps its swatch beside its name's first line, even where
        // the name wraps.
        const swatches = await page
          .getByRole('table', { name: summaryName })
          .getByRole('rowheader')
          .evaluateAll((headers) =>
            headers.map((header) => {
              const swatch = header.querySelector('.swatch')?.getBoundingClientRect();
              const name = header.querySelector('.swatch + *')?.getBoundingClientRect();
              return swatch && name
                ? { beside: swatch.right <= name.left, top: swatch.top - name.top }
                : null;
            }),
          );
        expect(swatches.length).toBeGreaterThanOrEqual(8);
        for (const swatch of swatches) {
          expect(swatch?.beside).toBe(true);
          expect(Math.abs(swatch?.top ?? 99)).toBeLessThan(12);
        }
      }
      await page.locator('.language-switch select').selectOption('en');
      // The cancellations checkbox sits on the line of its label, at its start, as the page's
      // other checkboxes do (not centred above it).
      const rule = page.getByRole('checkbox', { name: 'Recognise cancellations' });
      const ruleBox = await rule.boundingBox();
      const labelBox = await page.locator('label', { has: rule }).boundingBox();
      expect(ruleBox && labelBox).toBeTruthy();
      if (ruleBox && labelBox) {
        expect(ruleBox.x - labelBox.x).toBeLessThanOrEqual(4);
        expect(labelBox.height).toBeLessThan(ruleBox.height * 2);
      }
    } finally {
      await page.context().close();
    }
  });
});
