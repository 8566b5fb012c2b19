/* Kiosk offline safety: our own "not working" page instead of a browser error.
 *
 * Loaded on every kiosk page (never on the public site, so phones at home get
 * no service worker). It registers the kiosk's service worker
 * (/kiosk/service-worker.js, scope "/"), which shows the offline page when a
 * page cannot be fetched. Clearing the kiosk for the next person sends
 * Clear-Site-Data "storage", which unregisters the worker and empties its
 * cache; the attract screen that follows registers it again, with a fresh copy
 * of the offline page.
 *
 * htmx steps in the checker are not page loads, so the worker does not see
 * them fail: when one cannot reach the server, go to the offline page here.
 * replace(), not a link: the page with this person's answers leaves the history.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var worker = root.getAttribute("data-kiosk-service-worker");
  var offlinePage = root.getAttribute("data-kiosk-offline");
  var UNREACHABLE = [502, 503, 504]; // kiosk/offline.py UNREACHABLE_STATUSES

  if (worker && "serviceWorker" in navigator) {
    navigator.serviceWorker.register(worker, { scope: "/", updateViaCache: "none" })
      .catch(function () { /* no worker: the kiosk works as before, without the offline page */ });
  }

  function showOfflinePage() {
    if (offlinePage) { window.location.replace(offlinePage); }
  }
  document.addEventListener("htmx:sendError", showOfflinePage);
  document.addEventListener("htmx:timeout", showOfflinePage);
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (xhr && UNREACHABLE.indexOf(xhr.status) !== -1) { showOfflinePage(); }
  });
})();
