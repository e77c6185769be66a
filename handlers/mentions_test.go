package handlers

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestMentionsInHeaderPageAndAPI(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	a.user("eve", models.RoleEditor)
	cl := a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	f := a.browser().signIn("fay@desk.test")
	f.get("/claims/" + itoa64(cl.ID))
	wantStatus(t, f.post("/claims/"+itoa64(cl.ID)+"/notes", url.Values{"text": {"@eve can you sign this off once the photo is in?"}}), http.StatusSeeOther)

	e := a.browser().signIn("eve@desk.test")
	if b := e.get("/").Body.String(); !strings.Contains(b, `Mentions <span class="count unread" aria-label="1 unread">1</span>`) {
		t.Fatal("the header lacks the unread mention")
	}
	b := e.get("/mentions").Body.String()
	if !strings.Contains(b, "Fay Tester</b> on claim #"+itoa64(cl.ID)) || !strings.Contains(b, "can you sign this off") {
		t.Fatalf("mentions page: %s", b)
	}
	// The API lists it unread, newest first.
	rec := e.do(http.MethodGet, "/api/v1/mentions", nil, http.Header{"Accept": {"application/json"}})
	wantStatus(t, rec, http.StatusOK)
	if s := rec.Body.String(); !strings.Contains(s, `"read":false`) || !strings.Contains(s, `"claim_id":`+itoa64(cl.ID)) {
		t.Fatalf("API mentions: %s", s)
	}
	// Opening it marks it read and lands on the claim's activity.
	rec = e.get("/mentions/" + strings.Split(strings.Split(b, `href="/mentions/`)[1], `"`)[0])
	wantStatus(t, rec, http.StatusSeeOther)
	if loc := rec.Header().Get("Location"); loc != "/claims/"+itoa64(cl.ID)+"#activity" {
		t.Fatalf("opened at %q", loc)
	}
	if b := e.get("/").Body.String(); strings.Contains(b, "count unread") {
		t.Fatal("the header still counts the read mention")
	}
	// Someone else's mention is not found.
	wantStatus(t, f.get("/mentions/1"), http.StatusNotFound)
}
