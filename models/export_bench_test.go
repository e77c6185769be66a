package models_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"claimdesk/models"
	"claimdesk/models/attribution"
	"claimdesk/models/cputime"
)

// exportBenchClaims is how many claims BenchmarkExportCSV exports:
// CLAIMDESK_BENCH_CLAIMS, or 100,000.
func exportBenchClaims(tb testing.TB) int {
	if v := os.Getenv("CLAIMDESK_BENCH_CLAIMS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			tb.Fatalf("CLAIMDESK_BENCH_CLAIMS=%q: want a positive number", v)
		}
		return n
	}
	return 100_000
}

// fillExportBenchDB inserts n claims (with sources, entries, reviewers and
// evidence on every third claim) into the database at path with raw SQL in
// one transaction: the fast way to a big database. The schema must exist
// (models.Open it first). Values go in as arguments, and times as time.Time so
// the driver stores them exactly as the store does.
func fillExportBenchDB(tb testing.TB, path string, n int) {
	tb.Helper()
	inBenchTx(tb, path, func(tx *sql.Tx) { fillExportBenchTx(tb, tx, n) })
}

// inBenchTx runs fill in one transaction on the database at path, with raw
// SQL and without syncing: the fast way to fill a big database.
func inBenchTx(tb testing.TB, path string, fill func(tx *sql.Tx)) {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?_journal_mode=WAL&_synchronous=OFF&_foreign_keys=on")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		tb.Fatal(err)
	}
	fill(tx)
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// fillExportBenchTx is fillExportBenchDB's inserts.
func fillExportBenchTx(tb testing.TB, tx *sql.Tx, n int) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	must := func(_ sql.Result, err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(tx.Exec(`INSERT INTO users(name, email, role, created_at, updated_at) VALUES
		('Fact Checker', 'fc@bench.example', 'factchecker', ?, ?), ('Editor', 'ed@bench.example', 'editor', ?, ?)`, now, now, now, now))
	must(tx.Exec(`INSERT INTO stories(title, url, created_at, updated_at) VALUES ('Belgorod live blog', 'https://news.example/live', ?, ?)`, now, now))
	kinds := []string{"person", "government", "military", "armed group", "anonymous"}
	for i := 0; i < 50; i++ {
		name := fmt.Sprintf("Source number %d", i)
		must(tx.Exec(`INSERT INTO sources(name, norm_name, role, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			name, fmt.Sprintf("source number %d", i), "Governor of region "+strconv.Itoa(i), kinds[i%len(kinds)], now, now))
	}
	for i := 0; i < 200; i++ {
		must(tx.Exec(`INSERT INTO entries(story_id, position, time_text, headline, body, created_at) VALUES (1, ?, ?, ?, '', ?)`,
			i, fmt.Sprintf("%d:%02d a.m.", 1+i%12, i%60), fmt.Sprintf("Entry %d: shelling reported near the border", i), now))
	}
	claim, err := tx.Prepare(`INSERT INTO claims(story_id, entry_id, source_id, text, quote, verb, direct, channel, via,
		made_at, reported_at, reported_url, verifiability, verifiability_reason, verdict, unconfirmed, verdict_rationale,
		verdict_by_id, verdict_at, signed_off_by_id, signed_off_at, content_hash, version, created_by_id, updated_by_id,
		created_at, updated_at) VALUES (1, ?, ?, ?, ?, 'said', ?, 'on Telegram', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	ev, err := tx.Prepare(`INSERT INTO evidence(claim_id, kind, stance, url, title, origin, added_by_id, created_at)
		VALUES (?, 'document', ?, ?, 'Statement', '', 1, ?)`)
	if err != nil {
		tb.Fatal(err)
	}
	verdicts := []string{"unreviewed", "in_review", "unverified", "disputed", "verified", "false", "misleading"}
	for i := 1; i <= n; i++ {
		at := now.Add(-time.Duration((n-i)/3) * time.Second) // groups of three share a time
		v := verdicts[i%len(verdicts)]
		var by, vat, sby, sat any
		rationale := ""
		if v != "unreviewed" {
			by, vat, rationale = 1, at, "Checked against the ministry's statement"
		}
		if i%len(verdicts) >= 4 && i%2 == 0 {
			sby, sat = 2, at.Add(time.Hour)
		}
		verif, reason := "unknown", ""
		if i%3 == 0 {
			verif, reason = "not_verifiable", "no independent access to the area"
		}
		text := fmt.Sprintf("Two women were killed when shells hit house %d in the village", i)
		must(claim.Exec(1+i%200, 1+i%50, text, "\""+text+",\" the governor wrote.", i%2 == 0,
			"Reuters", at, at, "https://t.me/gladkov/"+strconv.Itoa(i), verif, reason, v, models.Verdict(v).Unconfirmed(), rationale, by, vat, sby, sat,
			strconv.Itoa(i), at, at))
		if i%3 == 0 {
			must(ev.Exec(i, "supports", "https://www.reuters.example/world/"+strconv.Itoa(i), at))
			must(ev.Exec(i, "context", "https://news.example/a/"+strconv.Itoa(i), at))
		}
	}
}

// openExportBenchStore opens the benchmark database: at CLAIMDESK_BENCH_DB when
// set (built once and reused; this is also how the CLI's memory is measured),
// else a fresh one in a temporary directory.
func openExportBenchStore(tb testing.TB, n int) *models.Store {
	tb.Helper()
	path := os.Getenv("CLAIMDESK_BENCH_DB")
	if path == "" {
		path = filepath.Join(tb.TempDir(), "bench.db")
	}
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	page, err := s.Claims(context.Background(), models.ClaimFilter{PerPage: 1})
	if err != nil {
		tb.Fatal(err)
	}
	switch page.Total {
	case int64(n):
	case 0:
		fillExportBenchDB(tb, path, n)
	default:
		tb.Fatalf("%s holds %d claims, not %d: remove it or set CLAIMDESK_BENCH_CLAIMS=%d", path, page.Total, n, page.Total)
	}
	return s
}

// BenchmarkExportCSV exports every claim as CSV (100,000 by default; set
// CLAIMDESK_BENCH_CLAIMS=1000000 for the README's figure) and reports rows/s.
func BenchmarkExportCSV(b *testing.B) {
	n := exportBenchClaims(b)
	benchmarkExportCSV(b, openExportBenchStore(b, n), n)
}

// benchmarkExportCSV exports the n claims of s as CSV b.N times and reports
// rows/s, and the process's CPU time per export, which other work on a
// shared machine disturbs less than the wall time.
func benchmarkExportCSV(b *testing.B, s *models.Store, n int) {
	ctx := context.Background()
	b.ResetTimer()
	cpu0 := cputime.Self()
	var rows int64
	for i := 0; i < b.N; i++ {
		got, err := s.Export(ctx, io.Discard, models.ExportCSV, models.ClaimFilter{}, models.ExportOptions{BaseURL: "https://desk.example"})
		if err != nil {
			b.Fatal(err)
		}
		if got != int64(n) {
			b.Fatalf("exported %d rows, want %d", got, n)
		}
		rows += got
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric((cputime.Self()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// TestExportBenchDataKeyset exports the bench data (a few chunks of it) in
// every order and checks each claim comes out exactly once, in order, with its
// evidence: the keyset paging across chunk boundaries, on data where many
// claims share a sort value.
func TestExportBenchDataKeyset(t *testing.T) {
	n := 2*models.ExportChunk + 345
	path := filepath.Join(t.TempDir(), "k.db")
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillExportBenchDB(t, path, n)
	ctx := context.Background()
	for _, sort := range models.ClaimSorts() {
		t.Run(sort, func(t *testing.T) {
			seen := map[int64]bool{}
			var prev *models.ExportRow
			err := s.EachExportRow(ctx, models.ClaimFilter{Sort: sort}, func(r *models.ExportRow) error {
				if seen[r.ID] {
					t.Fatalf("claim %d exported twice", r.ID)
				}
				seen[r.ID] = true
				if prev != nil && !inOrder(sort, prev, r) {
					t.Fatalf("claim %d after %d is out of %s order", r.ID, prev.ID, sort)
				}
				wantEv := 0
				if r.ID%3 == 0 {
					wantEv = 2
				}
				if len(r.Evidence) != wantEv || r.Corroboration != wantEv/2 {
					t.Fatalf("claim %d: %d evidence, corroboration %d", r.ID, len(r.Evidence), r.Corroboration)
				}
				cp := *r
				prev = &cp
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != n {
				t.Fatalf("exported %d claims, want %d", len(seen), n)
			}
		})
	}
}

// TestExportBenchDataFiltered checks the keyset walk with filters whose best
// index does not hold the export's order (several verdicts, a full-text query),
// where the export pins itself to the order's index instead of sorting.
func TestExportBenchDataFiltered(t *testing.T) {
	n := 3*models.ExportChunk + 71
	path := filepath.Join(t.TempDir(), "f.db")
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillExportBenchDB(t, path, n)
	verdictOf := func(id int64) models.Verdict {
		return []models.Verdict{"unreviewed", "in_review", "unverified", "disputed", "verified", "false", "misleading"}[id%7]
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		f    models.ClaimFilter
		want func(id int64) bool
	}{
		{"two verdicts", models.ClaimFilter{Verdicts: []models.Verdict{models.False, models.Misleading}},
			func(id int64) bool { v := verdictOf(id); return v == models.False || v == models.Misleading }},
		{"three verdicts by id", models.ClaimFilter{Verdicts: []models.Verdict{models.Verified, models.False, models.InReview}, Sort: "id"},
			func(id int64) bool {
				v := verdictOf(id)
				return v == models.Verified || v == models.False || v == models.InReview
			}},
		{"full text", models.ClaimFilter{Query: "village shells", Sort: "-reported"}, func(int64) bool { return true }},
		{"full text by id", models.ClaimFilter{Query: "village", Sort: "-id"}, func(int64) bool { return true }},
		{"unconfirmed in a story", models.ClaimFilter{Unconfirmed: true, StoryID: 1, Sort: "updated"},
			func(id int64) bool { return verdictOf(id).Unconfirmed() }},
		// Claims far apart: their evidence is read by the list of ids.
		{"one source", models.ClaimFilter{SourceID: 7}, func(id int64) bool { return id%50 == 6 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := 0
			for id := int64(1); id <= int64(n); id++ {
				if tc.want(id) {
					want++
				}
			}
			got := 0
			var prev *models.ExportRow
			sort := tc.f.Sort
			if sort == "" {
				sort = "-reported"
			}
			err := s.EachExportRow(ctx, tc.f, func(r *models.ExportRow) error {
				if !tc.want(r.ID) {
					t.Fatalf("claim %d (%s) does not match", r.ID, r.Verdict)
				}
				if prev != nil && !inOrder(sort, prev, r) {
					t.Fatalf("claim %d after %d is out of %s order", r.ID, prev.ID, sort)
				}
				wantEv := 0
				if r.ID%3 == 0 {
					wantEv = 2
				}
				if len(r.Evidence) != wantEv {
					t.Fatalf("claim %d: %d evidence", r.ID, len(r.Evidence))
				}
				cp := *r
				prev = &cp
				got++
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Fatalf("exported %d claims, want %d", got, want)
			}
		})
	}
}

func inOrder(sort string, a, b *models.ExportRow) bool {
	switch sort {
	case "id":
		return a.ID < b.ID
	case "-id":
		return a.ID > b.ID
	case "reported", "created", "updated": // the bench data's times all follow the id
		return a.ReportedAt.Before(b.ReportedAt) || (a.ReportedAt.Equal(b.ReportedAt) && a.ID < b.ID)
	}
	return a.ReportedAt.After(b.ReportedAt) || (a.ReportedAt.Equal(b.ReportedAt) && a.ID > b.ID)
}

// newExportBenchData opens a store on n claims of bench data, with a
// connection of its own for changing them behind the store's back.
func newExportBenchData(t *testing.T, n int) (*models.Store, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "e.db")
	s, err := models.Open(models.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	fillExportBenchDB(t, path, n)
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?_busy_timeout=10000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return s, db
}

// TestExportOrderMatchesSQL checks that the readers' rows are merged back in
// exactly SQLite's order, also where a time column holds values of several
// storage classes (integers sort before text) and many claims tie.
func TestExportOrderMatchesSQL(t *testing.T) {
	s, db := newExportBenchData(t, 2*models.ExportChunk+99)
	for _, stmt := range []string{
		`UPDATE claims SET reported_at = 1764000000 + id % 5 WHERE id % 11 = 0`,
		`UPDATE claims SET created_at = strftime('%Y-%m-%dT%H:%M:%SZ', created_at) WHERE id % 7 = 0`,
		`UPDATE claims SET updated_at = '2026-11-25 10:00:00+02:00' WHERE id % 13 = 0`,
		`UPDATE claims SET updated_at = 1764000000.5 WHERE id % 17 = 0`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	for sort, order := range map[string]string{
		"-reported": "reported_at DESC, id DESC", "reported": "reported_at, id",
		"-created": "created_at DESC, id DESC", "created": "created_at, id",
		"-updated": "updated_at DESC, id DESC", "updated": "updated_at, id",
		"-id": "id DESC", "id": "id",
	} {
		var want []int64
		rows, err := db.Query("SELECT id FROM claims ORDER BY " + order)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			want = append(want, id)
		}
		rows.Close()
		var got []int64
		err = s.EachExportRow(ctx, models.ClaimFilter{Sort: sort}, func(r *models.ExportRow) error {
			got = append(got, r.ID)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			i := 0
			for i < min(len(got), len(want)) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: %d rows, first difference at row %d", sort, len(got), i)
		}
	}
}

// TestExportSeesOneSnapshot changes claims while an export runs: every row
// must come from the moment the export began, whichever reader read it.
func TestExportSeesOneSnapshot(t *testing.T) {
	n := 6*models.ExportChunk + 5
	s, db := newExportBenchData(t, n)
	got := 0
	err := s.EachExportRow(context.Background(), models.ClaimFilter{Sort: "id"}, func(r *models.ExportRow) error {
		if got == 0 {
			for _, stmt := range []string{
				`UPDATE claims SET via = 'changed'`,
				`UPDATE evidence SET removed_at = created_at`,
				`UPDATE sources SET name = 'renamed'`,
			} {
				if _, err := db.Exec(stmt); err != nil {
					return err
				}
			}
		}
		got++
		wantEv := 0
		if r.ID%3 == 0 {
			wantEv = 2
		}
		if r.Via != "Reuters" || len(r.Evidence) != wantEv || !strings.HasPrefix(r.ClaimantName, "Source number") {
			return fmt.Errorf("claim %d: via %q, %d evidence, claimant %q: read after the export began",
				r.ID, r.Via, len(r.Evidence), r.ClaimantName)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Errorf("exported %d claims, want %d", got, n)
	}
}

// TestExportNamesInBigExport exports enough claims for two readers, which
// read the names with small ids in one pass each and look the others up one
// by one, and checks every name shown beside every claim against SQL's own
// join, with claimants, entries and stories on both sides of that line.
func TestExportNamesInBigExport(t *testing.T) {
	s, db := newExportBenchData(t, 2*models.ExportChunk+345)
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	for _, stmt := range []string{
		`INSERT INTO stories(id, title, url, created_at, updated_at) VALUES (70001, 'Kherson, "dam" live', '', ?, ?)`,
		`INSERT INTO entries(id, story_id, position, time_text, headline, body, created_at) VALUES (90001, 70001, 0, '9:58 p.m. ET', 'Dam, "holding"', '', ?)`,
		`INSERT INTO sources(id, name, norm_name, role, kind, created_at, updated_at) VALUES (80001, 'Ministry of Defence', 'ministry of defence', 'Press office', 'government', ?, ?)`,
		`INSERT INTO users(id, name, email, role, created_at, updated_at) VALUES (60001, 'Late Reviewer', 'late@bench.example', 'editor', ?, ?)`,
		`UPDATE claims SET story_id = 70001, entry_id = 90001, source_id = 80001, verdict_by_id = 60001 WHERE id % 5 = 0 AND verdict_by_id IS NOT NULL`,
		`UPDATE claims SET signed_off_by_id = 60001 WHERE id % 10 = 0 AND signed_off_by_id IS NOT NULL`,
	} {
		var args []any
		for range strings.Count(stmt, "?") {
			args = append(args, now)
		}
		if _, err := db.Exec(stmt, args...); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]string{}
	rows, err := db.Query(`SELECT c.id, st.title, COALESCE(e.time_text, ''), COALESCE(e.headline, ''), s.name, s.role, s.kind,
		COALESCE(uv.name, ''), COALESCE(us.name, '') FROM claims c JOIN stories st ON st.id = c.story_id
		LEFT JOIN entries e ON e.id = c.entry_id JOIN sources s ON s.id = c.source_id
		LEFT JOIN users uv ON uv.id = c.verdict_by_id LEFT JOIN users us ON us.id = c.signed_off_by_id`)
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for rows.Next() {
		v := make([]string, 9)
		dst := make([]any, len(v))
		for i := range v {
			dst[i] = &v[i]
		}
		if err := rows.Scan(dst...); err != nil {
			t.Fatal(err)
		}
		want[v[0]] = v[1:]
		if v[5] == "Press office" {
			moved++
		}
	}
	rows.Close()
	if moved == 0 {
		t.Fatal("no claim moved to the large ids")
	}
	var out bytes.Buffer
	if _, err := s.Export(context.Background(), &out, models.ExportCSV, models.ClaimFilter{}, models.ExportOptions{BaseURL: "https://desk.example"}); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	if len(records)-1 != len(want) {
		t.Fatalf("%d rows exported, %d claims", len(records)-1, len(want))
	}
	for _, r := range records[1:] {
		w := want[r[col["claim_id"]]]
		got := []string{r[col["story"]], r[col["entry_time"]], r[col["entry_headline"]], r[col["claimant"]], r[col["claimant_role"]],
			r[col["claimant_kind"]], r[col["verdict_by"]], r[col["signed_off_by"]]}
		if !slices.Equal(got, w) {
			t.Fatalf("claim %s: names %q, want %q", r[col["claim_id"]], got, w)
		}
		opening := attribution.Opening(w[3], w[4], w[5])
		if !strings.HasPrefix(r[col["attribution_line"]], opening) {
			t.Fatalf("claim %s: attribution line %q, want it to open with %q", r[col["claim_id"]], r[col["attribution_line"]], opening)
		}
	}
}
