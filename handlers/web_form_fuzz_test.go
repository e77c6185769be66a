package handlers

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// formSession signs in through the real sign-in form and returns the cookies
// and the CSRF token of the session, for fuzzing the web forms.
func formSession(tb testing.TB, f *apiFixture, email string) ([]*http.Cookie, string) {
	tb.Helper()
	jar := map[string]*http.Cookie{}
	token := regexp.MustCompile(`name="csrf" value="([^"]+)"`)
	csrf := ""
	send := func(method, path string, body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		if body != "" {
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		r.Header.Set("Accept", "text/html")
		for _, c := range jar {
			r.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		f.e.ServeHTTP(rec, r)
		for _, c := range rec.Result().Cookies() {
			jar[c.Name] = c
		}
		if m := token.FindStringSubmatch(rec.Body.String()); m != nil {
			csrf = m[1]
		}
		return rec
	}
	send("GET", "/signin", "")
	rec := send("POST", "/signin", url.Values{"email": {email}, "password": {"a long enough password"}, "csrf": {csrf}}.Encode())
	if rec.Code != http.StatusSeeOther {
		tb.Fatalf("sign in: %d %s", rec.Code, rec.Body.String())
	}
	send("GET", "/", "")
	out := make([]*http.Cookie, 0, len(jar))
	for _, c := range jar {
		out = append(out, c)
	}
	return out, csrf
}

// FuzzWebForms posts arbitrary form bodies, with a valid session and CSRF
// token, to the desk's forms: every answer is a page or a redirect with a
// message, never a 5xx.
func FuzzWebForms(f *testing.F) {
	for _, seed := range []string{
		"", "verdict=verified&rationale=r&version=1", "verdict=%FF&rationale=%00", "text=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
		"ids=1&ids=abc&action=verdict&verdict=false&rationale=x", "title=" + strings.Repeat("x", 600), "version=-1&assignee_id=9999999999999999999",
		"stance=supports&url=javascript:alert(1)", "a=%zz&b", "to_claim_id=1&kind=contradicts", "name=&role=admin&email=x",
		"verifiability=not_verifiable&reason=&version=1e9", "into_id=1",
	} {
		for route := 0; route < 9; route++ {
			f.Add(route, seed)
		}
	}
	fx := newAPIFixture(f)
	story, source, claim := fx.seedTB(f)
	cookies, csrf := formSession(f, fx, "editor@desk.test")
	routes := []string{
		fmt.Sprintf("/claims/%d/verdict", claim), fmt.Sprintf("/claims/%d/verifiability", claim), fmt.Sprintf("/claims/%d/evidence", claim),
		fmt.Sprintf("/claims/%d/links", claim), fmt.Sprintf("/claims/%d/assign", claim), fmt.Sprintf("/claims/%d/notes", claim),
		"/claims/bulk", fmt.Sprintf("/stories/%d/claims", story), fmt.Sprintf("/sources/%d/merge", source),
	}
	// The session must really be signed in, or the fuzzing only tests the redirect.
	check := httptest.NewRequest(http.MethodPost, routes[5], strings.NewReader("text=signed+in&csrf="+url.QueryEscape(csrf)))
	check.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		check.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	fx.e.ServeHTTP(rec, check)
	if rec.Code != http.StatusSeeOther || strings.Contains(rec.Header().Get("Location"), "signin") {
		f.Fatalf("a note through the form: %d %s", rec.Code, rec.Header().Get("Location"))
	}
	f.Fuzz(func(t *testing.T, route int, form string) {
		if route < 0 {
			route = -route
		}
		path := routes[route%len(routes)]
		body := form + "&csrf=" + url.QueryEscape(csrf)
		r := httptest.NewRequest(http.MethodPost, path, bytes.NewReader([]byte(body)))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("Accept", "text/html")
		for _, c := range cookies {
			r.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		fx.e.ServeHTTP(rec, r)
		if rec.Code >= 500 {
			t.Fatalf("POST %s %q: %d\n%.500s", path, form, rec.Code, rec.Body.String())
		}
	})
}
