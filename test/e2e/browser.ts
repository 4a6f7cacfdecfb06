import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');

/** Debian's Chromium (or CHROMIUM_PATH), headless, without the background traffic it would try. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/**
 * The same Chromium with a profile of its own, not an incognito context: what a visitor's browser
 * is when it decides whether the page can be installed.
 */
export async function launchWithProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, launchOptions());
}

function launchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(
      `No Chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH.`,
    );
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}

/** The production build (dist/) served as any static host would, on a free port. */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(ROOT, 'dist', 'index.html')))
    throw new Error('There is no build: run "npm run build" first (npm run test:e2e does).');
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not say where it listens.');
  return { url, close: () => server.close() };
}

export interface Watched {
  page: Page;
  consoleErrors: string[];
  requests: string[];
}

/** A page that records console errors, uncaught exceptions and every request it makes. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
  /** The browser's language (navigator.language), as a first visit finds it. */
  locale = 'en-US',
): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, consoleErrors, requests };
}

/** Every request went to the page's own origin (blob: and data: URLs stay in the browser). */
export function foreignRequests(requests: string[], url: string): string[] {
  const origin = new URL(url).origin;
  return requests.filter(
    (request) =>
      !request.startsWith('blob:') &&
      !request.startsWith('data:') &&
      new URL(request).origin !== origin,
  );
}
