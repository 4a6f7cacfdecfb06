import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/offline/policy';
import { launchBrowser, openPage, serveBuild } from './browser';

/**
 * The privacy promise holds in every context the app runs code in, not only the page: the
 * analysis worker and the k-means workers take their Content-Security-Policy from their own
 * response headers (a meta tag in index.html does not reach them), so the server must send it.
 * A local "collector" on another origin records anything that reaches it.
 */

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let collector: Server;
let collectorUrl: string;
const received: string[] = [];

beforeAll(async () => {
  collector = createServer((request: IncomingMessage, response) => {
    received.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Content-Type', 'text/javascript');
    response.end('export const leaked = true;');
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  [browser, server] = await Promise.all([launchBrowser(), serveBuild()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => collector?.close(resolve));
});

/**
 * What code running in `worker` manages to send to the collector. The script is a string so that
 * the test runner does not rewrite its `import()`.
 */
async function attemptsFrom(worker: Worker, target: string) {
  const script = `(async () => {
    const url = ${JSON.stringify(target)};
    const fetched = await fetch(url + '/from-worker?data=customer-rows', {
      method: 'POST',
      body: 'customer rows',
    }).then(() => 'sent', () => 'refused');
    const imported = await import(url + '/module.js').then(() => 'imported', () => 'refused');
    const socket = await new Promise((resolve) => {
      try {
        const ws = new WebSocket(url.replace('http', 'ws') + '/socket');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      } catch {
        resolve('refused');
      }
    });
    // WebAssembly compiles (k-means' kernel runs in this worker); JavaScript from a string does not.
    let wasm = 'compiled';
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    } catch {
      wasm = 'refused';
    }
    let evaluated = 'ran';
    try {
      (0, eval)('1 + 1');
    } catch {
      evaluated = 'refused';
    }
    return { fetched, imported, socket, wasm, evaluated };
  })()`;
  return worker.evaluate(script);
}

describe('the privacy promise in Chromium', () => {
  it('serves the page and its workers with the policy as a header, framing refused', async () => {
    for (const path of ['', 'sw.js']) {
      const response = await fetch(new URL(path, server.url));
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('refuses a fetch, a dynamic import, a socket and eval from inside the analysis worker (WebAssembly compiles); the other origin receives nothing', async () => {
    const { page } = await openPage(browser, server.url);
    try {
      const workerStarted = page.waitForEvent('worker');
      await page.getByRole('button', { name: 'Try sample customers' }).click();
      const worker = await workerStarted;
      const workerResponse = await page
        .context()
        .request.get(worker.url())
        .catch(() => null);
      if (workerResponse)
        expect(workerResponse.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(await attemptsFrom(worker, collectorUrl)).toEqual({
        fetched: 'refused',
        imported: 'refused',
        socket: 'refused',
        wasm: 'compiled',
        evaluated: 'refused',
      });
      // The page itself is bound the same way.
      const fromPage = await page.evaluate(
        (target) =>
          fetch(`${target}/from-page`, { method: 'POST', body: 'x' })
            .then(() => 'sent')
            .catch(() => 'refused'),
        collectorUrl,
      );
      expect(fromPage).toBe('refused');
      // The browser refused before any byte left (it may still report the attempt as a failed
      // request): the other origin received nothing.
      expect(received).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
