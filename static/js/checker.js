/* The symptom checker with htmx: the browser's Back button and screen-reader focus.
 *
 * htmx swaps one step at a time. We add a history entry per step so Back
 * works, and keep each step's HTML in memory only (htmx would use
 * localStorage): answers must not outlive the tab. Without this script every
 * step is still a plain form that posts and re-renders the page.
 */
(function () {
  "use strict";
  var snapshots = {};
  var counter = 0;

  function checker() { return document.getElementById("checker"); }

  // A step that came back with errors starts at its error summary
  // (error-summary.js); any other step at its heading.
  function focusStep(node) {
    var summary = node && window.errorSummary && window.errorSummary.find(node);
    if (summary) { window.errorSummary.focus(summary); return; }
    var heading = node && node.querySelector("#step-title");
    if (heading) { heading.focus(); }
  }

  // outerHTML holds attributes, not what was typed or ticked: copy those over
  // first, so Back shows the step as the person left it.
  function keepLiveValues(node) {
    node.querySelectorAll("input").forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) { input.setAttribute("checked", ""); } else { input.removeAttribute("checked"); }
      } else if (input.type !== "hidden") {
        input.setAttribute("value", input.value);
      }
    });
  }

  function record(node, replace) {
    var id = "step-" + (++counter);
    node.setAttribute("data-history-id", id);
    snapshots[id] = node.outerHTML;
    // Keep what else the entry holds (a kiosk stamps each entry with its turn).
    var state = Object.assign({}, history.state, { checkStep: id });
    if (replace) { history.replaceState(state, ""); }
    else { history.pushState(state, ""); }
  }

  // The title names the step, and starts with "Error:" while it shows errors,
  // as the server's title does.
  function updateTitle(node) {
    var heading = node.querySelector("#step-title");
    var summary = node.querySelector("[data-module=error-summary]");
    var prefix = summary ? summary.getAttribute("data-title-prefix") + " " : "";
    var rest = document.title.split(" – ").slice(1).join(" – ");
    if (heading && rest) { document.title = prefix + heading.textContent.trim() + " – " + rest; }
  }

  function start() {
    var node = checker();
    if (node) { record(node, true); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }

  var previousStep = null;

  document.addEventListener("htmx:beforeRequest", function () {
    var node = checker();
    var id = node && node.getAttribute("data-history-id");
    if (id) {
      keepLiveValues(node);
      snapshots[id] = node.outerHTML;
      previousStep = node.getAttribute("data-step");
    }
  });

  document.addEventListener("htmx:afterSwap", function () {
    var node = checker();
    if (node && !node.hasAttribute("data-history-id")) {
      // The same step again means it came back with an error: no new Back stop.
      record(node, node.getAttribute("data-step") === previousStep);
      updateTitle(node);
    }
  });

  document.addEventListener("htmx:afterSettle", function () { focusStep(checker()); });

  window.addEventListener("popstate", function (event) {
    var id = event.state && event.state.checkStep;
    var node = checker();
    if (id && snapshots[id] && node) {
      node.outerHTML = snapshots[id];
      var restored = checker();
      if (window.htmx) { window.htmx.process(restored); }
      updateTitle(restored);
      focusStep(restored);
    } else if (id) {
      // Not in memory (the page was reloaded): start again rather than guess.
      window.location.reload();
    }
  });
})();
