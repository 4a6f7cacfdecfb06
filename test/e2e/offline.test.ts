import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, launchWithProfile, openPage, serveBuild } from './browser';

/**
 * After one visit the page opens, analyses and downloads with the network off (its service worker
 * keeps the app's own files), and Chromium finds it installable (manifest, icons, service worker).
 */
let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the service worker controls the page and has every file of the app cached. */
async function whenControlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 60_000,
      interval: 100,
    })
    .toBe(true);
}

describe('the page offline', () => {
  it('opens, analyses the sample and downloads with the network off after one visit', async () => {
    const { page, consoleErrors } = await openPage(browser, server.url);
    await whenControlled(page);
    await page.context().setOffline(true);
    await page.reload();
    // Served by the service worker, with the same isolation as online.
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByRole('button', { name: 'Try sample customers' }).click();
    await page.getByRole('table', { name: 'Segment profiles' }).waitFor({ timeout: 120_000 });
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByRole('button', { name: /Download all segments/ }).click();
    const file = await download;
    const text = await readFile((await file.path())!, 'utf8');
    // The header and one line per analysed customer of the sample.
    expect(text.split('\n').filter((line) => line.length > 0).length).toBeGreaterThan(100);
    await page.context().setOffline(false);
    expect(consoleErrors.filter((error) => !/net::ERR_INTERNET_DISCONNECTED/.test(error))).toEqual(
      [],
    );
  }, 300_000);

  it('is installable: Chromium reports no installability error', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'segmentlens-profile-'));
    const context = await launchWithProfile(profile);
    const page = await context.newPage();
    await page.goto(server.url);
    await whenControlled(page);
    const session = await context.newCDPSession(page);
    const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((error) => error.errorId)).toEqual([]);
    const manifest = (await session.send('Page.getAppManifest')) as { errors: unknown[] };
    expect(manifest.errors).toEqual([]);
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }, 120_000);
});
