package handlers

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestWebSmallThingsThatErodeTrust(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	done := finalClaim(t, a, fc, "The bridge was destroyed", models.Verified)
	cl := a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	b := a.browser().signIn("fay@desk.test")

	// Counts follow the view: the legend's total is the list's.
	desk := b.get("/?verdict=verified").Body.String()
	if !strings.Contains(desk, "1 in view") || !strings.Contains(desk, "1 claim(s)") {
		t.Fatalf("counts do not follow the view: %s", desk)
	}
	if all := b.get("/").Body.String(); !strings.Contains(all, "2 in view") {
		t.Fatal("the unfiltered desk does not count everything")
	}

	// A 409 names every field that changed, and by whom.
	page := "/claims/" + itoa64(cl.ID)
	cur, _ := a.store.Claim(context.Background(), cl.ID)
	stale := editForm(cur, map[string]string{"text": "Three women were killed"})
	if _, err := a.store.UpdateClaim(context.Background(), fc, cl.ID, cur.Version, models.ClaimInput{Channel: ptr("on Telegram"), Verb: ptr("wrote")}); err != nil {
		t.Fatal(err)
	}
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if _, err := a.store.SetVerifiability(context.Background(), fc, cl.ID, models.VerifiabilityChange{Verifiability: models.VerifNotVerifiable, Reason: "no access", Version: got.Version}); err != nil {
		t.Fatal(err)
	}
	rec := b.do(http.MethodPost, page+"/edit", withCSRF(b, stale), http.Header{"Referer": {"http://example.com" + page}})
	wantStatus(t, rec, http.StatusConflict)
	body := rec.Body.String()
	if !regexp.MustCompile(`Changed since you opened it: <b>(verb|channel) \(by Fay Tester\), (verb|channel) \(by Fay Tester\), verifiability \(by Fay Tester\)</b>`).MatchString(body) {
		t.Fatalf("409 does not name the changed fields: %s", body)
	}
	// The page that came back keeps the address of the claim page.
	if !strings.Contains(body, `data-canonical="`+page+`"`) {
		t.Fatal("the refused form's page does not carry the claim page's address")
	}

	// Archive is a secondary button that asks first.
	story := b.get("/stories/" + itoa64(cl.StoryID)).Body.String()
	if strings.Contains(story, "Archive story") {
		t.Fatal("a fact-checker is offered Archive")
	}
	e := a.browser().signIn("eve@desk.test")
	story = e.get("/stories/" + itoa64(done.StoryID)).Body.String()
	if !regexp.MustCompile(`data-confirm="Archive “[^"]+”\?[^"]*">\s*<input type="hidden" name="csrf"[^>]*>\s*<input type="hidden" name="archived" value="1">\s*<button type="submit" class="secondary">Archive story</button>`).MatchString(story) {
		t.Fatalf("archive button: %s", story)
	}

	// The keyboard footer only where shortcuts exist.
	if !strings.Contains(b.get("/").Body.String(), `<footer class="foot"><small>Keys: <kbd>j</kbd>`) {
		t.Fatal("the desk lacks its keys")
	}
	if cp := b.get(page).Body.String(); !strings.Contains(cp, "<kbd>v</kbd> verdict") || strings.Contains(cp, "<kbd>j</kbd>") {
		t.Fatal("the claim page's footer is wrong")
	}
	if acc := b.get("/account").Body.String(); strings.Contains(acc, `class="foot"`) {
		t.Fatal("the account page lists keys it does not have")
	}
	// The claim box announces its limit instead of cutting text off.
	if st := b.get("/stories/" + itoa64(cl.StoryID)).Body.String(); !strings.Contains(st, `name="text" rows="2" required data-limit="5000"`) {
		t.Fatal("the claim box still truncates at its limit")
	}
}

// withCSRF adds the browser's CSRF token to a form.
func withCSRF(b *browser, f url.Values) url.Values {
	f.Set("csrf", b.csrf)
	return f
}
