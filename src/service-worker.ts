/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline (SPEC §8): the first visit caches the whole build — every file `scripts/precache.mjs`
// listed, the engine worker and its lazy chunks included — so later visits load and work with the
// network off. Hashed assets are served from the cache; the page shell tries the network first so
// a new build is seen, and a new service worker waits until the page lets it take over.
import { version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `muster-${version}`;
const scope = new URL(sw.registration.scope);
const SHELL = new URL('./', scope).href;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const list: string[] = await (await fetch(new URL('precache.json', scope), { cache: 'no-store' })).json();
      const cache = await caches.open(CACHE);
      await cache.addAll([SHELL, ...list.map((p) => new URL(p, scope).href)]);
    })()
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })()
  );
});

sw.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== scope.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (req.mode === 'navigate') {
        try {
          const fresh = await fetch(req);
          if (fresh.ok) await cache.put(SHELL, fresh.clone());
          return fresh;
        } catch {
          return (await cache.match(SHELL)) ?? Response.error();
        }
      }
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      return fetch(req);
    })()
  );
});
