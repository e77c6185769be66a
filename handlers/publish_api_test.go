package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// publishSeeded makes the fixture's claim published: evidence, verified by
// the fact-checker, signed off by an editor. It returns the claim's path
// and its version.
func (f *apiFixture) publishSeeded(t *testing.T) (story int64, path string, version int) {
	t.Helper()
	story, _, claim := f.seed(t)
	path = fmt.Sprintf("/api/v1/claims/%d", claim)
	mustStatus(t, f.do("fc", "POST", path+"/evidence", map[string]any{"kind": "photo", "stance": "supports", "url": "https://example.org/a"}), http.StatusCreated)
	mustStatus(t, f.do("fc", "POST", path+"/verdict", map[string]any{"verdict": "verified", "rationale": "photos geolocated", "version": 1}), http.StatusOK)
	mustStatus(t, f.do("editor", "POST", path+"/signoff", map[string]any{"version": 2}), http.StatusOK)
	return story, path, 3
}

func TestAPICorrections(t *testing.T) {
	f := newAPIFixture(t)
	story, c, v := f.publishSeeded(t)
	list := func(q string) []any {
		rec := f.do("viewer", "GET", "/api/v1/corrections"+q, nil)
		mustStatus(t, rec, http.StatusOK)
		return decode(t, rec)["corrections"].([]any)
	}
	if n := len(list(fmt.Sprintf("?story=%d", story))); n != 0 {
		t.Fatalf("%d corrections before any change", n)
	}
	// An edit of the published text needs a reason: 422, nothing written.
	rec := f.do("fc", "PATCH", c, map[string]any{"text": "Two women were injured", "version": v})
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if msg, _ := decode(t, rec)["errors"].(map[string]any)["reason"].(string); !strings.Contains(msg, "required") {
		t.Fatalf("422 without reason: %s", rec.Body.String())
	}
	if cl := decode(t, f.do("viewer", "GET", c, nil)); cl["published"] != true || cl["text"] != "Two women were killed by Ukrainian shelling" {
		t.Fatalf("a refused edit changed the claim: %v", cl)
	}
	rec = f.do("fc", "PATCH", c, map[string]any{"text": "Two women were injured by Ukrainian shelling", "version": v, "reason": "the hospital corrected its statement"})
	mustStatus(t, rec, http.StatusOK)
	cs := list(fmt.Sprintf("?story=%d", story))
	if len(cs) != 1 {
		t.Fatalf("corrections: %v", cs)
	}
	k := cs[0].(map[string]any)
	for _, field := range []string{"id", "claim_id", "at", "by", "from_verdict", "to_verdict", "reason", "update_line"} {
		if _, ok := k[field]; !ok {
			t.Errorf("correction lacks %q: %v", field, k)
		}
	}
	if k["by"] != "Fay Checker" || k["from_verdict"] != "verified" || k["to_verdict"] != "verified" || k["reason"] != "the hospital corrected its statement" ||
		!strings.Contains(k["update_line"].(string), "it said that two women were killed by Ukrainian shelling; the claim is that two women were injured by Ukrainian shelling.") {
		t.Errorf("correction %v", k)
	}
	if n := len(list(fmt.Sprintf("?story=%d", story+1))); n != 0 {
		t.Errorf("another story has %d corrections", n)
	}
	if n := len(list(fmt.Sprintf("?claim=%d", int64(k["claim_id"].(float64))))); n != 1 {
		t.Errorf("by claim: %d", n)
	}
	rec = f.do("viewer", "GET", "/api/v1/corrections?story=abc", nil)
	mustStatus(t, rec, http.StatusUnprocessableEntity)
	if _, ok := decode(t, rec)["errors"].(map[string]any)["story"]; !ok {
		t.Errorf("bad story: %s", rec.Body.String())
	}
	mustStatus(t, f.do("", "GET", "/api/v1/corrections", nil), http.StatusUnauthorized)
}

func TestAPIWebhooks(t *testing.T) {
	f := newAPIFixture(t)
	good := map[string]any{"url": "https://cms.example/claimdesk", "events": []string{"claim.published", "claim.corrected"}}
	for _, who := range []string{"viewer", "fc", "editor"} {
		mustStatus(t, f.do(who, "POST", "/api/v1/webhooks", good), http.StatusForbidden)
		mustStatus(t, f.do(who, "GET", "/api/v1/webhooks", nil), http.StatusForbidden)
	}
	for _, bad := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"events": []string{"claim.published"}}, "url"},
		{map[string]any{"url": "javascript:alert(1)", "events": []string{"claim.published"}}, "url"},
		{map[string]any{"url": "https://cms.example/x"}, "events"},
		{map[string]any{"url": "https://cms.example/x", "events": []string{"claim.exploded"}}, "events"},
		{map[string]any{"url": "https://cms.example/x", "events": []string{"claim.verdict", "presence"}}, "events"},
		{map[string]any{"url": "https://cms.example/x", "events": []string{"claim.published"}, "secret": "short"}, "secret"},
	} {
		rec := f.do("admin", "POST", "/api/v1/webhooks", bad.body)
		mustStatus(t, rec, http.StatusUnprocessableEntity)
		if _, ok := decode(t, rec)["errors"].(map[string]any)[bad.field]; !ok {
			t.Errorf("%v: %s", bad.body, rec.Body.String())
		}
	}
	if ws := decode(t, f.do("admin", "GET", "/api/v1/webhooks", nil))["webhooks"].([]any); len(ws) != 0 {
		t.Fatalf("refused webhooks stored: %v", ws)
	}
	good["secret"] = "a long shared secret of ours"
	rec := f.do("admin", "POST", "/api/v1/webhooks", good)
	mustStatus(t, rec, http.StatusCreated)
	w := decode(t, rec)
	if w["secret"] != "a long shared secret of ours" || w["url"] != "https://cms.example/claimdesk" {
		t.Fatalf("created %v", w)
	}
	id := int64(w["id"].(float64))
	list := f.do("admin", "GET", "/api/v1/webhooks", nil).Body.String()
	if strings.Contains(list, "a long shared secret") || !strings.Contains(list, "cms.example") {
		t.Fatalf("list shows the secret or not the webhook: %s", list)
	}
	// A publication queues a delivery (nothing sends it in this test).
	f.publishSeeded(t)
	mustStatus(t, f.do("admin", "POST", fmt.Sprintf("/api/v1/webhooks/%d/test", id), nil), http.StatusAccepted)
	rec = f.do("admin", "GET", fmt.Sprintf("/api/v1/webhooks/%d/deliveries", id), nil)
	mustStatus(t, rec, http.StatusOK)
	ds := decode(t, rec)["deliveries"].([]any)
	if len(ds) != 2 || ds[0].(map[string]any)["type"] != models.EventTest || ds[1].(map[string]any)["type"] != "claim.published" ||
		ds[1].(map[string]any)["status"] != "pending" {
		t.Fatalf("deliveries %v", ds)
	}
	did := int64(ds[1].(map[string]any)["id"].(float64))
	mustStatus(t, f.do("admin", "POST", fmt.Sprintf("/api/v1/webhooks/%d/deliveries/%d/retry", id, did), nil), http.StatusAccepted)
	mustStatus(t, f.do("admin", "POST", fmt.Sprintf("/api/v1/webhooks/%d/deliveries/%d/retry", id+1, did), nil), http.StatusNotFound)
	mustStatus(t, f.do("admin", "GET", fmt.Sprintf("/api/v1/webhooks/%d/deliveries", id+5), nil), http.StatusNotFound)
	mustStatus(t, f.do("editor", "GET", fmt.Sprintf("/api/v1/webhooks/%d/deliveries", id), nil), http.StatusForbidden)
	// Paused, a webhook gets no new deliveries.
	mustStatus(t, f.do("admin", "PATCH", fmt.Sprintf("/api/v1/webhooks/%d", id), map[string]any{}), http.StatusUnprocessableEntity)
	rec = f.do("admin", "PATCH", fmt.Sprintf("/api/v1/webhooks/%d", id), map[string]any{"active": false})
	mustStatus(t, rec, http.StatusOK)
	if decode(t, rec)["active"] != false {
		t.Fatalf("pause: %s", rec.Body.String())
	}
	rec = f.do("fc", "POST", "/api/v1/claims", map[string]any{"story_id": 1, "claimant": "Roman Starovoit", "text": "A second claim"})
	mustStatus(t, rec, http.StatusCreated)
	second := fmt.Sprintf("/api/v1/claims/%v", decode(t, rec)["id"])
	mustStatus(t, f.do("fc", "POST", second+"/evidence", map[string]any{"kind": "photo", "stance": "refutes", "url": "https://example.org/b"}), http.StatusCreated)
	mustStatus(t, f.do("fc", "POST", second+"/verdict", map[string]any{"verdict": "false", "rationale": "staged", "version": 1}), http.StatusOK)
	mustStatus(t, f.do("editor", "POST", second+"/signoff", map[string]any{"version": 2}), http.StatusOK)
	if ds := decode(t, f.do("admin", "GET", fmt.Sprintf("/api/v1/webhooks/%d/deliveries", id), nil))["deliveries"].([]any); len(ds) != 2 {
		t.Fatalf("a paused webhook got a delivery: %v", ds)
	}
	mustStatus(t, f.do("admin", "PATCH", fmt.Sprintf("/api/v1/webhooks/%d", id+9), map[string]any{"active": true}), http.StatusNotFound)
}

func TestWebhookAdminPages(t *testing.T) {
	a := newWebApp(t)
	a.user("ada", models.RoleAdmin)
	a.user("eve", models.RoleEditor)
	b := a.browser().signIn("ada@desk.test")
	rec := b.get("/admin/webhooks")
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `action="/admin/webhooks"`) {
		t.Fatal("no form to add a webhook")
	}
	// Every live event type can be ticked; only the publishing ones are
	// ticked to begin with.
	for _, e := range models.WebhookEvents() {
		box := `name="events" value="` + e + `"`
		checked := strings.Contains(rec.Body.String(), box+" checked")
		if !strings.Contains(rec.Body.String(), box) || checked != (e == "claim.published" || e == "claim.corrected") {
			t.Errorf("checkbox for %s missing or wrongly ticked (ticked %v)", e, checked)
		}
	}
	if len(models.WebhookEvents()) != 11 {
		t.Errorf("webhook event types %v, want the 11 of the live stream", models.WebhookEvents())
	}
	rec = b.post("/admin/webhooks", url.Values{"url": {"not a url"}, "events": {"claim.published"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "must be an http or https URL") || !strings.Contains(rec.Body.String(), `value="not a url"`) {
		t.Fatalf("form error: %s", rec.Body.String())
	}
	rec = b.post("/admin/webhooks", url.Values{"url": {"not a url"}, "events": {"claim.verdict"}})
	if !strings.Contains(rec.Body.String(), `value="claim.verdict" checked`) || strings.Contains(rec.Body.String(), `value="claim.published" checked`) {
		t.Fatal("the form came back without the events ticked as sent")
	}
	rec = b.post("/admin/webhooks", url.Values{"url": {"https://cms.example/hook"}, "events": {"claim.corrected"}})
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Body.String(), `id="webhook-secret"`) || !strings.Contains(rec.Body.String(), "https://cms.example/hook") {
		t.Fatalf("after adding: %s", rec.Body.String())
	}
	ws, _ := a.store.Webhooks(t.Context())
	if len(ws) != 1 || ws[0].Events[0] != "claim.corrected" {
		t.Fatalf("stored %+v", ws)
	}
	page := "/admin/webhooks/" + itoa64(ws[0].ID)
	wantStatus(t, b.get(page), http.StatusOK)
	wantStatus(t, b.post(page+"/test", nil), http.StatusSeeOther)
	rec = b.get(page)
	if !strings.Contains(rec.Body.String(), "webhook.test") || !strings.Contains(rec.Body.String(), "Retry now") {
		t.Fatalf("delivery log: %s", rec.Body.String())
	}
	ds, _ := a.store.WebhookDeliveries(t.Context(), ws[0].ID, 10)
	wantStatus(t, b.post(page+"/deliveries/"+itoa64(ds[0].ID)+"/retry", nil), http.StatusSeeOther)
	wantStatus(t, b.post(page+"/active", url.Values{"active": {"0"}}), http.StatusSeeOther)
	if body := b.get(page).Body.String(); !strings.Contains(body, "paused") || !strings.Contains(body, ">Resume<") {
		t.Fatalf("after pausing: %s", body)
	}
	e := a.browser().signIn("eve@desk.test")
	wantStatus(t, e.get("/admin/webhooks"), http.StatusForbidden)
	wantStatus(t, e.get(page), http.StatusForbidden)
}

// The claim page's edit form of a published claim asks for the reason; an
// edit of the text without one comes back with the message and changes
// nothing; with one, it is saved and the correction is on the page.
func TestWebEditOfPublishedClaimNeedsReason(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	ed := a.user("eve", models.RoleEditor)
	cl := a.seedClaim(fc, "The bridge was destroyed", "Ministry of Defence")
	ctx := t.Context()
	if _, err := a.store.AddEvidence(ctx, fc, cl.ID, models.EvidenceInput{Kind: "photo", Stance: "supports", URL: "https://example.org/p"}); err != nil {
		t.Fatal(err)
	}
	cl, _ = a.store.SetVerdict(ctx, fc, cl.ID, models.VerdictChange{Verdict: models.Verified, Rationale: "photo", Version: cl.Version})
	cl, err := a.store.SignOff(ctx, ed, cl.ID, cl.Version)
	if err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	page := "/claims/" + itoa64(cl.ID)
	if body := b.get(page).Body.String(); !strings.Contains(body, `name="reason"`) {
		t.Fatal("the edit form of a published claim has no reason field")
	}
	rec := b.post(page+"/edit", editForm(cl, map[string]string{"text": "The bridge was damaged"}))
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "say why it changes") || !strings.Contains(rec.Body.String(), "The bridge was damaged") {
		t.Fatalf("form without reason: %s", rec.Body.String())
	}
	if got, _ := a.store.Claim(ctx, cl.ID); !got.Published || got.Text != "The bridge was destroyed" {
		t.Fatalf("a refused edit changed the claim: %+v", got)
	}
	wantStatus(t, b.post(page+"/edit", editForm(cl, map[string]string{"text": "The bridge was damaged", "reason": "only one span fell"})), http.StatusSeeOther)
	body := b.get(page).Body.String()
	if !strings.Contains(body, `id="corrections"`) || !strings.Contains(body, "it said that the bridge was destroyed; the claim is that the bridge was damaged. Only one span fell.") {
		t.Fatalf("claim page after the correction: %s", body)
	}
}
