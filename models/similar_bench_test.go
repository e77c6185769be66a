//go:build unix

package models_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/cputime"
	"claimdesk/models/liveblog"
)

// openSimilarBenchStore opens the database at CLAIMDESK_BENCH_DB (a copy of
// a seeded desk: `claimdesk seed --claims 1000000`), or seeds 20,000 claims
// into a temporary one.
func openSimilarBenchStore(b *testing.B) *models.Store {
	b.Helper()
	path := os.Getenv("CLAIMDESK_BENCH_DB")
	fresh := path == ""
	if fresh {
		path = filepath.Join(b.TempDir(), "similar.db")
	}
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if fresh {
		if err := s.Seed(context.Background(), models.SeedOptions{Claims: 20000, Seed: 7}); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func maxClaimID(b *testing.B, s *models.Store) int64 {
	page, err := s.Claims(context.Background(), models.ClaimFilter{Sort: "-id", PerPage: 1})
	if err != nil || len(page.Claims) == 0 {
		b.Fatalf("no claims: %v", err)
	}
	return page.Claims[0].ID
}

// reportLatencies adds the p50 and p99 of ds to the benchmark's figures, and
// the CPU time per operation since cpu0 (which, unlike the latencies, does
// not grow when other work shares the machine).
func reportLatencies(b *testing.B, ds []time.Duration, cpu0 time.Duration) {
	b.ReportMetric(float64((cputime.Self()-cpu0).Microseconds())/1000/float64(len(ds)), "cpu-ms/op")
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(q float64) float64 { return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(ms(1), "max-ms")
}

// BenchmarkSimilarClaims asks for the ten claims most like a random claim,
// as the claim page does, and reports the latency percentiles.
func BenchmarkSimilarClaims(b *testing.B) {
	s := openSimilarBenchStore(b)
	ctx := context.Background()
	n := maxClaimID(b, s)
	rng := rand.New(rand.NewPCG(1, 2))
	ds := make([]time.Duration, 0, b.N)
	cpu0 := cputime.Self()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		id := 1 + rng.Int64N(n)
		t := time.Now()
		got, err := s.SimilarClaims(ctx, id, 10)
		if err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
		if len(got) == 0 {
			b.Fatalf("claim %d: nothing similar", id)
		}
	}
	reportLatencies(b, ds, cpu0)
}

// BenchmarkMatchImport matches the 200 candidates of an import preview in
// one batch: the claims of the sample live blogs and claims already on the
// desk retold, half and half.
func BenchmarkMatchImport(b *testing.B) {
	s := openSimilarBenchStore(b)
	ctx := context.Background()
	var texts []models.MatchInput
	for _, name := range []string{"liveblog-quake.txt", "liveblog-flood.txt", "wire-port-strike.txt"} {
		blog, err := os.ReadFile(filepath.Join("..", "..", "shared", "samples", name))
		if err != nil {
			b.Skip("samples not found:", err)
		}
		cands, err := liveblog.Extract(string(blog))
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range cands {
			texts = append(texts, models.MatchInput{Text: c.Claim, Claimant: c.Claimant, Verb: c.Verb})
		}
	}
	n := maxClaimID(b, s)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100 {
		c, err := s.Claim(ctx, 1+rng.Int64N(n))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, models.MatchInput{Text: c.Text, Claimant: c.ClaimantName, Verb: c.Verb})
	}
	for i := 0; len(texts) < 200; i++ {
		texts = append(texts, texts[i])
	}
	texts = texts[:200]
	ds := make([]time.Duration, 0, b.N)
	cpu0 := cputime.Self()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t := time.Now()
		if _, err := s.MatchTexts(ctx, texts, models.MatchOptions{}); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(t))
	}
	reportLatencies(b, ds, cpu0)
}
