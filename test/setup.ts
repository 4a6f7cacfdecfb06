import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetStore } from '../src/store/useStore';
import { InProcessAnalysisClient } from '../src/worker/inProcessClient';

// The analyses run on the test's own thread, side by side with other test files: on a busy
// machine an update can take many seconds. Waits end as soon as their state is reached.
configure({ asyncUtilTimeout: 120_000 });

// Recharts measures its container; jsdom has no layout, so give it a fixed size.
class FixedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target, contentRect: { width: 800, height: 400 } } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    );
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

/** The page fetches its samples from its own origin; here that origin is public/. */
async function servePublic(input: RequestInfo | URL): Promise<Response> {
  const name = String(input).split('/').pop() as string;
  try {
    return new Response(await readFile(join(import.meta.dirname, '..', 'public', name)));
  } catch {
    return new Response('not found', { status: 404 });
  }
}

beforeEach(() => {
  resetStore(new InProcessAnalysisClient());
  vi.stubGlobal('fetch', vi.fn(servePublic));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
