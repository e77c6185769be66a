// Claimdesk live desk: keeps the desk and claim pages current while they are
// open, from the server's event stream (/api/v1/events). Without this script
// (or without EventSource) the pages work as plain pages.
//
// Desk: a changed row is updated in place (verdict badge, verifiability,
// assignee, stale mark); claims new to the view wait behind an
// "N new claims — show" button instead of shifting the list under the
// reader; the counts follow. Claim page: a change by someone else is told
// at once and the forms take the new version (typed text stays); who else
// has the claim open is shown. "Take" buttons work without reloading.
// Header: live / reconnecting / offline, reconnecting with growing,
// jittered delays. Focus and typed text are never touched.
(function () {
  "use strict";

  var status = document.getElementById("live-status");
  if (!status || !window.EventSource || !window.fetch || !window.DOMParser) return;

  var me = Number(status.dataset.user);
  var deskMark = document.querySelector("[data-live=desk]");
  var claimPage = document.querySelector("article.claim[data-claim]");
  var claimID = claimPage ? Number(claimPage.dataset.claim) : 0;
  var story = deskMark && deskMark.dataset.story !== "0" ? deskMark.dataset.story : "";

  var claimTypes = ["claim.created", "claim.updated", "claim.verdict", "claim.verifiability", "claim.assigned",
    "claim.signed_off", "evidence.added", "evidence.removed", "claim.published", "claim.corrected", "candidate.proposed"];
  var unconfirmed = { unreviewed: true, in_review: true, unverified: true, disputed: true };

  // ---- labels, read from the page's own selects so they match the server's
  function labels(selector) {
    var m = {};
    document.querySelectorAll(selector + " option[value]").forEach(function (o) {
      if (o.value) m[o.value] = o.textContent.trim();
    });
    return m;
  }
  var verdictLabels = labels("select[name=verdict]");
  var verifLabels = labels("select[name=verifiability]");
  function label(m, v) {
    if (m[v]) return m[v];
    var s = String(v || "").replace(/_/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  // ---- the connection and its indicator
  var es = null;
  var lastID = null;
  var attempt = 0;
  var retryTimer = null;
  var everLive = false;

  function setStatus(state, text, title) {
    status.hidden = false;
    status.dataset.state = state;
    status.querySelector(".label").textContent = text;
    status.title = title || text;
  }

  function streamURL() {
    var q = [];
    if (lastID !== null) q.push("since=" + encodeURIComponent(lastID));
    if (story) q.push("story=" + encodeURIComponent(story));
    if (claimID) q.push("claim=" + claimID);
    return "/api/v1/events" + (q.length ? "?" + q.join("&") : "");
  }

  function connect() {
    clearTimeout(retryTimer);
    if (es) es.close();
    es = new EventSource(streamURL());
    es.addEventListener("ready", function (e) {
      var d = JSON.parse(e.data);
      lastID = d.last_id;
      attempt = 0;
      setStatus("live", "Live", "Changes by others show here as they happen");
      if (everLive) refreshSoon(); // anything a replay cannot tell (rows entering the view)
      everLive = true;
    });
    claimTypes.forEach(function (t) { es.addEventListener(t, onEvent); });
    es.addEventListener("presence", onPresence);
    es.addEventListener("resync", function (e) {
      // Fell behind: start again from the last event seen, at once.
      var d = JSON.parse(e.data);
      if (d.last_id) lastID = d.last_id;
      connect();
    });
    es.onerror = function () {
      es.close();
      es = null;
      retry();
    };
  }

  // retry waits 1 s, 2 s, 4 s … up to 30 s, each time between half and all
  // of it (jitter), so that a desk full of browsers does not reconnect in step.
  function retry() {
    attempt++;
    var base = Math.min(30000, 1000 * Math.pow(2, attempt - 1));
    var delay = Math.round(base / 2 + Math.random() * base / 2);
    if (attempt <= 2 && navigator.onLine !== false) {
      setStatus("reconnecting", "Reconnecting…", "The connection dropped; reconnecting");
    } else {
      setStatus("offline", "Offline", "No connection to Claimdesk; next try in " + Math.ceil(delay / 1000) + " s. This page may be out of date.");
    }
    if (attempt === 3) checkSignedIn();
    retryTimer = setTimeout(connect, delay);
  }

  // checkSignedIn stops retrying when the session has ended.
  function checkSignedIn() {
    fetch("/api/v1/me", { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (r.status === 401 || r.status === 403) {
        clearTimeout(retryTimer);
        setStatus("offline", "Signed out", "Your session has ended: sign in again to see live changes");
      }
    }, function () {});
  }

  window.addEventListener("online", function () { if (!es) { attempt = 0; connect(); } });

  function onEvent(e) {
    var d = JSON.parse(e.data);
    if (d.id && (lastID === null || d.id > lastID)) lastID = d.id;
    if (deskMark) deskEvent(d);
    if (claimID && d.claim_id === claimID) claimEvent(d);
  }

  // ---- desk
  function deskRow(id) {
    return document.querySelector("table.claims tr[data-claim='" + id + "']");
  }

  function deskEvent(d) {
    var row = d.claim_id ? deskRow(d.claim_id) : null;
    if (row && d.version && d.version >= Number(row.dataset.version || 0)) updateRow(row, d);
    refreshSoon();
  }

  // updateRow redraws a row's cells from an event, without replacing the row
  // (its checkbox, its links and the keyboard's place in the list stay).
  function updateRow(row, d) {
    row.dataset.version = d.version;
    var badge = row.querySelector(".c-verdict .badge");
    if (badge && d.verdict) {
      badge.className = "badge v-" + d.verdict;
      badge.textContent = label(verdictLabels, d.verdict);
    }
    var verif = row.querySelector(".c-verif");
    if (verif && d.verifiability) verif.textContent = label(verifLabels, d.verifiability);
    if (d.verdict && !unconfirmed[d.verdict]) {
      row.classList.remove("stale");
      var flag = row.querySelector(".stale-flag");
      if (flag) flag.remove();
    }
    if (d.type === "claim.verdict") {
      var ok = row.querySelector(".c-verdict .flag.ok");
      if (ok) ok.remove(); // a new verdict is not signed off
    }
    setAssignee(row.querySelector(".c-assignee"), d.assignee_id, d.assignee_name);
    flash(row);
  }

  // setAssignee shows who has a claim; the Take button goes once someone
  // has it (focus on it moves to the row's link rather than being lost).
  function setAssignee(cell, id, name) {
    if (!cell) return;
    var form = cell.querySelector("form.take");
    if (id) {
      var msg = cell.querySelector(".take-msg");
      if (form) {
        if (form.contains(document.activeElement)) {
          var link = cell.closest("tr") && cell.closest("tr").querySelector("a");
          if (link) link.focus({ preventScroll: true });
        }
        form.remove();
      }
      var text = name || "someone";
      setOwnText(cell, text);
      if (msg) cell.appendChild(msg);
    } else if (!form) {
      setOwnText(cell, "");
    }
  }

  // setOwnText sets the text of a cell that may also hold a form.
  function setOwnText(cell, text) {
    var node = cell.firstChild;
    if (node && node.nodeType === 3) node.nodeValue = text;
    else cell.insertBefore(document.createTextNode(text), cell.firstChild);
  }

  function flash(el) {
    el.classList.remove("live-changed");
    void el.offsetWidth;
    el.classList.add("live-changed");
  }

  // refreshSoon reads the desk again a little later (several changes in a row
  // make one read, and open desks do not all ask at the same instant).
  var refreshTimer = null;
  function refreshSoon() {
    if (!deskMark || refreshTimer) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refreshDesk();
    }, 300 + Math.random() * 700);
  }

  var pending = []; // rows new to this view, waiting behind the banner

  function refreshDesk() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } }).then(function (r) {
      if (!r.ok) throw new Error("desk " + r.status);
      return r.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      syncCounts(doc);
      var table = document.querySelector("table.claims");
      var fresh = Array.prototype.slice.call(doc.querySelectorAll("table.claims tr[data-claim]"));
      var seen = {};
      fresh.forEach(function (tr) {
        seen[tr.dataset.claim] = true;
        var row = deskRow(tr.dataset.claim);
        if (row) syncRow(row, tr);
      });
      if (table) {
        table.querySelectorAll("tr[data-claim]").forEach(function (row) {
          row.classList.toggle("live-gone", !seen[row.dataset.claim]);
          if (!seen[row.dataset.claim]) row.title = "No longer in this view";
          else if (row.title) row.removeAttribute("title");
        });
      }
      pending = fresh.filter(function (tr) { return !deskRow(tr.dataset.claim); });
      showBanner(!table && pending.length > 0);
    }).catch(function () {});
  }

  // syncRow copies the cells that change from a freshly read row, unless the
  // reader is inside that cell.
  function syncRow(row, fresh) {
    if (Number(fresh.dataset.version) < Number(row.dataset.version || 0)) return;
    row.dataset.version = fresh.dataset.version;
    row.classList.toggle("stale", fresh.classList.contains("stale"));
    ["c-verdict", "c-verif", "c-assignee"].forEach(function (c) {
      var cell = row.querySelector("." + c);
      var next = fresh.querySelector("." + c);
      if (!cell || !next || cell.contains(document.activeElement) || cell.querySelector(".take-msg")) return;
      if (cell.innerHTML !== next.innerHTML) cell.innerHTML = next.innerHTML;
    });
    var text = row.querySelector("td.text");
    var freshText = fresh.querySelector("td.text");
    if (text && freshText && !text.contains(document.activeElement) && text.innerHTML !== freshText.innerHTML) {
      text.innerHTML = freshText.innerHTML;
    }
  }

  function syncCounts(doc) {
    [".counts", "p.summary"].forEach(function (sel) {
      var here = document.querySelector(sel);
      var there = doc.querySelector(sel);
      if (!here || !there || here.innerHTML === there.innerHTML) return;
      if (here.contains(document.activeElement)) {
        // Only the numbers, so the focused link stays.
        var a = here.querySelectorAll("b"), b = there.querySelectorAll("b");
        for (var i = 0; i < a.length && i < b.length; i++) a[i].textContent = b[i].textContent;
        return;
      }
      here.innerHTML = there.innerHTML;
    });
  }

  var banner = null;
  function showBanner(reloadToShow) {
    if (!pending.length && !reloadToShow) {
      if (banner && !banner.contains(document.activeElement)) { banner.remove(); banner = null; }
      if (banner) banner.querySelector("button").textContent = "No new claims";
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "live-banner";
      banner.setAttribute("role", "status");
      var b = document.createElement("button");
      b.type = "button";
      b.addEventListener("click", function () {
        if (!document.querySelector("table.claims")) { window.location.reload(); return; }
        showPending();
      });
      banner.appendChild(b);
      deskMark.parentNode.insertBefore(banner, deskMark.nextSibling);
    }
    var n = pending.length;
    banner.querySelector("button").textContent = n + " new claim" + (n === 1 ? "" : "s") + " — show";
  }

  // showPending puts the waiting rows where the server placed them; the
  // reader asked for it, so the list may move now. Focus goes to the first
  // new row, since the banner they pressed goes away.
  function showPending() {
    var tbody = document.querySelector("table.claims tbody");
    var first = null;
    var freshOrder = pending.slice();
    freshOrder.forEach(function (tr) {
      var row = document.importNode(tr, true);
      // The next row of the fresh list that is already shown, if any.
      var after = tr.nextElementSibling, anchor = null;
      while (after && !anchor) {
        anchor = deskRow(after.dataset.claim);
        after = after.nextElementSibling;
      }
      tbody.insertBefore(row, anchor);
      flash(row);
      if (!first) first = row;
    });
    pending = [];
    var had = banner && banner.contains(document.activeElement);
    if (banner) { banner.remove(); banner = null; }
    if (had && first) {
      var link = first.querySelector("td.text a");
      if (link) link.focus();
    }
  }

  // ---- claim page
  var notice = null, noticeTimer = null, lastChange = null;
  var decisionForm = /^\/claims\/\d+\/(verdict|verifiability|assign|signoff|withdraw|restore)$/;
  // ownChangeHere is set while this page's own Take is on its way, so its
  // event is not told as news.
  var ownChangeHere = false;

  function claimEvent(d) {
    var was = Number(claimPage.dataset.version || 0);
    var newer = d.version && d.version > was;
    if (newer) {
      claimPage.dataset.version = d.version;
      // Only forms that state a decision of their own move to the new
      // version. Forms filled with the claim's content (the edit form, the
      // tags) keep theirs: sent as they are, they would put back what
      // someone else just changed, so they still get the 409 page.
      document.querySelectorAll("form").forEach(function (f) {
        var input = f.querySelector("input[name=version]");
        if (input && decisionForm.test(f.getAttribute("action") || "")) input.value = d.version;
      });
      var meta = document.querySelector(".side-col .meta small");
      if (meta && meta.firstChild && meta.firstChild.nodeType === 3) {
        meta.firstChild.nodeValue = meta.firstChild.nodeValue.replace(/Version \d+/, "Version " + d.version);
      }
    }
    if (d.verdict) {
      var badge = document.querySelector("#claim-verdict .badge");
      if (badge) {
        badge.className = "badge v-" + d.verdict;
        badge.textContent = label(verdictLabels, d.verdict);
      }
    }
    if (d.type === "claim.assigned") {
      var who = document.getElementById("claim-assignee");
      if (who) who.textContent = d.assignee_name || "nobody";
      var take = document.querySelector(".side-col form.take");
      if (take && d.assignee_id) {
        if (take.contains(document.activeElement) && who) { who.tabIndex = -1; who.focus(); }
        take.remove();
      }
    }
    if (d.actor_id === me && (ownChangeHere || !newer)) return;
    lastChange = { d: d, newer: newer };
    showNotice();
  }

  function describe(d) {
    var action = "";
    try { action = (typeof d.detail === "object" && d.detail && d.detail.action) || ""; } catch (err) { action = ""; }
    switch (d.type) {
      case "claim.verdict": return "set verdict to " + label(verdictLabels, d.verdict).toLowerCase();
      case "claim.verifiability": return "marked it " + label(verifLabels, d.verifiability).toLowerCase();
      case "claim.assigned": return d.assignee_name ? "assigned it to " + d.assignee_name : "unassigned it";
      case "claim.signed_off": return "signed off the verdict " + label(verdictLabels, d.verdict).toLowerCase();
      case "evidence.added": return "added evidence";
      case "evidence.removed": return "removed evidence";
      case "claim.published": return "published it";
      case "claim.corrected": return "recorded a correction";
      default: return action === "note" ? "added a note" : action === "edited" ? "edited the claim" : "changed the claim";
    }
  }

  function ago(at) {
    var s = Math.max(0, Math.round((Date.now() - new Date(at).getTime()) / 1000));
    if (s < 60) return s + " s ago";
    var m = Math.round(s / 60);
    return m < 60 ? m + " min ago" : Math.round(m / 60) + " h ago";
  }

  function showNotice() {
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "live-notice";
      notice.setAttribute("role", "status");
      notice.setAttribute("aria-live", "polite");
      var h1 = claimPage.querySelector("h1");
      h1.parentNode.insertBefore(notice, h1.nextSibling);
    }
    var d = lastChange.d;
    var who = d.actor_id === me ? "You" : d.actor_name || "Someone";
    var text = who + " " + describe(d) + " " + ago(d.at) + (d.actor_id === me ? " in another window" : "");
    text += lastChange.newer ? " — the form now uses the new version." : ".";
    notice.textContent = text + " ";
    var a = document.createElement("a");
    a.href = window.location.pathname;
    a.textContent = "Reload to see all of it";
    notice.appendChild(a);
    clearInterval(noticeTimer);
    noticeTimer = setInterval(function () {
      if (!notice.contains(document.activeElement)) showNotice();
    }, 5000);
  }

  function onPresence(e) {
    var d = JSON.parse(e.data);
    if (d.claim_id !== claimID) return;
    var others = (d.viewers || []).filter(function (v) { return v.id !== me; });
    var el = document.getElementById("presence");
    if (!el) {
      el = document.createElement("p");
      el.id = "presence";
      el.className = "presence";
      var crumbs = claimPage.querySelector(".crumbs");
      crumbs.parentNode.insertBefore(el, crumbs.nextSibling);
    }
    el.hidden = others.length === 0;
    el.textContent = others.length ? "Also on this claim now: " + others.map(function (v) { return v.name; }).join(", ") : "";
  }

  // ---- Take, without leaving the page
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("form.take")) return;
    e.preventDefault();
    var id = form.dataset.claim;
    var csrf = form.querySelector("input[name=csrf]").value;
    var button = form.querySelector("button");
    button.disabled = true;
    ownChangeHere = true;
    fetch("/api/v1/claims/" + id + "/take", {
      method: "POST", credentials: "same-origin",
      headers: { "X-CSRF-Token": csrf, Accept: "application/json" }
    }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body }; });
    }).then(function (res) {
      setTimeout(function () { ownChangeHere = false; }, 2000);
      var cell = form.closest(".c-assignee") || form.parentNode;
      var claim = res.status === 200 ? res.body : res.body.current;
      if (res.status !== 200 && res.status !== 409) { form.submit(); return; }
      var msg = document.createElement("span");
      msg.className = res.status === 200 ? "take-msg ok" : "take-msg ferr";
      msg.setAttribute("role", res.status === 200 ? "status" : "alert");
      msg.textContent = res.status === 200 ? " You took it." : " " + res.body.error + ".";
      var row = form.closest("tr");
      if (row && claim) row.dataset.version = claim.version;
      if (claimPage && claim) claimEvent({ type: "claim.assigned", claim_id: claim.id, version: claim.version, assignee_id: claim.assignee_id, assignee_name: claim.assignee_name, actor_id: me });
      if (row) setAssignee(cell, claim && claim.assignee_id, claim && claim.assignee_name);
      cell.appendChild(msg);
      setTimeout(function () { if (!msg.contains(document.activeElement)) msg.remove(); }, 10000);
      var link = row && row.querySelector("td.text a");
      if (document.activeElement === document.body && link) link.focus({ preventScroll: true });
    }).catch(function () { form.submit(); });
  });

  setStatus("connecting", "Connecting…");
  connect();
})();
