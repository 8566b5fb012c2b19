/* Kiosk mode: clear the screen when a person walks away, and keep the last
 * person's pages out of the next person's reach.
 *
 * 1. Idle: after data-kiosk-idle seconds without a touch, a dialog counts
 *    down data-kiosk-warning seconds (never under 20, WCAG 2.2.1) with one
 *    large "I'm still here" button; then the kiosk clears itself.
 * 2. Clearing replaces the current history entry with /kiosk/clear/, which
 *    starts a new turn (a new generation in the kiosk cookie) and shows the
 *    attract screen. Pages from earlier turns are kept out of reach by
 *    kiosk-history.js, which runs before the page is drawn.
 *
 * Timers use Date.now() and setInterval only, so tests can drive them with a
 * fake clock.
 */
(function () {
  "use strict";
  var body = document.body;
  var home = document.documentElement.getAttribute("data-kiosk-home") || "/kiosk/";
  var clearUrl = home + "clear/";
  if (window.kioskLeaving) { return; } // kiosk-history.js is replacing this page

  function clearKiosk() {
    document.documentElement.classList.add("kiosk-clearing");
    // replace(), not a link: this person's last page leaves the history too.
    window.location.replace(clearUrl);
  }

  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("[data-kiosk-finish]")) {
      event.preventDefault();
      clearKiosk();
    }
  });

  // --- Idle warning and reset -----------------------------------------------------

  var dialog = document.getElementById("kiosk-idle");
  if (!dialog) { return; } // the attract screen has nothing to clear

  var idleMs = (parseInt(body.getAttribute("data-kiosk-idle"), 10) || 90) * 1000;
  var warningMs = Math.max(parseInt(body.getAttribute("data-kiosk-warning"), 10) || 30, 20) * 1000;
  var countdown = dialog.querySelector("[data-kiosk-countdown]");
  var announce = dialog.querySelector("[data-kiosk-announce]");
  var lastActivity = Date.now();
  var deadline = null;
  var lastAnnounced = null;

  function stillHere() {
    lastActivity = Date.now();
    if (deadline !== null) {
      deadline = null;
      if (dialog.open) { dialog.close(); }
      if (announce) { announce.textContent = ""; }
    }
  }

  function openWarning() {
    deadline = Date.now() + warningMs;
    lastAnnounced = null;
    showRemaining();
    if (typeof dialog.showModal === "function") { dialog.showModal(); }
    else { dialog.setAttribute("open", ""); }
  }

  function showRemaining() {
    var seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
    if (countdown) { countdown.textContent = String(seconds); }
    // Screen readers hear the warning when it opens, then once more near the end.
    if (announce && seconds <= 10 && lastAnnounced === null) {
      lastAnnounced = seconds;
      announce.textContent = dialog.querySelector("#kiosk-idle-text").textContent;
    }
    return seconds;
  }

  function activity() {
    // While the warning is up, only a deliberate answer keeps the screen: the
    // button, Escape, or a touch outside the dialog. A touch that closed the
    // dialog on the way down could land its click on a button underneath.
    if (deadline === null) { lastActivity = Date.now(); }
  }
  ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (type) {
    document.addEventListener(type, activity, { capture: true, passive: true });
  });
  document.addEventListener("htmx:beforeRequest", activity);
  dialog.addEventListener("close", stillHere); // Escape closes the dialog too
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog || event.target.closest("[data-kiosk-stay]")) { stillHere(); }
  });

  window.setInterval(function () {
    if (deadline === null) {
      if (Date.now() - lastActivity >= idleMs) { openWarning(); }
      return;
    }
    if (showRemaining() <= 0) { clearKiosk(); }
  }, 1000);
})();
