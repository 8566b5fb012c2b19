/* The "Print" button: it needs JavaScript, so it stays hidden without it
 * (the browser's own Print still works, with the same handout layout). */
(function () {
  "use strict";
  function start() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-print]")) { window.print(); }
  });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
  // The result arrives by htmx swap after the page loaded: reveal its button too.
  document.addEventListener("htmx:afterSettle", start);
})();
