package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/cputime"
)

// benchStore opens a seeded database for benchmarks. The size comes from
// CLAIMDESK_BENCH_CLAIMS (default 100000); the seeded file is kept in the
// system temp dir and reused across runs, since seeding takes longer than
// the benchmark. CLAIMDESK_BENCH_DB names an existing database to use
// instead (a copy: opening it migrates it and the benchmark adds a user).
func benchStore(b *testing.B) (*models.Store, string) {
	b.Helper()
	n := 100000
	if v := os.Getenv("CLAIMDESK_BENCH_CLAIMS"); v != "" {
		if x, err := strconv.Atoi(v); err == nil && x > 0 {
			n = x
		}
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("claimdesk-bench-%d-v%d-s2.db", n, models.SchemaVersion()))
	if p := os.Getenv("CLAIMDESK_BENCH_DB"); p != "" {
		path = p
	}
	_, statErr := os.Stat(path)
	// Every answer computed: with reuse the loop would measure a map lookup.
	st, err := models.Open(models.Config{Path: path, NoReuse: true})
	if err != nil {
		b.Fatal(err)
	}
	if statErr != nil {
		b.Logf("seeding %d claims into %s (once)", n, path)
		if err := st.Seed(context.Background(), models.SeedOptions{Claims: n, Seed: 1}); err != nil {
			os.Remove(path)
			b.Fatal(err)
		}
	}
	b.Cleanup(func() { st.Close() })
	ctx := context.Background()
	u, err := st.UserByEmail(ctx, "bench@desk.example")
	if models.IsNotFound(err) {
		u, err = st.CreateUser(ctx, models.NewUser{Name: "Bench", Email: "bench@desk.example", Role: models.RoleViewer, Password: "benchmark password"})
	}
	if err != nil {
		b.Fatal(err)
	}
	tok, _, err := st.CreateToken(ctx, u.Email, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return st, tok
}

// BenchmarkClaimList measures the claim list endpoint through the whole router
// with the desk's typical filters.
func BenchmarkClaimList(b *testing.B) {
	st, tok := benchStore(b)
	e, err := New(st, Config{Logger: discardLogger()})
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range []string{
		"", "unconfirmed=1", "verdict=verified", "story=3&unconfirmed=1", "source=42",
		"unconfirmed=1&verifiability=not_verifiable&sort=-updated", "q=drones", "q=rescue+teams&unconfirmed=1", "page=50",
	} {
		b.Run("?"+q, func(b *testing.B) { benchGet(b, e, "/api/v1/claims?"+q, "Bearer "+tok) })
	}
}

// deskViews are the views the load tool's desk list rotates through (its
// story, source and assignee ids fixed at 2).
var deskViews = []string{
	"unconfirmed=1", "unconfirmed=1&story=2", "verdict=verified&story=2", "stale=1", "source=2",
	"unconfirmed=1&verifiability=not_verifiable", "assignee=2&unconfirmed=1", "", "unconfirmed=1&page=3", "story=2&sort=-updated",
}

// BenchmarkDeskViews measures the claim list through the whole router on
// the views the load tool measures at many clients, one after the other in
// each iteration: with -cpuprofile, where a computed answer's time goes.
func BenchmarkDeskViews(b *testing.B) {
	st, tok := benchStore(b)
	e, err := New(st, Config{Logger: discardLogger()})
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range deskViews {
		b.Run("?"+q, func(b *testing.B) { benchGet(b, e, "/api/v1/claims?"+q, "Bearer "+tok) })
	}
}

// benchGet requests path through e with the given Authorization header (or
// cookie, when it starts with "claimdesk_session=") until b is done.
func benchGet(b *testing.B, e http.Handler, path, auth string) {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if strings.HasPrefix(auth, "Bearer ") {
		req.Header.Set("Authorization", auth)
	} else {
		req.Header.Set("Cookie", auth)
	}
	b.ReportAllocs()
	cpu0 := cputime.Self()
	for b.Loop() {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
	}
	// On a shared machine the CPU a request costs says more than its time.
	b.ReportMetric(float64(cputime.Self()-cpu0)/float64(b.N), "cpu-ns/op")
}

// issueViews are the desk views that were slowest computed at a million
// claims, with the others the desk uses every day (deskViews).
var issueViews = []string{
	"unconfirmed=1&sort=-created", "q=army&story=2", "q=killed&unconfirmed=1", "verdict=unverified,disputed", "stale=1",
}

// BenchmarkDeskPage measures the desk page, signed in, through the whole
// router: the list, its counts, the filter form, the saved views and the
// template.
func BenchmarkDeskPage(b *testing.B) {
	st, _ := benchStore(b)
	e, err := New(st, Config{Logger: discardLogger()})
	if err != nil {
		b.Fatal(err)
	}
	u, err := st.UserByEmail(context.Background(), "bench@desk.example")
	if err != nil {
		b.Fatal(err)
	}
	tok, _, err := st.CreateSession(context.Background(), u.ID, time.Hour)
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range append(issueViews, deskViews...) {
		b.Run("?"+q, func(b *testing.B) { benchGet(b, e, "/?"+q, sessionCookie+"="+tok) })
	}
}
