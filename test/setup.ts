import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { connectPageI18n } from '../src/components/pageI18n';
import { resetStore } from '../src/store/useStore';
import { InProcessAnalysisClient } from '../src/worker/inProcessClient';

// The analyses run on the test's own thread, side by side with other test files: on a busy
// machine an update can take many seconds. Waits end as soon as their state is reached.
configure({ asyncUtilTimeout: 120_000 });

// The charts measure their width; jsdom has no layout, so give them a fixed size.
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

// jsdom has no browser style sheet, so it reports no display for inline elements, and accessible
// names then get spaces around them ("Low age , Low income"). The browser's defaults:
const inline = document.createElement('style');
inline.textContent = 'span, time, code, strong, em, a { display: inline; }';
document.head.append(inline);

/** The page fetches its samples from its own origin; here that origin is public/. */
async function servePublic(input: RequestInfo | URL): Promise<Response> {
  const name = String(input).split('/').pop() as string;
  try {
    return new Response(await readFile(join(import.meta.dirname, '..', 'public', name)));
  } catch {
    return new Response('not found', { status: 404 });
  }
}

/**
 * The page's i18next, wired to the store as src/main.tsx wires it: resetting the store between
 * tests resets the language too. react-i18next takes it as the page's instance (initReactI18next
 * registers it), so the tests render <App /> as it is. A key that no catalog has fails the test.
 */
const pageI18n = connectPageI18n().i18n;
pageI18n.options.saveMissing = true;
pageI18n.on('missingKey', (_languages, _namespace, key) => {
  throw new Error(`The page asked for a key that no catalog has: ${key}`);
});

beforeEach(() => {
  localStorage.clear();
  resetStore(new InProcessAnalysisClient());
  vi.stubGlobal('fetch', vi.fn(servePublic));
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
