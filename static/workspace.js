// Claimdesk form helpers. No inline script: the CSP forbids it.
// - [data-limit=N] on a field shows how many characters it holds and says
//   when it is over the limit (nothing is cut off silently);
// - form[data-confirm] asks before submitting;
// - button[data-copy=ID] copies the text of element ID;
// - [data-alias-editor] adds and removes alias fields.
(function () {
  "use strict";

  function limits() {
    document.querySelectorAll("[data-limit]").forEach(function (el) {
      var max = parseInt(el.dataset.limit, 10);
      var out = document.createElement("small");
      out.className = "limit";
      out.setAttribute("aria-live", "polite");
      el.insertAdjacentElement("afterend", out);
      function update() {
        var n = Array.from(el.value).length;
        var over = n - max;
        if (over > 0) {
          out.textContent = n + " characters: " + over + " over the limit of " + max + ". Shorten it before saving.";
          out.classList.add("over");
          el.setCustomValidity("This is " + over + " characters over the limit of " + max + ".");
        } else {
          out.textContent = n > max * 0.8 ? n + " of " + max + " characters" : "";
          out.classList.remove("over");
          el.setCustomValidity("");
        }
      }
      el.addEventListener("input", update);
      update();
    });
  }

  function confirms() {
    document.addEventListener("submit", function (e) {
      var f = e.target;
      if (f.dataset && f.dataset.confirm && !window.confirm(f.dataset.confirm)) e.preventDefault();
    }, true);
  }

  function copies() {
    document.addEventListener("click", function (e) {
      var b = e.target.closest ? e.target.closest("button[data-copy]") : null;
      if (!b) return;
      var src = document.getElementById(b.dataset.copy);
      if (!src) return;
      var text = src.textContent.trim();
      var done = function () {
        b.textContent = "Copied";
        setTimeout(function () { b.textContent = "Copy"; }, 1500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else {
        fallback(text);
        done();
      }
    });
  }

  function fallback(text) {
    var t = document.createElement("textarea");
    t.value = text;
    t.setAttribute("readonly", "");
    t.style.position = "fixed";
    t.style.opacity = "0";
    document.body.appendChild(t);
    t.select();
    try { document.execCommand("copy"); } catch (err) { /* nothing more to try */ }
    document.body.removeChild(t);
  }

  // The alias editor: add a field, remove one (the last one is only cleared).
  function aliasEditor() {
    document.addEventListener("click", function (e) {
      var t = e.target;
      if (!t.closest) return;
      var add = t.closest("[data-add-alias]");
      var rm = t.closest("[data-remove-alias]");
      if (add) {
        var list = add.closest("[data-alias-editor]").querySelector("ul");
        var li = list.querySelector("li").cloneNode(true);
        li.querySelector("input").value = "";
        list.appendChild(li);
        li.querySelector("input").focus();
      } else if (rm) {
        var item = rm.closest("li");
        if (item.parentNode.children.length > 1) item.parentNode.removeChild(item);
        else item.querySelector("input").value = "";
      }
    });
  }

  // A form that came back with errors shows the address of its page, not
  // the route it was sent to.
  function canonical() {
    var c = document.body.dataset.canonical;
    if (c && window.history && window.history.replaceState) window.history.replaceState(null, "", c);
  }

  function start() { canonical(); limits(); copies(); aliasEditor(); }
  confirms();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
