/* The on-screen number pad (templates/kiosk/keypad.html): each key edits its
 * field in place. Without JavaScript each key is a submit button and the
 * server does the same (kiosk/keypad.py).
 */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var key = event.target.closest && event.target.closest("[data-keypad-key]");
    if (!key) { return; }
    var pad = key.closest("[data-keypad-for]");
    var field = pad && document.getElementById(pad.getAttribute("data-keypad-for"));
    if (!field) { return; }
    event.preventDefault();
    var max = parseInt(pad.getAttribute("data-keypad-max"), 10) || 12;
    var value = field.value.replace(/\D/g, "");
    var pressed = key.getAttribute("data-keypad-key");
    if (pressed === "delete") { value = value.slice(0, -1); }
    else if (pressed === "clear") { value = ""; }
    else if (value.length < max) { value += pressed; }
    field.value = value;
    var status = pad.querySelector("[data-keypad-status]");
    if (status) {
      var secret = field.hasAttribute("data-keypad-secret");
      status.textContent = secret
        ? (pad.getAttribute("data-keypad-count-label") || "") + " " + value.length
        : (value || pad.getAttribute("data-keypad-empty-label") || "");
    }
  });
})();
