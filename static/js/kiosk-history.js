/* Kiosk history guard: no page from an earlier person's turn is ever shown.
 *
 * Loaded without defer in <head>, so it decides before anything is drawn.
 * Every history entry is stamped with the turn's generation (a random value
 * that changes each time the kiosk is cleared; <html data-kiosk-generation>).
 * A page that comes back through Back or Forward from an earlier turn, fresh
 * from the server or from the back/forward cache, is hidden and replaced by
 * the attract screen.
 */
(function () {
  "use strict";
  var root = document.documentElement;
  var generation = root.getAttribute("data-kiosk-generation");
  var home = root.getAttribute("data-kiosk-home") || "/kiosk/";
  var STORE_KEY = "kioskGeneration";

  function storedGeneration() {
    try { return window.localStorage.getItem(STORE_KEY); } catch (e) { return null; }
  }
  function storeGeneration(value) {
    try { window.localStorage.setItem(STORE_KEY, value); } catch (e) { /* private mode: Back still checks the entry stamp */ }
  }
  function leaveForAttractScreen() {
    window.kioskLeaving = true;
    root.classList.add("kiosk-clearing");
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
  window.addEventListener("pagehide", function () { root.classList.add("kiosk-clearing"); });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && storedGeneration() && storedGeneration() !== generation) {
      leaveForAttractScreen();
      return;
    }
    root.classList.remove("kiosk-clearing");
  });
})();
