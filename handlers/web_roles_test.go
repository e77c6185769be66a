package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

// TestWebRouteRoleTable checks every web route for every role: anonymous
// visitors are sent to sign in (GET) or refused (POST); signed-in users get
// the page or the change only when their role allows it, else 403.
func TestWebRouteRoleTable(t *testing.T) {
	a := newWebApp(t)
	users := map[string]*models.User{
		"viewer": a.user("viewer", models.RoleViewer), "factchecker": a.user("fc", models.RoleFactchecker),
		"editor": a.user("editor", models.RoleEditor), "admin": a.user("admin", models.RoleAdmin),
	}
	cl := a.seedClaim(users["factchecker"], "Two women were killed", "Vyacheslav Gladkov")
	other := a.seedClaim(users["factchecker"], "Two civilians were killed", "The militia")
	c := "/claims/" + itoa64(cl.ID)
	_, viewerToken, err := a.store.CreateToken(context.Background(), users["viewer"].Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	roles := []string{"anon", "viewer", "factchecker", "editor", "admin"}
	level := map[string]int{"anon": 0, "viewer": 1, "factchecker": 2, "editor": 3, "admin": 4}
	routes := []struct {
		method, path string
		need         string
		form         url.Values
	}{
		{"GET", "/", "viewer", nil},
		{"GET", c, "viewer", nil},
		{"GET", "/stories", "viewer", nil},
		{"GET", "/stories/" + itoa64(cl.StoryID), "viewer", nil},
		{"GET", "/sources", "viewer", nil},
		{"GET", "/sources/" + itoa64(cl.SourceID), "viewer", nil},
		{"GET", "/admin/users", "admin", nil},
		{"GET", "/admin/audit", "admin", nil},
		{"POST", c + "/notes", "factchecker", url.Values{"text": {"a note"}}},
		{"POST", c + "/verifiability", "factchecker", url.Values{"verifiability": {"verifiable"}, "version": {"0"}}},
		{"POST", c + "/verdict", "factchecker", url.Values{"verdict": {"in_review"}, "rationale": {"r"}, "version": {"0"}}},
		{"POST", c + "/assign", "factchecker", url.Values{"assignee": {"me"}, "version": {"0"}}},
		{"POST", c + "/evidence", "factchecker", url.Values{"stance": {"supports"}, "url": {"https://example.org/a"}}},
		{"POST", c + "/links", "factchecker", url.Values{"to_claim_id": {itoa64(other.ID)}, "kind": {"corroborates"}}},
		{"POST", c + "/signoff", "editor", url.Values{"version": {"0"}}},
		{"POST", "/claims/bulk", "factchecker", url.Values{"action": {"assign"}, "assignee": {"none"}, "ids": {itoa64(other.ID)}}},
		{"POST", "/stories", "factchecker", url.Values{"title": {"A story"}}},
		{"POST", "/stories/" + itoa64(cl.StoryID) + "/entries", "factchecker", url.Values{"headline": {"An entry"}}},
		{"POST", "/stories/" + itoa64(cl.StoryID) + "/claims", "factchecker", url.Values{"text": {"A claim"}, "claimant": {"Someone"}}},
		{"POST", "/sources/" + itoa64(other.SourceID) + "/merge", "editor", url.Values{"into_id": {"999"}}},
		{"POST", "/admin/users", "admin", url.Values{"name": {"N"}, "email": {"bad"}, "role": {"viewer"}, "password": {"x"}}},
		{"POST", "/admin/users/" + itoa64(users["viewer"].ID), "admin", url.Values{"role": {"viewer"}}},
		{"POST", "/admin/users/" + itoa64(users["viewer"].ID) + "/tokens", "admin", url.Values{"name": {"t"}}},
		{"GET", "/admin/users/" + itoa64(users["viewer"].ID) + "/tokens", "admin", nil},
		{"POST", "/admin/tokens/" + itoa64(viewerToken.ID) + "/revoke", "admin", nil},
	}
	browsers := map[string]*browser{"anon": a.browser()}
	for _, r := range roles[1:] {
		browsers[r] = a.browser().signIn(users[r].Email)
	}
	for _, rt := range routes {
		for _, role := range roles {
			b := browsers[role]
			b.get("/") // fresh CSRF token
			var rec = b.get(rt.path)
			if rt.method == "POST" {
				f := url.Values{}
				for k, v := range rt.form {
					f[k] = v
				}
				rec = b.post(rt.path, f)
			}
			allowed := level[role] >= level[rt.need]
			switch {
			case role == "anon" && rt.method == "GET":
				if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), "/signin") {
					t.Errorf("anon %s %s: %d %q, want redirect to sign in", rt.method, rt.path, rec.Code, rec.Header().Get("Location"))
				}
			case role == "anon":
				if rec.Code != http.StatusForbidden {
					t.Errorf("anon %s %s: %d, want 403", rt.method, rt.path, rec.Code)
				}
			case !allowed:
				if rec.Code != http.StatusForbidden {
					t.Errorf("%s %s %s: %d, want 403", role, rt.method, rt.path, rec.Code)
				}
			default:
				if rec.Code == http.StatusForbidden || rec.Code == http.StatusUnauthorized || rec.Code >= 500 {
					t.Errorf("%s %s %s: %d, want it let through", role, rt.method, rt.path, rec.Code)
				}
			}
		}
	}
}

func TestWebViewerCannotChangeVerdict(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fc", models.RoleFactchecker)
	a.user("viewer", models.RoleViewer)
	cl := a.seedClaim(fc, "The dam was breached", "Ministry")
	b := a.browser().signIn("viewer@desk.test")
	rec := b.get("/claims/" + itoa64(cl.ID))
	wantStatus(t, rec, http.StatusOK)
	if strings.Contains(rec.Body.String(), `action="/claims/`+itoa64(cl.ID)+`/verdict"`) {
		t.Error("a viewer is shown the verdict form")
	}
	rec = b.post("/claims/"+itoa64(cl.ID)+"/verdict", url.Values{"verdict": {"false"}, "rationale": {"because"}, "version": {"1"}})
	wantStatus(t, rec, http.StatusForbidden)
	rec = b.post("/claims/bulk", url.Values{"action": {"verdict"}, "verdict": {"disputed"}, "rationale": {"because"}, "ids": {itoa64(cl.ID)}})
	wantStatus(t, rec, http.StatusForbidden)
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if got.Verdict != models.Unreviewed || got.Version != 1 {
		t.Fatalf("viewer changed the claim: %s v%d", got.Verdict, got.Version)
	}
}

func TestWebClaimWorkflowThroughPages(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fc", models.RoleFactchecker)
	a.user("editor", models.RoleEditor)
	cl := a.seedClaim(fc, "Two women were killed", "Vyacheslav Gladkov")
	p := "/claims/" + itoa64(cl.ID)
	b := a.browser().signIn("fc@desk.test")
	b.get(p)
	// Missing rationale: the form comes back with a message, nothing changes.
	rec := b.post(p+"/verdict", url.Values{"verdict": {"in_review"}, "rationale": {""}, "version": {"1"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	// Verified needs evidence.
	rec = b.post(p+"/verdict", url.Values{"verdict": {"verified"}, "rationale": {"seen it"}, "version": {"1"}})
	wantStatus(t, rec, http.StatusUnprocessableEntity)
	if !strings.Contains(rec.Body.String(), "needs at least one evidence item") || !strings.Contains(rec.Body.String(), "seen it") {
		t.Fatal("evidence rule message or typed rationale missing")
	}
	wantStatus(t, b.post(p+"/evidence", url.Values{"stance": {"supports"}, "kind": {"photo"}, "url": {"https://example.org/photo"}, "title": {"Photo"}}), http.StatusSeeOther)
	wantStatus(t, b.post(p+"/verdict", url.Values{"verdict": {"verified"}, "rationale": {"geolocated photo"}, "version": {"1"}}), http.StatusSeeOther)

	// A second tab still holds version 1: its change is refused with the current state.
	rec = b.post(p+"/verdict", url.Values{"verdict": {"false"}, "rationale": {"my typed reasoning"}, "version": {"1"}})
	wantStatus(t, rec, http.StatusConflict)
	body := rec.Body.String()
	if !strings.Contains(body, "Someone changed this claim meanwhile") || !strings.Contains(body, "my typed reasoning") || !strings.Contains(body, "geolocated photo") {
		t.Fatalf("conflict page lacks the message, the typed text or the current state")
	}
	// The fact-checker may not sign off; the editor signs off in their own session.
	b.get(p)
	wantStatus(t, b.post(p+"/signoff", url.Values{"version": {"2"}}), http.StatusForbidden)
	e := a.browser().signIn("editor@desk.test")
	e.get(p)
	wantStatus(t, e.post(p+"/signoff", url.Values{"version": {"2"}}), http.StatusSeeOther)
	got, _ := a.store.Claim(context.Background(), cl.ID)
	if !got.Published {
		t.Fatal("not published after sign-off")
	}
	if strings.Contains(e.get("/?unconfirmed=1").Body.String(), "/claims/"+itoa64(cl.ID)+`"`) {
		t.Fatal("the signed-off claim is still in the Unconfirmed view")
	}
}
