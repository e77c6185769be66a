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

  // pastedSize words the size of the pasted text or chosen file ("5.2 MB").
  function pastedSize(form) {
    var n = 0;
    var ta = form.querySelector("textarea[name=text]");
    if (ta && ta.value) n = new Blob([ta.value]).size;
    var file = form.querySelector("input[type=file]");
    if (file && file.files && file.files[0]) n = file.files[0].size;
    if (n < 200 * 1024) return "";
    return (n / (1024 * 1024)).toFixed(1) + " MB";
  }

  // showProgress puts a progress bar under the form while the server reads
  // the blog; a large blog takes a few seconds.
  function showProgress(form, text) {
    var box = document.createElement("div");
    box.className = "reading";
    box.setAttribute("role", "status");
    var bar = document.createElement("progress");
    bar.setAttribute("aria-label", text);
    var label = document.createElement("span");
    label.textContent = " " + text + " Long blogs take a few seconds; the review shows 200 candidates per page.";
    box.appendChild(bar);
    box.appendChild(label);
    form.appendChild(box);
    window.addEventListener("pageshow", function () { if (box.parentNode) box.parentNode.removeChild(box); });
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
        var size = pastedSize(form);
        if (size > 0) text += " (" + size + ")";
        window.setTimeout(function () {
          button.disabled = true;
          button.setAttribute("aria-busy", "true");
          button.textContent = text;
          showProgress(form, text);
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
