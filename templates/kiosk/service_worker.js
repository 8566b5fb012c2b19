/* The kiosk's service worker: our own "not working" page instead of a browser error.
 *
 * Registered only on kiosks (static/js/kiosk-offline.js). It keeps one copy of
 * the offline page and the files it draws with, and nothing else:
 * - a page that cannot be fetched (no network, no server, or a proxy saying
 *   502/503/504) is answered with the offline page;
 * - the offline page's own files come from the network, or from this copy
 *   when the network is down;
 * - every other request passes straight through. No checker step, form, POST
 *   body or page a person saw is ever put in a cache.
 * Built by kiosk/views.py from kiosk/offline.py; the configuration below is JSON.
 */
"use strict";

const CONFIG = {{ config|safe }};{# JSON from the view, made of our own URLs #}
const PRECACHE = new Set(CONFIG.precache);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CONFIG.cache)
      // redirect "error": a redirect here would mean we are not a kiosk, and the
      // page at the other end must not be kept in the offline page's place.
      .then((cache) => cache.addAll(CONFIG.precache.map((url) => new Request(url, { cache: "no-cache", redirect: "error" }))))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(CONFIG.cachePrefix) && name !== CONFIG.cache)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

function keptCopy(url) {
  return caches.open(CONFIG.cache).then((cache) => cache.match(url, { ignoreVary: true }));
}

async function navigate(request) {
  let response = null;
  try {
    response = await fetch(request);
    if (!CONFIG.unreachable.includes(response.status)) { return response; }
  } catch (error) {
    // No network, or nothing answering at the server's address.
  }
  const page = await keptCopy(CONFIG.offlinePage);
  return page || response || Response.error();
}

async function offlinePageFile(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const copy = await keptCopy(request.url);
    if (copy) { return copy; }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request));
    return;
  }
  const url = new URL(request.url);
  if (request.method === "GET" && url.origin === self.location.origin && PRECACHE.has(url.pathname)) {
    event.respondWith(offlinePageFile(request));
  }
  // Anything else is not ours to answer: the browser fetches it as usual.
});
