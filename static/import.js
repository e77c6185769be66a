// Claimdesk live-blog import: while a large blog is read or imported the
// submit button is disabled and says what is happening, and the preview keeps
// its "ticked to import" count current. The pages work the same without it.
(function () {
  "use strict";

  function ticked(form) {
    return form.querySelectorAll("input[data-select]:checked").length;
  }

  function showCount(form) {
    var out = document.querySelector("[data-selected-count]");
    if (out) out.textContent = String(ticked(form));
  }

  function setUp() {
    document.querySelectorAll("form[data-progress]").forEach(function (form) {
      var button = form.querySelector("button[type=submit]");
      if (!button) return;
      var label = button.textContent;
      form.addEventListener("submit", function () {
        // Disable after the browser has collected the form, so the submit
        // itself still goes through.
        var text = form.dataset.progress.replace("{n}", String(ticked(form)));
        window.setTimeout(function () {
          button.disabled = true;
          button.setAttribute("aria-busy", "true");
          button.textContent = text;
        }, 0);
      });
      form.addEventListener("change", function (e) {
        if (e.target && e.target.matches("input[data-select]")) showCount(form);
      });
      // Coming back with the browser's Back button shows the page as it was
      // left: give the button back.
      window.addEventListener("pageshow", function () {
        button.disabled = false;
        button.removeAttribute("aria-busy");
        button.textContent = label;
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
