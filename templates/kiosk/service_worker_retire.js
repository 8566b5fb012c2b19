/* This browser is no longer a kiosk (its kiosk cookie is gone, or the site has
 * no staff PIN any more): delete the kept offline page and unregister, so the
 * browser goes back to being an ordinary one. Built by kiosk/views.py.
 */
"use strict";

const CONFIG = {{ config|safe }};{# JSON from the view #}

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(CONFIG.cachePrefix)).map((name) => caches.delete(name))
      ))
      .then(() => self.registration.unregister())
  );
});
