package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestWebLinkPicker(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	gov := a.seedClaim(fc, "Ukrainian shelling killed two women", "Vyacheslav Gladkov")
	militia := a.seedClaim(fc, "Russian forces killed two civilians", "People's militia")
	b := a.browser().signIn("fay@desk.test")
	page := "/claims/" + itoa64(gov.ID)
	// Search by claimant and by number; the claim itself is never offered.
	for _, q := range []string{"militia", "%23" + itoa64(militia.ID), itoa64(militia.ID)} {
		body := b.get(page + "?link_q=" + q).Body.String()
		if !strings.Contains(body, `name="to_claim_id" value="`+itoa64(militia.ID)+`"`) || strings.Contains(body, `name="to_claim_id" value="`+itoa64(gov.ID)+`"`) {
			t.Fatalf("search %q: %s", q, body)
		}
	}
	if body := b.get(page + "?link_q=nothingmatches").Body.String(); !strings.Contains(body, "No claim matches.") {
		t.Fatal("an empty search does not say so")
	}
	// Neither a choice nor a number: the form again with the message.
	rec := b.post(page+"/links", url.Values{"kind": {"contradicts"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "choose a claim, or give its number") {
		t.Fatal("missing target message")
	}
	wantStatus(t, b.post(page+"/links", url.Values{"kind": {"contradicts"}, "to_claim_number": {"#" + itoa64(militia.ID)}}), http.StatusSeeOther)
	// Linked claims are no longer suggested.
	if body := b.get(page + "?link_q=militia").Body.String(); strings.Contains(body, `name="to_claim_id" value="`+itoa64(militia.ID)+`"`) && !strings.Contains(body, "Matches for") {
		t.Fatal("a linked claim is suggested again")
	}
}
