/* The kiosk's offline page: start again by itself when the server is back.
 *
 * Every data-kiosk-retry-seconds it asks data-kiosk-alive (a tiny response,
 * never cached). When that answers, it goes to data-kiosk-restart, which
 * clears the kiosk and shows the attract screen: whoever was using the screen
 * when it stopped working has most likely gone, so nobody's half-finished
 * pages come back.
 *
 * While the screen is down, it also marks the kiosk's turn as over
 * (kiosk-history.js keeps the turn in localStorage), so Back cannot bring an
 * earlier page out of the browser's back/forward cache.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var aliveUrl = root.getAttribute("data-kiosk-alive");
  var restartUrl = root.getAttribute("data-kiosk-restart");
  var everyMs = (parseInt(root.getAttribute("data-kiosk-retry-seconds"), 10) || 5) * 1000;
  var checking = false;

  try { window.localStorage.setItem("kioskGeneration", "offline"); } catch (e) { /* storage off: Back still finds no server */ }

  function check() {
    if (checking) { return; }
    checking = true;
    var controller = typeof AbortController === "function" ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, everyMs) : null;
    fetch(aliveUrl, { cache: "no-store", credentials: "same-origin", signal: controller && controller.signal })
      .then(function (response) {
        if (!response.ok) { return false; } // a proxy answering for a server that is down
        window.location.replace(restartUrl);
        return true;
      })
      .catch(function () { return false; /* still down: try again on the next tick */ })
      .then(function (leaving) {
        if (timer !== null) { window.clearTimeout(timer); }
        checking = leaving;
      });
  }

  window.setInterval(check, everyMs);
  window.addEventListener("online", check);
})();
