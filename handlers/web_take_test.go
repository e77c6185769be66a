package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// Without JavaScript the Take button is a form: the first to press it gets
// the claim and comes back to the desk view it was pressed on; the second
// is told who has it; the desk and the claim page then offer no Take.
func TestWebTakeWithoutScript(t *testing.T) {
	a := newWebApp(t)
	fay, ben := a.user("fay", models.RoleFactchecker), a.user("ben", models.RoleFactchecker)
	a.user("vic", models.RoleViewer)
	cl := a.seedClaim(fay, "Two women were killed by shelling in Belgorod", "Vyacheslav Gladkov")
	path := "/claims/" + itoa64(cl.ID) + "/take"

	fb, bb := a.browser().signIn(fay.Email), a.browser().signIn(ben.Email)
	desk := bb.get("/?unconfirmed=1")
	wantStatus(t, desk, http.StatusOK)
	if !strings.Contains(desk.Body.String(), `action="`+path+`"`) {
		t.Fatal("the desk offers no Take for an unassigned claim")
	}
	fb.get("/claims/" + itoa64(cl.ID))
	rec := fb.post(path, url.Values{"next": {"/?unconfirmed=1"}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/?unconfirmed=1" {
		t.Fatalf("back to %q", loc)
	}
	if page := fb.get("/?unconfirmed=1").Body.String(); !strings.Contains(page, "You took claim #"+itoa64(cl.ID)) {
		t.Fatal("no message for the taker")
	}

	rec = bb.post(path, url.Values{"next": {"//elsewhere.example/"}})
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/claims/"+itoa64(cl.ID) {
		t.Fatalf("an outside next was followed: %q", loc)
	}
	page := bb.get("/claims/" + itoa64(cl.ID)).Body.String()
	if !strings.Contains(page, "Not taken: Fay Tester has already taken this claim.") {
		t.Fatal("the second taker was not told who has the claim")
	}
	if strings.Contains(page, `action="`+path+`"`) || strings.Contains(bb.get("/").Body.String(), `action="`+path+`"`) {
		t.Fatal("Take is still offered for a taken claim")
	}
	got, err := a.store.Claim(context.Background(), cl.ID)
	if err != nil || got.AssigneeID == nil || *got.AssigneeID != fay.ID {
		t.Fatalf("assignee %v %v", got.AssigneeID, err)
	}

	other := a.seedClaim(fay, "The militia says Russian forces killed two civilians", "People's militia")
	if !strings.Contains(bb.get("/").Body.String(), `action="/claims/`+itoa64(other.ID)+`/take"`) {
		t.Fatal("no Take for the other unassigned claim")
	}
	vb := a.browser().signIn("vic@desk.test")
	if strings.Contains(vb.get("/").Body.String(), `form class="take"`) {
		t.Fatal("a viewer is offered Take")
	}
	wantStatus(t, vb.post(path, nil), http.StatusForbidden)
}
