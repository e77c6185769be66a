// Claimdesk keyboard and time helpers. No inline script: the CSP forbids it.
// j/k move through a list, o/Enter open the current row, / focuses search,
// v focuses the verdict form on a claim page. Times are shown in the
// reader's own zone, with the zone named.
(function () {
  "use strict";

  function typing(el) {
    if (!el) return false;
    var t = el.tagName;
    return t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || el.isContentEditable;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav=list] .row"));
  }

  var current = -1;

  function move(delta) {
    var rs = rows();
    if (!rs.length) return;
    // Rows may have been added by the live desk since the last move.
    var marked = document.querySelector("[data-nav=list] .row.current");
    if (marked) current = rs.indexOf(marked);
    if (current >= 0 && rs[current]) rs[current].classList.remove("current");
    current = Math.max(0, Math.min(rs.length - 1, current + delta));
    var r = rs[current];
    r.classList.add("current");
    var link = r.querySelector("a");
    if (link) link.focus({ preventScroll: true });
    r.scrollIntoView({ block: "nearest" });
  }

  function open() {
    var r = document.querySelector("[data-nav=list] .row.current");
    if (r && r.dataset.href) window.location.href = r.dataset.href;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    var target;
    switch (e.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o": open(); break;
      case "Enter":
        if (current >= 0 && document.activeElement === document.body) open(); else return;
        break;
      case "/":
        target = document.querySelector("[data-key='/']");
        if (!target) return;
        target.focus();
        break;
      case "v":
        target = document.querySelector("[data-key=v]");
        if (!target) return;
        target.focus();
        target.scrollIntoView({ block: "center" });
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  function localTimes() {
    var fmt;
    try {
      fmt = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
    } catch (err) {
      return;
    }
    document.querySelectorAll("time[datetime]").forEach(function (t) {
      var d = new Date(t.getAttribute("datetime"));
      if (!isNaN(d)) {
        t.title = t.textContent;
        t.textContent = fmt.format(d);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", localTimes);
  else localTimes();
})();
