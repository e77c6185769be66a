// Copy buttons for the "Update:" lines of corrections: a click puts the
// line on the clipboard and says so on the button. No inline script: the
// CSP forbids it.
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var btn = e.target.closest("button.copy[data-copy]");
    if (!btn) return;
    var src = document.getElementById(btn.dataset.copy);
    if (!src) return;
    var text = src.textContent;
    function done(ok) {
      btn.textContent = ok ? "Copied" : "Select and copy";
      btn.dataset.copied = ok ? "yes" : "no";
      setTimeout(function () { btn.textContent = "Copy"; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { fallback(); });
    } else {
      fallback();
    }
    function fallback() {
      var range = document.createRange();
      range.selectNodeContents(src);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (err) { ok = false; }
      done(ok);
    }
  });
})();
