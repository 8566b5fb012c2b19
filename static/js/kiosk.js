/* Kiosk mode: clear the screen when a person walks away, and keep the last
 * person's pages out of the next person's reach.
 *
 * 1. Idle: after data-kiosk-idle seconds without a touch, a dialog counts
 *    down data-kiosk-warning seconds (never under 20, WCAG 2.2.1) with one
 *    large "I'm still here" button; then the kiosk clears itself.
 * 2. Clearing replaces the current history entry with /kiosk/clear/, which
 *    starts a new turn (a new generation in the kiosk cookie) and shows the
 *    attract screen.
 * 3. History: every entry is stamped with the turn's generation. A page that
 *    comes back through Back or Forward from an earlier turn, from the
 *    back/forward cache or from the server, is replaced by the attract screen
 *    before it is shown.
 *
 * Timers use Date.now() and setInterval only, so tests can drive them with a
 * fake clock.
 */
(function () {
  "use strict";
  var body = document.body;
  var generation = body.getAttribute("data-kiosk-generation");
  var home = body.getAttribute("data-kiosk-home") || "/kiosk/";
  var clearUrl = home + "clear/";
  var STORE_KEY = "kioskGeneration";

  // --- History from an earlier turn -------------------------------------------------

  function storedGeneration() {
    try { return window.localStorage.getItem(STORE_KEY); } catch (e) { return null; }
  }
  function storeGeneration(value) {
    try { window.localStorage.setItem(STORE_KEY, value); } catch (e) { /* private mode: Back still checks the entry stamp */ }
  }
  function leaveForAttractScreen() {
    document.documentElement.classList.add("kiosk-clearing");
    window.location.replace(home);
  }

  // A page fetched now carries the current turn's generation (from the cookie).
  storeGeneration(generation);
  var entryGeneration = history.state && history.state.kioskGeneration;
  if (entryGeneration && entryGeneration !== generation) {
    // Back or Forward into a page from an earlier turn: the server sent it
    // fresh, but the person it belonged to is gone.
    leaveForAttractScreen();
    return;
  }
  history.replaceState(Object.assign({}, history.state, { kioskGeneration: generation }), "");

  // Hide the page as it goes into the back/forward cache; show it again only if
  // it still belongs to the current turn.
  window.addEventListener("pagehide", function () {
    document.documentElement.classList.add("kiosk-clearing");
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && storedGeneration() && storedGeneration() !== generation) {
      leaveForAttractScreen();
      return;
    }
    document.documentElement.classList.remove("kiosk-clearing");
  });

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
