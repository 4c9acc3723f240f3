// The demo portal offline: after the first visit every file of the site (page, engine, form
// bundles in every language, PDF module and fonts) is in the browser's cache, and the site's own
// requests are answered from there first, so a case manager in a basement office without network
// can open, fill and validate a form and make its PDF.
//
// `cargo xtask build` writes the file list and a version over all the files' contents into the
// line below (xtask/src/precache.rs). Another build is another version: the browser installs
// this worker anew, fills a new cache, and the worker takes over once no tab uses the old one
// (so a page never mixes files of two builds); the old cache is deleted then.

const PRECACHE = { version: 'unbuilt', files: [] };

const CACHE = `bogen-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Past the HTTP cache, so a new version never stores an older file.
      await cache.addAll(PRECACHE.files.map((file) => new Request(file, { cache: 'reload' })));
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith('bogen-') && name !== CACHE).map((name) => caches.delete(name)));
      // The page of the first visit was loaded without this worker; it is taken over now, so
      // it works offline too without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    (async () => {
      // `?form=…&lang=…` select within the page; the file is the same.
      const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
      return cached ?? fetch(request);
    })(),
  );
});
