/**
 * The page's service worker: after the first visit the page opens and analyses with the network
 * off. It keeps a copy of the app's own files only (the list is written into this file at build
 * time), never anything the user opens: their files reach the page as Blobs and never pass
 * through fetch. A new version installs beside the old one and waits until the page says so
 * (the user's "reload"), so it never switches under a running analysis.
 */

import { ISOLATION_HEADERS } from './policy';

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ServiceWorkerScope {
  location: Location;
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: ExtendableEventLike) => void,
  ): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

// Replaced by the build (see scripts/vite/offlinePlugin.ts).
const VERSION = '__PRECACHE_VERSION__';
const FILES = JSON.parse('__PRECACHE_FILES__') as string[];
const POLICY = '__CONTENT_SECURITY_POLICY__';

const scope = self as unknown as ServiceWorkerScope;
const CACHE = `segmentlens-${VERSION}`;
const base = new URL('./', scope.registration.scope);
const urls = FILES.map((file) => new URL(file, base).href);
const INDEX = new URL('index.html', base).href;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('segmentlens-') && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'skip-waiting') void scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(base.href)) return;
  event.respondWith(answer(request));
});

/** The app's own file from the cache (the page for any navigation), else the network. */
async function answer(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const url = request.mode === 'navigate' ? INDEX : request.url.split(/[?#]/)[0];
  const cached =
    (await cache.match(url)) ?? (url === base.href ? await cache.match(INDEX) : undefined);
  if (cached) return withPolicy(cached);
  return fetch(request);
}

/**
 * The file with the page's Content-Security-Policy as a header: a worker takes its policy from
 * its own response, so workers served from here are held to it on any host. The isolation
 * headers go with it, so that the page offline shares memory with its workers as it does online.
 */
function withPolicy(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
