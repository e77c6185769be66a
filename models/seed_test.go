package models

import (
	"context"
	"testing"
)

// Seeding an empty desk takes the bulk path (indexes rebuilt at the end);
// seeding more takes the row-by-row path. Both leave a consistent database
// whose search index, indexes and counts agree with its rows.
func TestSeed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var progress []int
	if err := f.s.Seed(ctx, SeedOptions{Claims: 12000, Seed: 3, Progress: func(n int) { progress = append(progress, n) }}); err != nil {
		t.Fatal(err)
	}
	if len(progress) < 2 || progress[len(progress)-1] != 12000 {
		t.Fatalf("progress reports: %v", progress)
	}
	if err := f.s.Seed(ctx, SeedOptions{Claims: 700, Seed: 4}); err != nil {
		t.Fatal(err)
	}
	page, err := f.s.Claims(ctx, ClaimFilter{})
	if err != nil || page.Total != 12700 {
		t.Fatalf("claims after seeding: %v %d", err, page.Total)
	}
	var fts int64
	f.s.r.Raw("SELECT COUNT(*) FROM claim_search").Scan(&fts)
	if fts != 12700 {
		t.Fatalf("search index holds %d of 12700 claims", fts)
	}
	counts, _ := f.s.VerdictCounts(ctx, ClaimFilter{})
	for _, v := range Verdicts() {
		if counts[string(v)] == 0 {
			t.Errorf("no %s claims in the seeded mix: %v", v, counts)
		}
	}
	unconf, _ := f.s.Claims(ctx, ClaimFilter{Unconfirmed: true})
	if unconf.Total == 0 || unconf.Total == page.Total {
		t.Errorf("unconfirmed: %d of %d", unconf.Total, page.Total)
	}
	q, _ := f.s.Claims(ctx, ClaimFilter{Query: "drones"})
	if q.Total == 0 {
		t.Error("full-text search finds nothing in the seeded claims")
	}
	if f.s.d.pg {
		return // the rest checks SQLite's bulk path, which PostgreSQL does not take
	}
	idx, trig := claimIndexStatements()
	var n int64
	f.s.r.Raw("SELECT COUNT(*) FROM sqlite_master WHERE (type = 'index' AND name LIKE 'claims\\_%' ESCAPE '\\') OR name = 'claims_search_ins'").Scan(&n)
	if int(n) != len(idx)+len(trig) {
		t.Errorf("%d claim indexes and triggers after seeding, want %d", n, len(idx)+len(trig))
	}
	if err := CheckIntegrity(ctx, f.s.Path()); err != nil {
		t.Fatal(err)
	}
}
