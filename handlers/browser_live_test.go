package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserServer serves h for a browser test. Pages keep an event stream
// open, and httptest's Close waits for every open request: the streams'
// connections are closed first, or the test would wait for the browser to
// go away, which happens only after this cleanup.
func browserServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(func() {
		srv.Listener.Close() // no reconnecting meanwhile
		srv.CloseClientConnections()
		srv.Close()
	})
	return srv
}

// signInAs signs a browser in through the sign-in page.
func signInAs(t *testing.T, ctx context.Context, base, email string) {
	t.Helper()
	run(t, ctx, "sign in "+email, chromedp.Navigate(base+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")
}

// waitFor waits up to 10 s for a JavaScript condition to hold.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", what, err)
	}
}

// eval runs JavaScript and returns its result.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// twoDesks starts the app and two browser contexts (separate cookies), Fay
// the fact-checker's and Eve the editor's, each signed in at the desk.
func twoDesks(t *testing.T) (*liveFixture, context.Context, context.Context) {
	t.Helper()
	fayCtx := headless(t)
	f := newLiveFixture(t, testLive)
	eveCtx, cancel := chromedp.NewContext(fayCtx, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	signInAs(t, fayCtx, f.srv.URL, "fc@desk.test")
	signInAs(t, eveCtx, f.srv.URL, "editor@desk.test")
	return f, fayCtx, eveCtx
}

// Two people at their desks in two browser contexts: a verdict set by one
// shows on the other's desk without a reload, where the reader's focus and
// typed text stay; a new claim waits behind "1 new claim — show"; a claim
// one takes shows as taken on the other's desk.
func TestBrowserLiveDesk(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f, fayCtx, eveCtx := twoDesks(t)
	id, v := f.claim(f.story, "Two women were killed by shelling in Belgorod.")
	for _, ctx := range []context.Context{fayCtx, eveCtx} {
		run(t, ctx, "open the desk", chromedp.Navigate(f.srv.URL+"/"), chromedp.WaitVisible(chromedp.CSS("table.claims")))
		waitFor(t, ctx, "live", `document.querySelector("#live-status[data-state=live]")`)
	}
	row := "tr[data-claim='" + strconv.FormatInt(id, 10) + "']"

	// Fay is typing a search when Eve sets a verdict.
	run(t, fayCtx, "type a search", chromedp.Click(chromedp.CSS("input[name=q]")), chromedp.SendKeys(chromedp.CSS("input[name=q]"), "Belgo"),
		chromedp.Evaluate[chromedp.Void]("window.sameDocument = true"))
	mustStatus(t, f.do("editor", http.MethodPost, claimPath(id, "/verdict"), map[string]any{"verdict": "disputed", "rationale": "accounts conflict", "version": v}), http.StatusOK)
	waitFor(t, fayCtx, "the badge", `document.querySelector("`+row+` .c-verdict .badge.v-disputed")`)
	if got := textOf(t, fayCtx, row+" .c-verdict .badge"); got != "Disputed" {
		t.Fatalf("badge %q", got)
	}
	if !eval[bool](t, fayCtx, "window.sameDocument === true") {
		t.Fatal("the desk reloaded")
	}
	if eval[string](t, fayCtx, "document.activeElement.name + '=' + document.activeElement.value") != "q=Belgo" {
		t.Fatal("the search field lost focus or text")
	}
	waitFor(t, fayCtx, "counts", `document.querySelector(".counts").textContent.includes("1 in view") && /Disputed\s*1/.test(document.querySelector(".counts .legend").textContent)`)

	// A new claim waits behind the banner; the list does not move.
	rowsBefore := eval[int](t, fayCtx, `document.querySelectorAll("table.claims tbody tr").length`)
	newID, _ := f.claim(f.other, "The militia says Russian forces killed two civilians.")
	waitFor(t, fayCtx, "the banner", `document.querySelector(".live-banner button") && document.querySelector(".live-banner button").textContent === "1 new claim — show"`)
	if n := eval[int](t, fayCtx, `document.querySelectorAll("table.claims tbody tr").length`); n != rowsBefore {
		t.Fatalf("rows went from %d to %d before show", rowsBefore, n)
	}
	newRow := "tr[data-claim='" + strconv.FormatInt(newID, 10) + "']"
	run(t, fayCtx, "show", chromedp.Click(chromedp.CSS(".live-banner button")), chromedp.WaitVisible(chromedp.CSS(newRow)))
	if eval[bool](t, fayCtx, `!!document.querySelector(".live-banner")`) {
		t.Fatal("the banner stayed after show")
	}

	// Fay takes the new claim; Eve's desk shows it taken, without its Take button.
	waitFor(t, eveCtx, "the new claim on Eve's desk", `document.querySelector(".live-banner button")`)
	run(t, eveCtx, "show on Eve's desk", chromedp.Click(chromedp.CSS(".live-banner button")), chromedp.WaitVisible(chromedp.CSS(newRow+" form.take button")))
	run(t, fayCtx, "take", chromedp.Click(chromedp.CSS(newRow+" form.take button")))
	waitFor(t, fayCtx, "taken", `document.querySelector("`+newRow+` .c-assignee").textContent.includes("Fay Checker")`)
	waitFor(t, eveCtx, "taken on Eve's desk", `document.querySelector("`+newRow+` .c-assignee").textContent.includes("Fay Checker") && !document.querySelector("`+newRow+` form.take")`)
	if got, err := f.store.Claim(context.Background(), newID); err != nil || got.AssigneeID == nil || *got.AssigneeID != f.users["fc"].ID {
		t.Fatalf("stored assignee %v %v", got, err)
	}
}

// A claim page shows who else has it open and a change made by someone
// else, with the form moved to the new version and the typed text kept;
// the header says live, then reconnecting or offline while the server is
// down, then live again.
func TestBrowserLiveClaimPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	f, fayCtx, eveCtx := twoDesks(t)
	id, v := f.claim(f.story, "Two women were killed by shelling in Belgorod.")
	claimURL := f.srv.URL + "/claims/" + strconv.FormatInt(id, 10)
	run(t, fayCtx, "Fay opens the claim", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#verdict-select")))
	waitFor(t, fayCtx, "live", `document.querySelector("#live-status[data-state=live]")`)
	run(t, eveCtx, "Eve opens the claim", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#verdict-select")))
	waitFor(t, fayCtx, "presence", `document.querySelector("#presence") && document.querySelector("#presence").textContent.includes("Eve Editor")`)
	waitFor(t, eveCtx, "presence", `document.querySelector("#presence") && document.querySelector("#presence").textContent.includes("Fay Checker")`)

	// Fay is halfway through a rationale when Eve sets the verdict.
	run(t, fayCtx, "type", chromedp.SetValue(chromedp.CSS("#verdict-select"), "unverified"), chromedp.Click(chromedp.CSS("#rationale")),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "The hospital could not"))
	run(t, eveCtx, "Eve's verdict", chromedp.SetValue(chromedp.CSS("#verdict-select"), "in_review"),
		chromedp.SendKeys(chromedp.CSS("#rationale"), "Calling the hospital"))
	submitForm(t, eveCtx, "#verdict button", ".flash")
	waitFor(t, fayCtx, "the notice", `document.querySelector(".live-notice")`)
	notice := textOf(t, fayCtx, ".live-notice")
	if !strings.Contains(notice, "Eve Editor set verdict to in review") || !strings.Contains(notice, "s ago") || !strings.Contains(notice, "the form now uses the new version") {
		t.Fatalf("notice %q", notice)
	}
	if got := eval[string](t, fayCtx, `document.querySelector("#verdict input[name=version]").value`); got != strconv.FormatInt(v+1, 10) {
		t.Fatalf("the form's version is %s", got)
	}
	if got := eval[string](t, fayCtx, "document.activeElement.id + '=' + document.activeElement.value"); got != "rationale=The hospital could not" {
		t.Fatalf("focus and text: %q", got)
	}
	if got := textOf(t, fayCtx, "#claim-verdict .badge"); got != "In review" {
		t.Fatalf("badge %q", got)
	}
	// Fay finishes and submits: her verdict goes through on the new version.
	run(t, fayCtx, "finish", chromedp.SendKeys(chromedp.CSS("#rationale"), " confirm the deaths"))
	submitForm(t, fayCtx, "#verdict button", ".flash")
	if got, _ := f.store.Claim(context.Background(), id); got.Verdict != "unverified" || got.VerdictRationale != "The hospital could not confirm the deaths" {
		t.Fatalf("stored %s %q", got.Verdict, got.VerdictRationale)
	}

	// Eve leaves: Fay's page stops listing her.
	run(t, eveCtx, "Eve leaves", chromedp.Navigate(f.srv.URL+"/account"))
	waitFor(t, fayCtx, "Eve gone", `document.querySelector("#presence").hidden`)

	// The server stops, then comes back where it was.
	waitFor(t, fayCtx, "live", `document.querySelector("#live-status[data-state=live]")`)
	f.stop()
	waitFor(t, fayCtx, "not live", `/reconnecting|offline/.test(document.querySelector("#live-status").dataset.state)`)
	if got := textOf(t, fayCtx, "#live-status"); !strings.Contains(got, "Reconnecting") && !strings.Contains(got, "Offline") {
		t.Fatalf("status %q", got)
	}
	f.start(t, testLive)
	waitFor(t, fayCtx, "live again", `document.querySelector("#live-status[data-state=live]")`)
	mustStatus(t, f.do("editor", http.MethodPost, claimPath(id, "/take"), nil), http.StatusOK)
	waitFor(t, fayCtx, "a change after the restart", `document.querySelector("#claim-assignee").textContent === "Eve Editor"`)
}
