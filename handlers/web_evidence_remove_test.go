package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// addEvidence attaches a supporting link to a claim as the given user.
func (a *webApp) addEvidence(by *models.User, claimID int64, title, link string) *models.Evidence {
	a.t.Helper()
	ev, err := a.store.AddEvidence(context.Background(), by, claimID, models.EvidenceInput{Stance: "supports", URL: link, Title: title})
	if err != nil {
		a.t.Fatal(err)
	}
	return ev
}

// evidenceNow reloads one evidence item.
func (a *webApp) evidenceNow(id int64) *models.Evidence {
	a.t.Helper()
	ev, err := a.store.EvidenceItem(context.Background(), id)
	if err != nil {
		a.t.Fatal(err)
	}
	return ev
}

func removePath(claimID, evidenceID int64) string {
	return "/claims/" + itoa64(claimID) + "/evidence/" + itoa64(evidenceID) + "/remove"
}

// A fact-checker removes evidence with a reason: it stays on record, struck
// through with who, when and why, stops counting as corroboration, and the
// claim's activity log has the removal.
func TestEvidenceRemoveFromClaimPage(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	keep := a.addEvidence(fc, cl.ID, "Operator statement", "https://rail.example/statement")
	gone := a.addEvidence(fc, cl.ID, "Blurry photo", "https://photos.example/bridge")
	path := "/claims/" + itoa64(cl.ID)

	b := a.browser().signIn(fc.Email)
	page := b.get(path).Body.String()
	if !strings.Contains(page, `action="`+removePath(cl.ID, gone.ID)+`"`) || !strings.Contains(page, "2 standing · 2 independent origin(s)") {
		t.Fatal("the claim page offers no removal, or miscounts the evidence")
	}
	rec := b.post(removePath(cl.ID, gone.ID), url.Values{"reason": {"  the photo shows another bridge "}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != path+"#ev-"+itoa64(gone.ID) {
		t.Fatalf("redirect to %q", loc)
	}

	ev := a.evidenceNow(gone.ID)
	if ev.RemovedAt == nil || ev.RemovedByID == nil || *ev.RemovedByID != fc.ID || ev.RemovedReason != "the photo shows another bridge" {
		t.Fatalf("removed evidence: %+v", ev)
	}
	if a.evidenceNow(keep.ID).RemovedAt != nil {
		t.Fatal("the other evidence was removed too")
	}
	acts, err := a.store.ClaimActivity(context.Background(), cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := acts[len(acts)-1]
	if last.Action != models.ActEvidenceRemoved || last.Text != "the photo shows another bridge" || last.ActorID == nil || *last.ActorID != fc.ID {
		t.Fatalf("activity: %+v", last)
	}

	page = b.get(path).Body.String()
	for _, want := range []string{"Evidence removed.", "1 standing · 1 independent origin(s)", "Removed <small>1 item(s)",
		`<li id="ev-` + itoa64(gone.ID) + `" class="removed">`, "Removed by Checker Tester", "the photo shows another bridge", "Blurry photo"} {
		if !strings.Contains(page, want) {
			t.Errorf("claim page after removal lacks %q", want)
		}
	}
	if strings.Contains(page, `action="`+removePath(cl.ID, gone.ID)+`"`) {
		t.Error("removed evidence still offers removal")
	}
}

// A removal without a reason, or of evidence already removed, brings the
// page back with the message at that item and changes nothing; evidence of
// another claim is not found.
func TestEvidenceRemoveRefused(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	other := a.seedClaim(fc, "A ferry is cancelled", "port authority")
	ev := a.addEvidence(fc, cl.ID, "Operator statement", "https://rail.example/statement")
	b := a.browser().signIn(fc.Email)
	b.get("/claims/" + itoa64(cl.ID))

	rec := b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"   "}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	body := rec.Body.String()
	if !strings.Contains(body, `<details class="remove" open>`) || !strings.Contains(body, `<span class="ferr" role="alert">is required</span>`) {
		t.Fatal("the removal form does not come back open with its message")
	}
	if a.evidenceNow(ev.ID).RemovedAt != nil {
		t.Fatal("evidence removed without a reason")
	}
	wantStatus(t, b.post(removePath(other.ID, ev.ID), url.Values{"reason": {"wrong claim"}}), http.StatusNotFound)
	wantStatus(t, b.post(removePath(cl.ID, 999999), url.Values{"reason": {"no such item"}}), http.StatusNotFound)
	if a.evidenceNow(ev.ID).RemovedAt != nil {
		t.Fatal("evidence removed through another claim")
	}

	b.get("/claims/" + itoa64(cl.ID))
	wantStatus(t, b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"first removal"}}), http.StatusSeeOther)
	rec = b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"second removal"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "this evidence was already removed") {
		t.Fatal("a second removal shows no message")
	}
	if got := a.evidenceNow(ev.ID).RemovedReason; got != "first removal" {
		t.Fatalf("reason overwritten: %q", got)
	}
}

// A final verdict keeps at least one standing evidence item (review rule 2):
// the last one under a verified verdict cannot be removed, the page says why
// beforehand and afterwards, and once the verdict is changed it can.
func TestEvidenceRemoveLastOfVerifiedClaim(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	ev := a.addEvidence(fc, cl.ID, "Operator statement", "https://rail.example/statement")
	ctx := context.Background()
	cl, err := a.store.SetVerdict(ctx, fc, cl.ID, models.VerdictChange{Verdict: models.Verified, Rationale: "operator confirms", Version: cl.Version})
	if err != nil {
		t.Fatal(err)
	}
	path := "/claims/" + itoa64(cl.ID)
	b := a.browser().signIn(fc.Email)
	if !strings.Contains(b.get(path).Body.String(), "This is the only evidence left") {
		t.Fatal("no warning that the verified verdict needs its evidence")
	}
	rec := b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"statement withdrawn"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "last evidence under the verdict") {
		t.Fatal("the refusal does not say why")
	}
	if a.evidenceNow(ev.ID).RemovedAt != nil {
		t.Fatal("the last evidence of a verified claim was removed")
	}
	if _, err := a.store.SetVerdict(ctx, fc, cl.ID, models.VerdictChange{Verdict: models.InReview, Rationale: "statement withdrawn", Version: cl.Version}); err != nil {
		t.Fatal(err)
	}
	b.get(path)
	wantStatus(t, b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"statement withdrawn"}}), http.StatusSeeOther)
	if a.evidenceNow(ev.ID).RemovedAt == nil {
		t.Fatal("removal refused once the verdict no longer needed it")
	}
}

// Viewers see no removal form and are refused; without the CSRF token nobody
// removes anything.
func TestEvidenceRemoveRoleAndToken(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	a.user("viewer", models.RoleViewer)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	ev := a.addEvidence(fc, cl.ID, "Operator statement", "https://rail.example/statement")

	v := a.browser().signIn("viewer@desk.test")
	if strings.Contains(v.get("/claims/"+itoa64(cl.ID)).Body.String(), "/remove") {
		t.Fatal("a viewer is offered the removal form")
	}
	wantStatus(t, v.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"viewer tries"}}), http.StatusForbidden)

	b := a.browser().signIn(fc.Email)
	wantStatus(t, b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"no token"}, "csrf": {""}}), http.StatusForbidden)
	wantStatus(t, b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {"forged token"}, "csrf": {"x" + b.csrf}}), http.StatusForbidden)
	if a.evidenceNow(ev.ID).RemovedAt != nil {
		t.Fatal("evidence removed by a viewer or without a valid token")
	}
}

// Markup in an evidence title and in a removal reason is shown as text.
func TestEvidenceRemoveEscapesInput(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("checker", models.RoleFactchecker)
	cl := a.seedClaim(fc, "Two bridges are closed", "national rail operator")
	ev := a.addEvidence(fc, cl.ID, `<script>alert("title")</script>`, "https://rail.example/statement")
	b := a.browser().signIn(fc.Email)
	b.get("/claims/" + itoa64(cl.ID))

	rec := b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {strings.Repeat("x", models.MaxRationale+1) + `<script>alert("typed")</script>`}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if strings.Contains(rec.Body.String(), `<script>alert`) || !strings.Contains(rec.Body.String(), `&lt;script&gt;alert(&#34;typed&#34;)`) {
		t.Fatal("the typed reason is not escaped when the form comes back")
	}
	wantStatus(t, b.post(removePath(cl.ID, ev.ID), url.Values{"reason": {`<script>alert("reason")</script>`}}), http.StatusSeeOther)
	body := b.get("/claims/" + itoa64(cl.ID)).Body.String()
	if strings.Contains(body, "<script>alert") {
		t.Fatal("markup from the title or the reason reaches the page unescaped")
	}
	for _, want := range []string{`&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;`, `&lt;script&gt;alert(&#34;reason&#34;)&lt;/script&gt;`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks the escaped %q", want)
		}
	}
}
