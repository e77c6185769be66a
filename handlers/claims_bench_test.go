package handlers

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"claimdesk/models"
)

// benchStore opens a seeded database for benchmarks. The size comes from
// CLAIMDESK_BENCH_CLAIMS (default 100000); the seeded file is kept in the
// system temp dir and reused across runs, since seeding takes longer than
// the benchmark.
func benchStore(b *testing.B) (*models.Store, string) {
	b.Helper()
	n := 100000
	if v := os.Getenv("CLAIMDESK_BENCH_CLAIMS"); v != "" {
		if x, err := strconv.Atoi(v); err == nil && x > 0 {
			n = x
		}
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("claimdesk-bench-%d-v%d-s2.db", n, models.SchemaVersion()))
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
		b.Run("?"+q, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/api/v1/claims?"+q, nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				e.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("status %d: %s", rec.Code, rec.Body.String())
				}
			}
		})
	}
}
