package handlers

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// A computed list answer, written into a pooled buffer, is byte for byte
// the answer of a server that keeps its answers, whatever size the answers
// before it were: small pages after large ones and the other way round.
func TestComputedClaimPageAsKeptAnswer(t *testing.T) {
	path, url := dbtest.Target(t)
	now := func() time.Time { return testNow }
	computed, ce := newTestRouterWith(t, models.Config{Path: path, DatabaseURL: url, Now: now, NoReuse: true}, Config{})
	ctx := context.Background()
	if err := computed.Seed(ctx, models.SeedOptions{Claims: 600, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	_, kept := newTestRouterWith(t, models.Config{Path: path, DatabaseURL: url, Now: now}, Config{})
	if computed.ReusesAnswers() {
		t.Fatal("a store with NoReuse reuses answers")
	}
	f := &apiFixture{t: t, store: computed, e: ce, tokens: map[string]string{}, users: map[string]*models.User{}}
	f.addUser("viewer", "Vic Viewer", models.RoleViewer)
	tok := f.tokens["viewer"]
	get := func(h http.Handler, path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, q := range []string{
		"per_page=1", "per_page=200", "per_page=1", "", "unconfirmed=1", "per_page=200&sort=id", "page=3&per_page=7",
		"verdict=verified&story=2", "q=ministry", "story=999999", "per_page=2", "per_page=200",
	} {
		want, got := get(kept, "/api/v1/claims?"+q), get(ce, "/api/v1/claims?"+q)
		if got.Code != http.StatusOK || want.Code != http.StatusOK {
			t.Fatalf("%q: status %d computed, %d kept: %s", q, got.Code, want.Code, got.Body.String())
		}
		if got.Body.String() != want.Body.String() {
			t.Fatalf("%q: the computed answer differs:\n%s\nkept:\n%s", q, got.Body.String(), want.Body.String())
		}
		if !strings.Contains(got.Body.String(), `"total":`) {
			t.Fatalf("%q: no total in %s", q, got.Body.String())
		}
		for _, h := range []string{"Content-Type", "Content-Length"} {
			if got.Header().Get(h) != want.Header().Get(h) {
				t.Errorf("%q: %s %q computed, %q kept", q, h, got.Header().Get(h), want.Header().Get(h))
			}
		}
		if n := got.Header().Get("Content-Length"); n != strconv.Itoa(got.Body.Len()) {
			t.Errorf("%q: Content-Length %s for %d bytes", q, n, got.Body.Len())
		}
	}
}
