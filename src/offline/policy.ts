/**
 * The Content-Security-Policy of every file of the page: the page, its workers, the service
 * worker. Only this origin: no request elsewhere (connect-src), no inline script, no plugins, no
 * framing. 'wasm-unsafe-eval' lets the page compile WebAssembly (the k-means and silhouette
 * kernels, built into the page's own scripts); it allows no eval of JavaScript. One place for it:
 * the build writes it into index.html's meta tag, `npm start` sends it as a header with every
 * file, the build writes it into `_headers` for static hosts, and the service worker adds it to
 * every file it serves from its cache.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The policy as a meta tag can carry it: browsers ignore frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "; frame-ancestors 'none'",
  '',
);

/**
 * The two headers that make the page cross-origin isolated: its workers may then share memory
 * (one scaled matrix for every helper of the elbow, instead of a copy each). Everything the page
 * loads is its own, so requiring it to be same-origin costs nothing. A host that sends neither
 * still gets a working page, with a copy of the matrix in each helper.
 */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The headers every file of the page is served with (npm start, _headers, the nginx snippet). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  ...ISOLATION_HEADERS,
};
