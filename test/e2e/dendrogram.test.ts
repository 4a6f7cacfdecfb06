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

/**
 * The drawing's text as the screen shows it: each leaf label's box, the smallest font size of its
 * text (its font size times the drawing's scale), and whether the drawing scrolls in its frame.
 */
function drawn(image: Locator) {
  return image.evaluate((element) => {
    const svg = element as SVGSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')];
    // The leaves' labels: the text below the tree's lowest line.
    const treeBottom = Math.max(
      ...[...svg.querySelectorAll('path')].map((path) => path.getBoundingClientRect().bottom),
    );
    const leaves = texts
      .map((text) => ({ text: text.textContent, box: text.getBoundingClientRect() }))
      .filter(({ box }) => box.top >= treeBottom)
      .map(({ text, box }) => ({
        text,
        left: box.left,
        right: box.right,
        top: box.top,
        bottom: box.bottom,
      }));
    const frame = svg.parentElement as HTMLElement;
    return {
      leaves,
      smallestFont: Math.min(
        ...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale),
      ),
      scrolls: frame.scrollWidth > frame.clientWidth,
      frameRight: frame.getBoundingClientRect().right,
      pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
}

/** The pairs of labels whose boxes meet. */
function overlapping(leaves: Awaited<ReturnType<typeof drawn>>['leaves']): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < leaves.length; i++)
    for (let j = i + 1; j < leaves.length; j++) {
      const a = leaves[i];
      const b = leaves[j];
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        pairs.push(`${a.text}|${b.text}`);
    }
  return pairs;
}

// The sample customers' tree has 30 leaves, each labelled with its rows (up to three digits).
describe('the dendrogram’s labels in Chromium', { timeout: 300_000 }, () => {
  for (const width of [1280, 420])
    it(`keeps every leaf's label apart and legible at ${width} px`, async () => {
      watched = await openPage(browser, server.url, { width, height: 900 });
      const { page } = watched;
      await page.getByRole('button', { name: 'Try sample customers' }).click();
      await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 180_000 });
      await page.getByLabel('Clustering algorithm').selectOption('hierarchical');
      const image = page
        .getByRole('figure', { name: 'Dendrogram' })
        .getByRole('img', { name: /^Dendrogram: 30 clusters joined by 29 merges/ });
      await image.waitFor({ timeout: 180_000 });
      await expect
        .poll(() => page.getByRole('main').getAttribute('aria-busy'), { timeout: 180_000 })
        .toBe('false');
      // Drawn once its width is measured: wait on what the screen shows, not on a time.
      await expect
        .poll(async () => {
          const shown = await drawn(image);
          return {
            leaves: shown.leaves.length,
            overlapping: overlapping(shown.leaves),
            legible: shown.smallestFont >= 10,
          };
        })
        .toEqual({ leaves: 30, overlapping: [], legible: true });
      const shown = await drawn(image);
      // On a wide screen the whole tree is in view; on a phone it keeps its size and scrolls
      // sideways within its frame, which stays on screen (the page itself does not widen).
      expect(shown.scrolls).toBe(width < 600);
      expect(shown.frameRight).toBeLessThanOrEqual(width);
      expect(shown.pageScrolls).toBe(false);
    });
});
