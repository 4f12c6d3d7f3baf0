/**
 * The console's app shell, offline: this build's index.html, first-screen scripts, styles and icons are
 * cached when the worker installs, so a reload without a network still starts the app, which then says it
 * is offline (client/src/main.tsx) instead of the browser's error page.
 *
 * - pages (navigations): the network first; the cached index.html when it fails;
 * - /assets/ (hashed, never change): the cache first; anything fetched there is kept for next time;
 * - the icons: the network first, the cache when it fails;
 * - /api/ and /socket.io/ are never touched: not cached, not answered here, so no incident, task or phone
 *   number lands in the Cache Storage, and the live connection sees the real network.
 *
 * The build (vite.config.ts) fills BUILD with this build's shell and a version; a new build is a new
 * worker, which takes over at once and drops the caches of the old one. It runs under the same strict CSP
 * as the page: no inline code, nothing from another origin.
 */
/* global self, caches, fetch, Request, Response, URL */
const BUILD = { version: 'dev', shell: [] };
const CACHE = `console-shell-${BUILD.version}`;
const NEVER = /^\/(api|socket\.io)(\/|$)/i;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // hashed assets may come from the HTTP cache (the page has just loaded them; they never change); the
      // rest is revalidated with the server, so the shell is what it serves now
      .then((cache) =>
        cache.addAll(
          BUILD.shell.map(
            (url) => new Request(url, { cache: url.startsWith('/assets/') ? 'default' : 'no-cache' }),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('console-shell-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The cached index.html: every page of the console is this one file, routed in the browser. */
const shellPage = () =>
  caches.match('/index.html', { cacheName: CACHE }).then((cached) => cached || Response.error());

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || NEVER.test(url.pathname)) return;

  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(shellPage));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then(
          (cached) =>
            cached ||
            fetch(request).then((response) => {
              if (response.ok) void cache.put(request, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  if (BUILD.shell.includes(url.pathname)) {
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(request, { cacheName: CACHE }).then((cached) => cached || Response.error()),
      ),
    );
  }
});
