package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"claimdesk/models"
)

// TestBrowserCaptureNeverRunsOnOurOrigin adds link evidence through the claim
// page with capture on (the default), waits for the capture to appear, then
// opens the captured copy, a page with a script: it must come as a download,
// never render on Claimdesk's origin.
func TestBrowserCaptureNeverRunsOnOurOrigin(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := headless(t)
	a := newWebApp(t)
	pool := withCapturePool(t, a.store)
	e, err := New(a.store, Config{Logger: discardLogger(), Captures: pool})
	if err != nil {
		t.Fatal(err)
	}
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The ministry says the dam is intact", "Ministry of Energy")
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<html><head><title>Dam statement</title></head><body><p>The dam is intact.</p>` +
			`<script>document.title = "SCRIPT RAN"; fetch("/api/v1/me").then(r => r.text()).then(t => document.body.dataset.me = t)</script></body></html>`))
	}))
	defer hostile.Close()
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)

	run(t, ctx, "sign in", chromedp.Navigate(srv.URL+"/signin"), chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), fc.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), webPassword))
	submitForm(t, ctx, "form[action='/signin'] button", ".counts")

	claimURL := srv.URL + "/claims/" + itoa64(cl.ID)
	form := "form[action='/claims/" + itoa64(cl.ID) + "/evidence']"
	run(t, ctx, "fill the evidence form", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS(form+" input[name=url]")),
		chromedp.SendKeys(chromedp.CSS(form+" input[name=url]"), hostile.URL+"/dam"),
		chromedp.SendKeys(chromedp.CSS(form+" input[name=title]"), "Dam statement"))
	if on, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("`+form+` input[name=capture]").checked`)); err != nil || !on {
		t.Fatalf("capture is not ticked by default: %v %v", on, err)
	}
	submitForm(t, ctx, form+" button[type=submit]", ".flash")

	evs, err := a.store.ClaimEvidence(context.Background(), cl.ID)
	if err != nil || len(evs) != 1 {
		t.Fatalf("evidence %v %v", evs, err)
	}
	link := "#cap-" + itoa64(evs[0].ID) + " a[download]"
	deadline := time.Now().Add(20 * time.Second)
	for {
		run(t, ctx, "reload the claim", chromedp.Navigate(claimURL), chromedp.WaitVisible(chromedp.CSS("#evidence")))
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("`+link+`").length`))
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the capture never appeared on the claim page")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if text := textOf(t, ctx, "#cap-"+itoa64(evs[0].ID)+" table.captures"); !strings.Contains(text, "View captured copy") || !strings.Contains(text, "ok") {
		t.Fatalf("captures table reads %q", text)
	}
	href, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("`+link+`").href`))
	if err != nil || !strings.Contains(href, "/api/v1/captures/") {
		t.Fatalf("captured copy link %q %v", href, err)
	}
	// Opening the copy directly: the browser treats it as a download and
	// stays on the claim page; the captured script never runs here.
	_ = chromedp.Do(ctx, chromedp.Navigate(href))
	time.Sleep(300 * time.Millisecond)
	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title + "|" + location.pathname + "|" + (document.body.dataset.me || "")`))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(title, "SCRIPT RAN") || strings.Contains(title, "Fay") || strings.Contains(title, "/api/v1/captures/") {
		t.Fatalf("the captured page ran on Claimdesk's origin: %q", title)
	}
}
