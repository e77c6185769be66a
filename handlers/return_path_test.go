package handlers

import (
	"net/http"
	"net/url"
	"testing"

	"claimdesk/models"
)

// returnTargets are return addresses as a form submits them (already decoded
// once), with where the browser must end up: the address itself, or "/" when
// it could lead to another site.
var returnTargets = []struct {
	next, want string
}{
	{"/claims/12", "/claims/12"},
	{"/?verdict=false&page=2", "/?verdict=false&page=2"},
	{"/stories/3#entries", "/stories/3#entries"},
	{"/claims/12?q=caf%C3%A9", "/claims/12?q=caf%C3%A9"},
	{"/\t/evil.example", "/"},
	{"/\n/evil.example", "/"},
	{"/\r\n/evil.example", "/"},
	{"/\x00/evil.example", "/"},
	{"/\x7f/evil.example", "/"},
	{"/\u0085/evil.example", "/"},
	{`/\evil.example`, "/"},
	{`\/evil.example`, "/"},
	{`\\evil.example`, "/"},
	{"//evil.example", "/"},
	{"///evil.example", "/"},
	{"//evil.example/claims", "/"},
	{"/%2F/evil.example", "/"},
	{"/%2f%2fevil.example", "/"},
	{"/%5Cevil.example", "/"},
	{"/%5cevil.example", "/"},
	{"/%09/evil.example", "/"},
	{"/%0d%0a/evil.example", "/"},
	{"https://evil.example/", "/"},
	{"http:evil.example", "/"},
	{"javascript:alert(1)", "/"},
	{"data:text/html,<script>alert(1)</script>", "/"},
	{"evil.example", "/"},
	{" /claims/1", "/"},
	{"/%zz", "/"},
	{"", "/"},
}

func TestSignInRedirectsOnlyToLocalPaths(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	for _, tc := range returnTargets {
		b := a.browser()
		b.get("/signin?next=" + url.QueryEscape(tc.next))
		rec := b.post("/signin", url.Values{"email": {"fay@desk.test"}, "password": {webPassword}, "next": {tc.next}})
		wantStatus(t, rec, http.StatusSeeOther)
		if got := rec.Header().Get("Location"); got != tc.want {
			t.Errorf("next=%q: redirected to %q, want %q", tc.next, got, tc.want)
		}
	}
}

func TestBulkActionReturnsOnlyToLocalPaths(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The bridge was destroyed", "Regional governor")
	b := a.browser().signIn("fay@desk.test")
	for _, tc := range returnTargets {
		b.get("/")
		rec := b.post("/claims/bulk", url.Values{"action": {"assign"}, "assignee": {"me"}, "ids": {itoa64(cl.ID)}, "return": {tc.next}})
		wantStatus(t, rec, http.StatusSeeOther)
		if got := rec.Header().Get("Location"); got != tc.want {
			t.Errorf("return=%q: redirected to %q, want %q", tc.next, got, tc.want)
		}
	}
}
