// The inbox of proposed claims, on a story page and on /inbox. Without this
// script its forms work on their own; with it the desk decides candidates
// from the keyboard (a accept, d dismiss, e edit, on the current row that
// j/k select) without reloading, and new candidates appear as soon as the
// live events announce them (candidate.proposed), or, where the events
// stream is unavailable, within a few seconds. Candidates accepted on
// another desk leave the list with the claim.created event; one dismissed
// there answers 409 here and leaves it then.
(function () {
  "use strict";

  function inbox() { return document.querySelector("[data-inbox]"); }
  if (!inbox()) return;

  function typing(el) {
    if (!el) return false;
    var t = el.tagName;
    return t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || el.isContentEditable;
  }

  function say(msg) {
    var s = document.querySelector("[data-inbox-status]");
    if (s) s.textContent = msg;
  }

  function csrfOf(row) {
    var i = row.querySelector("input[name=csrf]");
    return i ? i.value : "";
  }

  // The row a key acts on: the one j/k made current, else the one holding
  // the focus, else the first.
  function targetRow() {
    var box = inbox();
    if (!box) return null;
    var r = box.querySelector(".candidate.current");
    if (!r && document.activeElement) r = document.activeElement.closest && document.activeElement.closest(".candidate");
    return r || box.querySelector(".candidate");
  }

  function countDown() {
    var c = document.querySelector("[data-inbox-count]");
    if (!c) return;
    var n = parseInt(c.textContent, 10);
    if (n > 0) c.textContent = (n - 1) + " pending";
  }

  function removeRow(row) {
    var next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    countDown();
    if (next) {
      next.classList.add("current");
      var a = next.querySelector("a");
      if (a) a.focus({ preventScroll: true });
    }
  }

  function post(row, path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrfOf(row) },
      body: JSON.stringify(body || {})
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { return { ok: res.ok, status: res.status, data: data }; });
    });
  }

  function problem(r) {
    if (r.data && r.data.errors) {
      return Object.keys(r.data.errors).map(function (k) { return k + " " + r.data.errors[k]; }).join("; ");
    }
    return (r.data && r.data.error) || ("the server answered " + r.status);
  }

  function accept(row, edits) {
    var id = row.dataset.candidate;
    say("Accepting…");
    post(row, "/api/v1/candidates/" + id + "/accept", edits).then(function (r) {
      if (r.ok) {
        say("Accepted: claim #" + r.data.claim_id + " added.");
        removeRow(row);
      } else {
        say("Not accepted: " + problem(r) + ".");
        if (r.status === 409) removeRow(row);
      }
    }, function () { say("Not accepted: the server could not be reached."); });
  }

  function dismiss(row, reason) {
    var id = row.dataset.candidate;
    post(row, "/api/v1/candidates/" + id + "/dismiss", { reason: reason }).then(function (r) {
      if (r.ok) {
        say("Dismissed.");
        removeRow(row);
      } else {
        say("Not dismissed: " + problem(r) + ".");
        if (r.status === 409) removeRow(row);
      }
    }, function () { say("Not dismissed: the server could not be reached."); });
  }

  function editsOf(form) {
    var f = new FormData(form);
    return {
      claim: f.get("claim"), claimant: f.get("claimant"), verb: f.get("verb"), channel: f.get("channel"),
      via: f.get("via"), quote: f.get("quote"), caveat: f.get("caveat"),
      direct: f.get("direct") === "1", unverifiable: f.get("unverifiable") === "1"
    };
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    var row = form.closest && form.closest("[data-inbox] .candidate");
    if (!row) return;
    var act = form.dataset.act;
    if (act === "accept") accept(row);
    else if (act === "edit") accept(row, editsOf(form));
    else if (act === "dismiss") dismiss(row, new FormData(form).get("reason"));
    else return;
    e.preventDefault();
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(document.activeElement)) return;
    if (e.key !== "a" && e.key !== "d" && e.key !== "e") return;
    var row = targetRow();
    if (!row || !row.querySelector("form")) return;
    e.preventDefault();
    if (e.key === "a") {
      accept(row);
    } else if (e.key === "d") {
      var reason = row.querySelector("[data-act=dismiss] input[name=reason]");
      reason.focus();
      reason.scrollIntoView({ block: "center" });
      say("Type why it is dismissed, then Enter.");
    } else {
      var d = row.querySelector("details.cand-edit");
      d.open = true;
      var claim = d.querySelector("textarea[name=claim]");
      claim.focus();
      claim.scrollIntoView({ block: "center" });
    }
  });

  // Live: swap in the inbox as the server renders it now, keeping the
  // current row, unless someone is typing in it (then after they leave).
  var stale = false;
  function refresh() {
    var box = inbox();
    if (!box) return;
    if (box.contains(document.activeElement) && typing(document.activeElement)) {
      stale = true;
      return;
    }
    stale = false;
    var story = box.dataset.story;
    fetch("/inbox/fragment" + (story ? "?story=" + encodeURIComponent(story) : ""), { credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var cur = box.querySelector(".candidate.current");
        var keep = cur ? cur.id : "";
        var status = box.querySelector("[data-inbox-status]");
        var msg = status ? status.textContent : "";
        var tpl = document.createElement("template");
        tpl.innerHTML = html;
        var fresh = tpl.content.querySelector("[data-inbox]");
        if (!fresh) return;
        box.replaceWith(fresh);
        var st = fresh.querySelector("[data-inbox-status]");
        if (st) st.textContent = msg;
        if (keep) {
          var again = document.getElementById(keep);
          if (again) again.classList.add("current");
        }
      });
  }
  document.addEventListener("focusout", function () { if (stale) setTimeout(refresh, 0); });

  // Several events in a burst (a check, then claims accepted elsewhere)
  // reload the inbox once.
  var pendingRefresh = null;
  function soon() {
    if (pendingRefresh) return;
    pendingRefresh = setTimeout(function () { pendingRefresh = null; refresh(); }, 250);
  }

  var polling = null;
  function poll() {
    if (!polling) polling = setInterval(refresh, 5000);
  }
  if (window.EventSource) {
    // From the last event before the page read its candidates: what was
    // proposed while the page loaded is replayed, not missed.
    var box = inbox();
    var q = ["since=" + encodeURIComponent(box.dataset.since || "0")];
    if (box.dataset.story) q.push("story=" + encodeURIComponent(box.dataset.story));
    var es = new EventSource("/api/v1/events?" + q.join("&"));
    es.addEventListener("candidate.proposed", soon);
    // A candidate accepted on another desk becomes a claim of the story.
    es.addEventListener("claim.created", soon);
    es.addEventListener("error", function () {
      if (es.readyState === EventSource.CLOSED) poll();
    });
  } else {
    poll();
  }
})();
