/**
 * Registers the page's service worker (production builds only) and tells the page when a new
 * version has installed and waits: `offer(apply)` is called with the function that switches to
 * it, which the page calls when the user says "reload" (never on its own, so a new version never
 * replaces the page under a running analysis).
 */
export function registerServiceWorker(offer: (apply: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  let applying = false;
  container.addEventListener('controllerchange', () => {
    // The first install takes control without a reload; only a version the user chose reloads.
    if (applying) window.location.reload();
  });
  const waitingOffer = (worker: ServiceWorker) =>
    offer(() => {
      applying = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
  container
    .register('./sw.js', { scope: './' })
    .then((registration) => {
      if (registration.waiting && container.controller) waitingOffer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && container.controller) waitingOffer(installing);
        });
      });
    })
    .catch(() => {
      // Without a service worker the page still works; it only does not open offline.
    });
}
