package handlers

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"claimdesk/models"
)

// finalClaim makes a claim with evidence and a final verdict set by who.
func finalClaim(t *testing.T, a *webApp, who *models.User, text string, v models.Verdict) *models.Claim {
	t.Helper()
	ctx := context.Background()
	cl := a.seedClaim(who, text, "Vyacheslav Gladkov")
	if _, err := a.store.AddEvidence(ctx, who, cl.ID, models.EvidenceInput{Kind: "photo", Stance: "supports", URL: "https://example.org/" + itoa64(cl.ID)}); err != nil {
		t.Fatal(err)
	}
	cl, err := a.store.SetVerdict(ctx, who, cl.ID, models.VerdictChange{Verdict: v, Rationale: "checked", Version: cl.Version})
	if err != nil {
		t.Fatal(err)
	}
	return cl
}

func TestWebAwaitingSignOff(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	eve := a.user("eve", models.RoleEditor)
	ed := a.user("ed", models.RoleEditor)
	older := finalClaim(t, a, fc, "The bridge was destroyed", models.Verified)
	mine := finalClaim(t, a, eve, "The dam is stable", models.False)
	a.seedClaim(fc, "Still unreviewed", "Mayor")
	signed := finalClaim(t, a, fc, "Already published", models.Misleading)
	if _, err := a.store.SignOff(context.Background(), ed, signed.ID, signed.Version); err != nil {
		t.Fatal(err)
	}

	e := a.browser().signIn("eve@desk.test")
	desk := e.get("/").Body.String()
	if !strings.Contains(desk, `Awaiting sign-off <span class="count" aria-label="2 awaiting">2</span>`) {
		t.Fatalf("the editor's header lacks the count of 2: %s", desk[:2000])
	}
	rec := e.get(awaitingQuery)
	wantStatus(t, rec, http.StatusOK)
	body := rec.Body.String()
	if !strings.Contains(body, "2 claim(s)") || strings.Contains(body, "Still unreviewed") || strings.Contains(body, "Already published") {
		t.Fatalf("awaiting view: %s", body)
	}
	if i, j := strings.Index(body, "The bridge was destroyed"), strings.Index(body, "The dam is stable"); i < 0 || j < 0 || i > j {
		t.Fatal("the awaiting view is not oldest first")
	}
	if !strings.Contains(body, `href="/?awaiting_signoff=1&amp;sort=verdict_at" aria-current="page"`) {
		t.Fatal("the nav does not mark the awaiting view as current")
	}
	// The author of a verdict is not offered its sign-off; another editor is.
	if b := e.get("/claims/" + itoa64(mine.ID)).Body.String(); strings.Contains(b, `id="signoff"`) || !strings.Contains(b, "You set this verdict: another editor signs it off.") {
		t.Fatal("the verdict's author is offered the sign-off")
	}
	if b := e.get("/claims/" + itoa64(older.ID)).Body.String(); !strings.Contains(b, `id="signoff"`) {
		t.Fatal("another editor is not offered the sign-off")
	}
	// Changing a published verdict asks first and says a correction follows.
	b := e.get("/claims/" + itoa64(signed.ID)).Body.String()
	if !strings.Contains(b, `data-confirm="This verdict is published. Changing it clears the sign-off and records a correction`) ||
		!strings.Contains(b, "This verdict is published. Changing it clears the sign-off and records a correction.") {
		t.Fatal("the published verdict's form does not ask for confirmation")
	}
	// Fact-checkers have no queue in their header; the API has the filter.
	if f := a.browser().signIn("fay@desk.test").get("/").Body.String(); strings.Contains(f, "Awaiting sign-off <span") {
		t.Fatal("a fact-checker's header shows the sign-off queue")
	}
}
