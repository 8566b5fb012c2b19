/* The symptom checker with htmx: the browser's Back button and screen-reader focus.
 *
 * htmx swaps one step at a time. We push a history entry per step so Back
 * works, and keep each step's HTML in memory only (not localStorage, as htmx
 * would): answers must not outlive the tab. Without this script every step
 * is still a plain form that posts and re-renders the page.
 */
(function () {
  "use strict";
  var snapshots = {};
  var counter = 0;

  function checker() { return document.getElementById("checker"); }

  function focusHeading(root) {
    var heading = root && root.querySelector("#step-title");
    if (heading) { heading.focus(); }
  }

  function remember(replace) {
    var node = checker();
    if (!node) { return; }
    var id = "step-" + (++counter);
    snapshots[id] = node.outerHTML;
    var title = document.title;
    if (replace) { history.replaceState({ checkStep: id }, title); }
    else { history.pushState({ checkStep: id }, title); }
  }

  // outerHTML holds attributes, not what was typed or ticked: copy those over
  // first, so Back shows the step as the person left it.
  function keepLiveValues(root) {
    root.querySelectorAll("input").forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) { input.setAttribute("checked", ""); } else { input.removeAttribute("checked"); }
      } else if (input.type !== "hidden") {
        input.setAttribute("value", input.value);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { remember(true); });

  document.addEventListener("htmx:beforeRequest", function () {
    var node = checker();
    var id = history.state && history.state.checkStep;
    if (node && id && snapshots[id]) {
      keepLiveValues(node);
      snapshots[id] = node.outerHTML;
    }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.id === "checker") {
      var title = event.target.querySelector("#step-title");
      if (title) { document.title = title.textContent.trim() + " – " + document.title.split(" – ").slice(1).join(" – "); }
      remember(false);
      focusHeading(event.target);
    }
  });

  window.addEventListener("popstate", function (event) {
    var id = event.state && event.state.checkStep;
    var node = checker();
    if (id && snapshots[id] && node) {
      node.outerHTML = snapshots[id];
      var fresh = checker();
      if (window.htmx) { window.htmx.process(fresh); }
      focusHeading(fresh);
    } else if (id) {
      // Not in memory (the tab was reloaded): start again rather than guess.
      window.location.reload();
    }
  });
})();
