package models

import (
	"context"
	"testing"
	"time"
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
	// A search inside two broad filters, read through their pairs' words in
	// the search index the seed filled, finds what the search alone and the
	// filters alone both find.
	for _, flt := range []ClaimFilter{{Unconfirmed: true, Unassigned: true}, {AwaitingSignOff: true, Verifiability: []Verifiability{VerifUnknown}}} {
		g := flt
		g.Query, g.Sort = "drones", "-id"
		flt.Sort = "-id"
		want := keep(plainIDs(t, f.s, flt), plainIDs(t, f.s, ClaimFilter{Query: "drones", Sort: "-id", Withdrawn: WithdrawnIncluded}))
		if got, err := f.s.CountClaims(ctx, g); err != nil || got != int64(len(want)) || len(want) == 0 {
			t.Errorf("%+v: %d found (%v), want %d", flt, got, err, len(want))
		}
	}
	// The count tables hold the seeded claims, on SQLite counted in bulk.
	checkCountTables(t, f.s)
	checkDayBounds(t, f.s)
	if f.s.d.pg {
		return // the rest checks SQLite's bulk path, which PostgreSQL does not take
	}
	idx, trig := claimIndexStatements()
	var n int64
	f.s.r.Raw("SELECT COUNT(*) FROM sqlite_master WHERE (type = 'index' AND name LIKE 'claims\\_%' ESCAPE '\\') OR name IN ('claims_search_ins', 'claims_counts_ins', 'claims_counts_upd', 'claims_counts_bounds_ins', 'claims_counts_bounds_upd')").Scan(&n)
	if int(n) != len(idx)+len(trig) {
		t.Errorf("%d claim indexes and triggers after seeding, want %d", n, len(idx)+len(trig))
	}
	if err := CheckIntegrity(ctx, f.s.Path()); err != nil {
		t.Fatal(err)
	}
}

// The generated desk reads like one a newsroom built: claims entered in the
// order of their ids, each reported before it was entered, each in a story
// opened before it; most reported within two days of being entered. 16,000
// claims make eight stories: five year-long ones and three in turn.
func TestSeedTimesFollowIds(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.s.Seed(ctx, SeedOptions{Claims: 16000, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	rows, err := f.s.r.Raw(`SELECT c.id, c.created_at, c.reported_at, st.created_at FROM claims c
		JOIN stories st ON st.id = c.story_id WHERE c.content_hash LIKE 'seed-%' ORDER BY c.id`).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var prev time.Time
	n, recent := 0, 0
	for rows.Next() {
		var id int64
		var created, reported, story time.Time
		if err := rows.Scan(&id, &created, &reported, &story); err != nil {
			t.Fatal(err)
		}
		switch {
		case created.Before(prev):
			t.Fatalf("claim %d entered at %s, before the claim before it (%s)", id, created, prev)
		case reported.After(created):
			t.Fatalf("claim %d reported at %s, after it was entered (%s)", id, reported, created)
		case created.Before(story):
			t.Fatalf("claim %d entered at %s, before its story was opened (%s)", id, created, story)
		}
		if created.Sub(reported) <= 48*time.Hour {
			recent++
		}
		prev, n = created, n+1
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 16000 || recent < n*9/10 {
		t.Fatalf("%d claims, %d reported within two days of entry", n, recent)
	}
}
