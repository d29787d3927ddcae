/**
 * Registers the service worker beside the page (any path of any host) and reports when a new
 * build has been downloaded and waits: the page shows a gentle notice, and "Use it now" lets it
 * take over and reloads.
 */
export function registerOffline(onUpdate: (apply: () => void) => void) {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const url = new URL('service-worker.js', location.href.split('#')[0]);
  void navigator.serviceWorker.register(url).then((reg) => {
    const waiting = (w: ServiceWorker) =>
      onUpdate(() => {
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        w.postMessage('skip-waiting');
      });
    if (reg.waiting && navigator.serviceWorker.controller) waiting(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      w?.addEventListener('statechange', () => {
        if (w.state === 'installed' && navigator.serviceWorker.controller) waiting(w);
      });
    });
  });
}
