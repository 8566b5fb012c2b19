/* The error summary, as GOV.UK Frontend's error-summary component does it.
 *
 * When a page (or an htmx swap, see checker.js) shows the summary, focus moves
 * to it so a screen reader reads the problems first. Its links move focus to
 * the field they name and scroll that field's question into view. Without
 * JavaScript the summary still comes first in the form, the page title starts
 * with "Error:", and its links still jump to the fields.
 */
(function () {
  "use strict";
  var SELECTOR = "[data-module=error-summary]";

  function find(root) { return (root || document).querySelector(SELECTOR); }

  // Focusable only while it has focus, so a later click on it does not
  // leave a stray focus ring (GOV.UK's setFocus).
  function focus(summary) {
    if (!summary) { return; }
    if (!summary.hasAttribute("tabindex")) {
      summary.setAttribute("tabindex", "-1");
      summary.addEventListener("blur", function () { summary.removeAttribute("tabindex"); }, { once: true });
    }
    summary.focus();
  }

  function questionFor(input) {
    var fieldset = input.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend && (input.type === "checkbox" || input.type === "radio")) { return legend; }
    return document.querySelector("label[for='" + input.id + "']") || input.closest("label");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(SELECTOR + " a[href^='#']") : null;
    var input = link && document.getElementById(link.hash.slice(1));
    var question = input && questionFor(input);
    if (!question) { return; }
    event.preventDefault();
    question.scrollIntoView();
    input.focus({ preventScroll: true });
  });

  window.errorSummary = { find: find, focus: focus };

  function start() { focus(find()); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
