package handlers

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"claimdesk/models"
)

func TestWebPostWithoutCSRFIsRefusedAndChangesNothing(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The bridge was destroyed", "Regional governor")
	b := a.browser().signIn("fay@desk.test")
	b.get("/claims/" + itoa64(cl.ID))
	path := "/claims/" + itoa64(cl.ID)
	for _, tc := range []struct {
		name string
		path string
		form url.Values
	}{
		{"verdict", path + "/verdict", url.Values{"verdict": {"in_review"}, "rationale": {"x"}, "version": {"1"}}},
		{"note", path + "/notes", url.Values{"text": {"hello"}}},
		{"story", "/stories", url.Values{"title": {"Forged story"}}},
		{"bulk", "/claims/bulk", url.Values{"action": {"assign"}, "assignee": {"me"}, "ids": {itoa64(cl.ID)}}},
		{"signout", "/signout", url.Values{}},
	} {
		for _, token := range []string{"", "wrong-token"} {
			f := url.Values{}
			for k, v := range tc.form {
				f[k] = v
			}
			f.Set("csrf", token)
			rec := b.do(http.MethodPost, tc.path, f, nil)
			if rec.Code != http.StatusForbidden {
				t.Errorf("%s with csrf %q: status %d, want 403", tc.name, token, rec.Code)
			}
		}
	}
	got, err := a.store.Claim(context.Background(), cl.ID)
	if err != nil {
		t.Fatal(err)
	}
	acts, _ := a.store.ClaimActivity(context.Background(), cl.ID)
	sts, _ := a.store.Stories(context.Background(), true, 0)
	if got.Version != 1 || got.Verdict != models.Unreviewed || got.AssigneeID != nil || len(acts) != 1 || len(sts) != 1 {
		t.Fatalf("a refused POST changed something: version %d verdict %s assignee %v, %d activities, %d stories",
			got.Version, got.Verdict, got.AssigneeID, len(acts), len(sts))
	}
	// The session still works: sign-out was refused too.
	wantStatus(t, b.get("/"), http.StatusOK)

	// The API accepts the session cookie, but a change needs the token in a header.
	rec := b.do(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/notes", nil, http.Header{"Content-Type": {"application/json"}})
	wantStatus(t, rec, http.StatusForbidden)
	rec = b.do(http.MethodGet, "/api/v1/claims/"+itoa64(cl.ID), nil, http.Header{"Accept": {"application/json"}})
	wantStatus(t, rec, http.StatusOK)
}

func TestWebAPIWithSessionAndCSRFHeader(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	cl := a.seedClaim(fc, "The bridge was destroyed", "Regional governor")
	b := a.browser().signIn("fay@desk.test")
	r := b.do(http.MethodPost, "/api/v1/claims/"+itoa64(cl.ID)+"/notes", nil, http.Header{
		"Content-Type": {"application/json"}, "Accept": {"application/json"}, csrfHeader: {b.csrf}})
	// The body is empty: the request got past auth and CSRF to validation.
	wantStatus(t, r, http.StatusUnprocessableEntity)
}

func TestWebUserTextIsEscapedOnEveryPage(t *testing.T) {
	a := newWebApp(t)
	fc := a.user("fay", models.RoleFactchecker)
	ctx := context.Background()
	title := `<b onmouseover=alert(2)>Story</b>`
	st, err := a.store.CreateStory(ctx, fc, models.StoryInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	text, claimant, quote := `<script>alert(1)</script>`, `<img src=x onerror=alert(3)>`, `"><script>alert(4)</script>`
	cl, err := a.store.CreateClaim(ctx, fc, models.ClaimInput{StoryID: &st.ID, Text: &text, Claimant: &claimant, Quote: &quote})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddEvidence(ctx, fc, cl.ID, models.EvidenceInput{Stance: "supports", URL: "javascript:alert(5)//https://x", Title: `<i>ev</i>`}); err == nil {
		t.Log("a javascript: URL was accepted as evidence; the page must neutralise it")
	}
	if _, err := a.store.AddEvidence(ctx, fc, cl.ID, models.EvidenceInput{Stance: "supports", File: strings.NewReader("data"), FileName: `<svg onload=alert(6)>.txt`, Title: `<i>ev</i>`}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.store.AddNote(ctx, fc, cl.ID, `<script>alert(7)</script>`); err != nil {
		t.Fatal(err)
	}
	b := a.browser().signIn("fay@desk.test")
	for _, p := range []string{"/", "/?q=alert", "/claims/" + itoa64(cl.ID), "/stories/" + itoa64(st.ID), "/stories", "/sources", "/sources/" + itoa64(cl.SourceID)} {
		rec := b.get(p)
		wantStatus(t, rec, http.StatusOK)
		body := rec.Body.String()
		for _, bad := range []string{"<script>alert", "<img src=x", "<b onmouseover", "<svg onload", "<i>ev", "javascript:alert"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s shows %q unescaped", p, bad)
			}
		}
		if p != "/stories" && p != "/sources" && !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s does not show the claim text escaped", p)
		}
	}
}

func TestWebSecurityHeaders(t *testing.T) {
	a := newWebApp(t)
	a.user("fay", models.RoleFactchecker)
	b := a.browser().signIn("fay@desk.test")
	for _, p := range []string{"/", "/signin", "/static/desk.css", "/no-such-page"} {
		rec := b.get(p)
		h := rec.Header()
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s CSP %q", p, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s headers %v", p, h)
		}
	}
	rec := b.get("/static/desk.js")
	wantStatus(t, rec, http.StatusOK)
	if !strings.Contains(rec.Header().Get("Cache-Control"), "max-age=31536000") {
		t.Errorf("static cache %q", rec.Header().Get("Cache-Control"))
	}
	rec = b.get("/no-such-page")
	wantStatus(t, rec, http.StatusNotFound)
	if !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
		t.Errorf("404 page is %s", rec.Header().Get("Content-Type"))
	}
	rec = b.do(http.MethodGet, "/api/v1/claims/999", nil, http.Header{"Accept": {"application/json"}})
	if !strings.Contains(rec.Header().Get("Content-Type"), "application/json") {
		t.Errorf("API 404 is %s", rec.Header().Get("Content-Type"))
	}
	// Pages link only to their own assets.
	body := b.get("/").Body.String()
	for _, ext := range []string{"http://", "https://", "//"} {
		if strings.Contains(body, `src="`+ext) || strings.Contains(body, `href="`+ext) {
			t.Errorf("the desk loads something external (%s)", ext)
		}
	}
}
