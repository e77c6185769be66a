package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// editForm is the claim page's edit form as a browser sends it for cl, with
// the given fields changed.
func editForm(cl *models.Claim, changes map[string]string) url.Values {
	f := url.Values{"text": {cl.Text}, "quote": {cl.Quote}, "claimant": {cl.ClaimantName}, "verb": {cl.Verb},
		"channel": {cl.Channel}, "via": {cl.Via}, "reported_at": {cl.ReportedAt.UTC().Format("2006-01-02T15:04")},
		"reported_url": {cl.ReportedURL}, "version": {itoa64(cl.Version)}}
	if cl.Direct {
		f.Set("direct", "on")
	}
	for k, v := range changes {
		if v == "" && k == "direct" {
			f.Del(k)
			continue
		}
		f.Set(k, v)
	}
	return f
}

func TestWebClaimEdit(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two women were killed in Belgorod", "Vyacheslav Gladkov")
	a.seedClaim(fc, "Other claim", "Roman Starovoit")
	b := a.browser().signIn("fay@desk.test")
	page := "/claims/" + itoa64(cl.ID)
	cl, _ = a.store.Claim(context.Background(), cl.ID)

	body := b.get(page).Body.String()
	for _, want := range []string{`action="/claims/` + itoa64(cl.ID) + `/edit"`, `name="claimant" value="Vyacheslav Gladkov"`, `name="reported_at" value="2026-11-25T12:00"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("claim page lacks %q", want)
		}
	}

	// The claim was pinned on the wrong governor: fix claimant, channel and time.
	rec := b.post(page+"/edit", editForm(cl, map[string]string{"claimant": "Roman Starovoit", "channel": "on Telegram",
		"reported_at": "2026-11-24T09:03", "direct": "on"}))
	wantStatus(t, rec, http.StatusSeeOther)
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if got.ClaimantName != "Roman Starovoit" || got.Channel != "on Telegram" || !got.Direct ||
		got.ReportedAt.Format("2006-01-02 15:04") != "2026-11-24 09:03" || got.Version != cl.Version+1 {
		t.Fatalf("after edit: %+v", got)
	}
	body = b.get(page).Body.String()
	for _, want := range []string{"Claim saved.", "claimant: Vyacheslav Gladkov → Roman Starovoit", "channel: (empty) → on Telegram",
		"reported at: 25 Nov 2026 12:00 UTC → 24 Nov 2026 09:03 UTC", "direct: no → yes"} {
		if !strings.Contains(body, want) {
			t.Fatalf("claim page after the edit lacks %q", want)
		}
	}

	// A second tab, still at the old version: 409, nothing overwritten, the
	// typed text kept in the form.
	rec = b.post(page+"/edit", editForm(cl, map[string]string{"text": "Three women were killed"}))
	wantStatus(t, rec, http.StatusConflict)
	if body := rec.Body.String(); !strings.Contains(body, "Someone changed this claim meanwhile") || !strings.Contains(body, "Three women were killed</textarea>") {
		t.Fatalf("409 page: %s", body)
	}
	if now, _ := a.store.Claim(context.Background(), cl.ID); now.Text != cl.Text {
		t.Fatalf("the stale edit overwrote the text: %q", now.Text)
	}

	// Invalid input: the form again with the message, nothing written.
	rec = b.post(page+"/edit", editForm(got, map[string]string{"text": "  ", "reported_at": "yesterday"}))
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if body := rec.Body.String(); !strings.Contains(body, "must be a date and time") {
		t.Fatalf("422 page lacks the message: %s", body)
	}
	rec = b.post(page+"/edit", editForm(got, map[string]string{"text": strings.Repeat("x", models.MaxClaimLen+1)}))
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if now, _ := a.store.Claim(context.Background(), cl.ID); now.Version != got.Version {
		t.Fatal("an invalid edit changed the claim")
	}

	// Viewers get no form and cannot post one.
	a.user("vic", models.RoleViewer)
	v := a.browser().signIn("vic@desk.test")
	if strings.Contains(v.get(page).Body.String(), "/edit\"") {
		t.Fatal("a viewer is offered the edit form")
	}
	wantStatus(t, v.post(page+"/edit", editForm(got, nil)), http.StatusForbidden)
}

func TestWebClaimEditPublishedWarns(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	ed := a.user("eve", models.RoleEditor)
	cl := a.seedClaim(fc, "The bridge was destroyed", "Ministry of Defence")
	ctx := context.Background()
	if _, err := a.store.AddEvidence(ctx, fc, cl.ID, models.EvidenceInput{Kind: "photo", Stance: "supports", URL: "https://example.org/p"}); err != nil {
		t.Fatal(err)
	}
	cl, _ = a.store.SetVerdict(ctx, fc, cl.ID, models.VerdictChange{Verdict: models.Verified, Rationale: "photo", Version: cl.Version})
	if _, err := a.store.SignOff(ctx, ed, cl.ID, cl.Version); err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	page := "/claims/" + itoa64(cl.ID)
	if body := b.get(page).Body.String(); !strings.Contains(body, "This claim is published. Changing its text, quote or claimant clears the sign-off and records a correction.") {
		t.Fatal("the edit form of a published claim does not warn")
	}
	cur, _ := a.store.Claim(ctx, cl.ID)
	// The change of a published text needs a reason; with it, the sign-off goes.
	rec := b.post(page+"/edit", editForm(cur, map[string]string{"text": "The bridge was damaged"}))
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "recorded as a correction") {
		t.Fatalf("no reason asked: %s", rec.Body.String())
	}
	wantStatus(t, b.post(page+"/edit", editForm(cur, map[string]string{"text": "The bridge was damaged", "reason": "The ministry corrected it"})), http.StatusSeeOther)
	if got, _ := a.store.Claim(ctx, cl.ID); got.Published || got.Text != "The bridge was damaged" {
		t.Fatalf("after editing a published claim: %+v", got)
	}
}
