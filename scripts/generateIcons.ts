import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../test/e2e/browser';

/**
 * The installable page's icons, drawn from public/favicon.svg by Chromium: 192 and 512 pixels,
 * and a maskable 512 with the safe-zone padding Android's masks expect.
 * Run: npx tsx scripts/generateIcons.ts
 */
const root = join(import.meta.dirname, '..');
const svg = await readFile(join(root, 'public', 'favicon.svg'), 'utf8');
const out = join(root, 'public', 'icons');
await mkdir(out, { recursive: true });
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  for (const [name, size, padding] of [
    ['icon-192.png', 192, 0],
    ['icon-512.png', 512, 0],
    ['icon-maskable-512.png', 512, 0.1],
  ] as const) {
    await page.setViewportSize({ width: size, height: size });
    const inset = Math.round(size * padding);
    await page.setContent(
      `<html><body style="margin:0;background:#1f3b57"><div style="padding:${inset}px">` +
        svg.replace('<svg ', `<svg width="${size - 2 * inset}" height="${size - 2 * inset}" `) +
        '</div></body></html>',
    );
    await page.screenshot({
      path: join(out, name),
      clip: { x: 0, y: 0, width: size, height: size },
    });
  }
} finally {
  await browser.close();
}
console.log('wrote public/icons/icon-192.png, icon-512.png, icon-maskable-512.png');
