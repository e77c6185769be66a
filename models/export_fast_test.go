package models

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// exportCells are cells the hand-written CSV must write exactly as
// encoding/csv did after NeutraliseCell.
var exportCells = []string{
	"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\rlf\r\n", " leading space", "\u00a0nbsp", "\u3000ideo",
	`\.`, `\.x`, "=1+1", "+7", "-2", "@x", "\tTab", "\rCR", "\nLF", "＝1", "＋1", "－1", "＠x", "＝,\"x\"", "\xef\xbc",
	"\xef", "Губернатор, \"сказал\"", "🚀", "\v", "\f", "'=1", "trailing ", "a\"", "\"", ",", "\n", "\r",
}

// encodingCSVCell is cell as encoding/csv writes it after NeutraliseCell,
// with its line end.
func encodingCSVCell(t *testing.T, cell string) []byte {
	t.Helper()
	var want bytes.Buffer
	w := csv.NewWriter(&want)
	w.UseCRLF = true
	if err := w.Write([]string{NeutraliseCell(cell)}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	return want.Bytes()
}

// FuzzAppendCSVCell checks the hand-written cell against encoding/csv on any
// text; its seeds are exportCells.
func FuzzAppendCSVCell(f *testing.F) {
	for _, c := range exportCells {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		want := encodingCSVCell(t, cell)
		if got := append(appendCSVCell(nil, cell), '\r', '\n'); !bytes.Equal(got, want) {
			t.Fatalf("cell %q: wrote %q, encoding/csv %q", cell, got, want)
		}
	})
}

func TestAppendCSVCellMatchesEncodingCSV(t *testing.T) {
	for _, cell := range exportCells {
		want := encodingCSVCell(t, cell)
		if got := append(appendCSVCell(nil, cell), '\r', '\n'); !bytes.Equal(got, want) {
			t.Errorf("cell %q: wrote %q, encoding/csv %q", cell, got, want)
		}
		if gotB := append(appendCSVCell(nil, []byte(cell)), '\r', '\n'); !bytes.Equal(gotB, want) {
			t.Errorf("cell %q as bytes: wrote %q, encoding/csv %q", cell, gotB, want)
		}
	}
}

func TestAttributionWriterMatchesAttributionLine(t *testing.T) {
	names := []string{"Vyacheslav Gladkov", "a senior official", "UN", "", " Ministry ", "Ünal"}
	roles := []string{"", "Governor of Belgorod region", "the spokesman", "a minister", "UN envoy", "governor",
		"Vyacheslav Gladkov", "  ", "ministry spokesperson", "Éditeur", "An envoy"}
	texts := []string{"Two women were killed.", "Troops withdrew overnight", "  the bridge fell!? ", "", "...",
		"Kyiv was hit", "TWO women", "İstanbul is calm", "Über alles", "THE END", "Several", "several people died",
		"nearly100 died", "It's over", "ſome", "Ukrainian forces", "thousands-strong", "A", "a", "he said so,\"", "We wait", "it is over", "Why?"}
	verdicts := append(Verdicts(), "")
	signed := time.Now()
	stamp := "2026-11-25 12:00:00+00:00"
	var a attributionWriter
	for i, name := range names {
		kind := []string{"person", "government", "media", "", "other", "armed group"}[i%6]
		for _, role := range roles {
			for _, text := range texts {
				for _, v := range verdicts {
					for _, verif := range []Verifiability{VerifNotVerifiable, "unknown"} {
						for _, s := range []bool{false, true} {
							c := &Claim{ClaimantName: name, ClaimantRole: role, ClaimantKind: kind, Text: text, Verdict: v, Verifiability: verif}
							if s {
								c.SignedOffAt = &signed
							}
							want := AttributionLine(c)
							x := &exportRaw{claimant: name, claimantRole: role, claimantKind: kind, text: text, verdict: string(v), verifiability: string(verif)}
							if s {
								x.signedOffAt = stamp
							}
							// Without the claimant's opening (PostgreSQL's rows) and with it.
							for _, opening := range []string{"", attributionOpening(name, role, kind)} {
								x.opening = opening
								if got := string(a.appendLine(nil, x)); got != want {
									t.Fatalf("%+v, opening %q: wrote %q, AttributionLine %q", c, opening, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}

func TestUTCStampMatchesParser(t *testing.T) {
	for _, s := range []string{"2026-11-24 17:28:55+00:00", "2026-11-24 17:28:55.123456789+00:00", "2026-11-24T17:28:55Z",
		"2026-11-24 17:28:55", "2026-11-24 17:28:55-00:00", "2026-02-28 23:59:59+00:00", "2026-13-01 00:00:00+00:00",
		"2026-02-30 00:00:00+00:00", "2026-11-24 24:00:00+00:00", "2026-11-24 17:28:55+02:00", "2026-11-24 17:28:55.+00:00",
		"2026-11-24", "2026-11-24 17:28", "junk", "0000-01-01 00:00:00+00:00", "2026-11-24 17:28:60+00:00"} {
		want := rawTime(s).Format(time.RFC3339)
		if got := string(appendRFC3339(nil, s)); got != want {
			t.Errorf("%q: wrote %q, parser %q", s, got, want)
		}
	}
	if got := string(appendRFC3339(nil, int64(1764000000))); got != unixDBTime(1764000000).Format(time.RFC3339) {
		t.Errorf("unix time: %q", got)
	}
	if got := appendRFC3339(nil, nil); len(got) != 0 {
		t.Errorf("NULL: %q", got)
	}
}

func TestExportOriginMatchesOriginOf(t *testing.T) {
	urls := []string{"", "https://www.reuters.example/world/1", "http://News.Example", "https://example.org?x=1", "https://example.org#f",
		"https://example.org/a%zz", "https://example.org/a%20b", "https://example.org/a#%zz", "https://example.org/a\x7f",
		"https://example.org/a\x00", "https://user@example.org/", "https://example.org:8080/", "https://[::1]/", "https:///x",
		"https://exa_mple.org/", "https://ex ample.org/", "HTTPS://example.org/", "ftp://example.org/", "https://www./",
		"https://WWW.Example.ORG/path?q#f", "https://пример.рф/", "https://example.org/путь", "//example.org/", "https:example.org",
		"https://example.org/a b", "https://-.-/", "https://example.org?%zz", "https://example.org\t/"}
	for _, u := range urls {
		for _, origin := range []string{"", "AP", "..."} {
			if got, want := exportOrigin(origin, u), originOf(origin, u); got != want {
				t.Errorf("%q, %q: %q, originOf %q", origin, u, got, want)
			}
		}
	}
}

func FuzzExportOrigin(f *testing.F) {
	for _, u := range []string{"https://www.reuters.example/world/1", "http://a.b?c#d", "https://a.b/%41", "https://a:1/"} {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := exportOrigin("", u), originOf("", u); got != want {
			t.Errorf("%q: %q, originOf %q", u, got, want)
		}
	})
}

// TestDataVersionSeesCommits checks what sqliteExportSnapshot relies on:
// PRAGMA data_version read outside a transaction and again inside one begun
// later differs exactly when another connection committed in between.
func TestDataVersionSeesCommits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v.db")
	s, err := Open(Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dsn, err := sqliteExportDSN(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open(sqliteDriver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, write := range []bool{false, true, false} {
		txs, same, err := sqliteBeginSnapshot(ctx, db, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !same {
			t.Fatal("no write, yet data_version changed")
		}
		txs[0].end()
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var before, after int64
		if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&before); err != nil {
			t.Fatal(err)
		}
		if write {
			err := s.write(ctx, func(tx *gorm.DB) error {
				return tx.Exec(`INSERT INTO stories(title, url, created_at, updated_at) VALUES ('x', '', ?, ?)`, s.Now(), s.Now()).Error
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		tx, err := c.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(new(int64)); err != nil {
			t.Fatal(err)
		}
		if err := tx.QueryRowContext(ctx, "PRAGMA data_version").Scan(&after); err != nil {
			t.Fatal(err)
		}
		tx.Rollback()
		c.Close()
		if (before != after) != write {
			t.Errorf("write %v: data_version %d then %d", write, before, after)
		}
	}
}

// openTestStore opens a store on a new SQLite file, closed when the test
// ends.
func openTestStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(Config{Path: filepath.Join(t.TempDir(), "claimdesk.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// insertExportBase inserts the user 1, the story 1 and the source 1 that
// the export tests' claims written in SQL refer to.
func insertExportBase(tx *gorm.DB, now time.Time) error {
	for _, stmt := range []string{
		`INSERT INTO users(id, name, email, role, created_at, updated_at) VALUES (1, 'u', 'u@x', 'editor', ?, ?)`,
		`INSERT INTO stories(id, title, url, created_at, updated_at) VALUES (1, 's', '', ?, ?)`,
		`INSERT INTO sources(id, name, norm_name, role, kind, created_at, updated_at) VALUES (1, 'n', 'n', '', 'person', ?, ?)`,
	} {
		if err := tx.Exec(stmt, now, now).Error; err != nil {
			return err
		}
	}
	return nil
}

// TestExportEvidenceOfEveryClaim exports claims with none, one, several and
// more evidence items than a batch holds claims, added in turns with other
// claims' items and some removed, in several orders with two readers; each
// claim must come with exactly its standing items, oldest first, across the
// batches' edges.
func TestExportEvidenceOfEveryClaim(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	now := s.Now()
	const claims = 3000
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := insertExportBase(tx, now); err != nil {
			return err
		}
		for id := 1; id <= claims; id++ {
			// Report times repeat and run against the ids in places.
			reported := now.Add(-time.Duration(id%500) * time.Minute)
			if err := tx.Exec(`INSERT INTO claims(id, story_id, source_id, text, reported_at, created_at, updated_at)
				VALUES (?, 1, 1, 't', ?, ?, ?)`, id, reported, now, now).Error; err != nil {
				return err
			}
		}
		// Claim id gets id%4 items, in turns with the other claims'; the
		// second item of every seventh claim is removed; claim 1000 has
		// 600 items.
		for round := 0; round < 600; round++ {
			for id := 1; id <= claims; id++ {
				if round >= id%4 && (id != 1000 || round >= 600) {
					continue
				}
				var removed any
				if round == 1 && id%7 == 0 {
					removed = now
				}
				if err := tx.Exec(`INSERT INTO evidence(claim_id, kind, stance, url, added_by_id, created_at, removed_at)
					VALUES (?, 'document', 'supports', ?, 1, ?, ?)`, id, fmt.Sprintf("https://e.example/%d/%d", id, round), now, removed).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64][]string{}
	rows, err := s.read(ctx).Raw(`SELECT claim_id, url FROM evidence WHERE removed_at IS NULL ORDER BY claim_id, id`).Rows()
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var u string
		if err := rows.Scan(&id, &u); err != nil {
			t.Fatal(err)
		}
		want[id] = append(want[id], u)
	}
	rows.Close()
	if len(want[1000]) != 600 || len(want[3]) != 3 || len(want[7]) != 2 || len(want[4]) != 0 || len(want[14]) != 1 {
		t.Fatalf("the test's evidence is not as meant: %d %d %d %d %d", len(want[1000]), len(want[3]), len(want[7]), len(want[4]), len(want[14]))
	}
	for _, sort := range []string{"", "id", "-id", "created"} {
		seen := 0
		err := s.EachExportRow(ctx, ClaimFilter{Sort: sort}, func(r *ExportRow) error {
			seen++
			var got []string
			for _, ev := range r.Evidence {
				got = append(got, ev.URL)
				if ev.ClaimID != r.ID {
					t.Errorf("sort %q: claim %d has evidence of claim %d", sort, r.ID, ev.ClaimID)
				}
			}
			if !slices.Equal(got, want[r.ID]) {
				t.Errorf("sort %q: claim %d: %d items %.3q, want %d %.3q", sort, r.ID, len(got), got, len(want[r.ID]), want[r.ID])
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if seen != claims {
			t.Errorf("sort %q: %d claims, want %d", sort, seen, claims)
		}
	}
}

// hasCSVEscape and hasByte find what they look for at every position of
// strings of every length, and nothing else.
func TestHasCSVEscape(t *testing.T) {
	for n := 0; n <= 40; n++ {
		for other := 0; other < 256; other++ {
			b := bytes.Repeat([]byte{byte(other)}, n)
			esc := other == '"' || other == '\r' || other == '\n'
			if got := hasCSVEscape(b); got != (esc && n > 0) {
				t.Fatalf("%d bytes of %#x: %v", n, other, got)
			}
			if got := hasByte(string(b), ','); got != (other == ',' && n > 0) {
				t.Fatalf("%d bytes of %#x: comma %v", n, other, got)
			}
			if esc || other == ',' {
				continue
			}
			for i := 0; i < n; i++ {
				for _, c := range []byte{'"', '\r', '\n'} {
					c2 := bytes.Clone(b)
					c2[i] = c
					if !hasCSVEscape(string(c2)) || !hasCSVEscape(c2) {
						t.Fatalf("%q: %q at %d not found", c2, c, i)
					}
				}
			}
		}
	}
}

// TestExportReadsClaimsStoredByOtherMeans exports claims written straight
// into the database rather than through Claimdesk: text holding the byte
// 0xFF, which the claims statement uses between a claim's fields (the claim
// is read again column by column), and a time stored as a Unix time. Each
// comes out as stored, in the CSV and in the rows the other formats use, and
// with the evidence of every claim.
func TestExportReadsClaimsStoredByOtherMeans(t *testing.T) {
	s := openTestStore(t)
	ctx := context.Background()
	now := s.Now()
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := insertExportBase(tx, now); err != nil {
			return err
		}
		for _, stmt := range []string{
			`INSERT INTO claims(id, story_id, source_id, text, via, reported_at, created_at, updated_at)
				VALUES (1, 1, 1, cast(x'41ff42' AS text), cast(x'ffff' AS text), ?, ?, ?)`,
			`INSERT INTO claims(id, story_id, source_id, text, made_at, reported_at, created_at, updated_at)
				VALUES (2, 1, 1, 'plain', 1700000000, ?, ?, ?)`,
			`INSERT INTO evidence(claim_id, kind, stance, url, added_by_id, created_at) VALUES (1, 'document', 'supports', 'https://e.example/1', 1, ?)`,
			`INSERT INTO evidence(claim_id, kind, stance, url, added_by_id, created_at) VALUES (2, 'document', 'supports', 'https://e.example/2', 1, ?)`,
		} {
			args := []any{now, now, now}[:strings.Count(stmt, "?")]
			if err := tx.Exec(stmt, args...).Error; err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[int64]ExportRow{}
	err = s.EachExportRow(ctx, ClaimFilter{Sort: "id"}, func(r *ExportRow) error {
		c := *r
		c.Evidence = slices.Clone(r.Evidence)
		rows[r.ID] = c
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r := rows[1]; r.Text != "A\xffB" || r.Via != "\xff\xff" || len(r.Evidence) != 1 || r.Evidence[0].URL != "https://e.example/1" {
		t.Errorf("claim 1: text %q, via %q, evidence %+v", r.Text, r.Via, r.Evidence)
	}
	if r := rows[2]; r.Text != "plain" || r.MadeAt == nil || !r.MadeAt.Equal(time.Unix(1700000000, 0)) || len(r.Evidence) != 1 {
		t.Errorf("claim 2: text %q, made at %v, evidence %+v", r.Text, r.MadeAt, r.Evidence)
	}
	var buf bytes.Buffer
	if _, err := s.Export(ctx, &buf, ExportCSV, ClaimFilter{Sort: "id"}, ExportOptions{BaseURL: "https://desk.example"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range CSVColumns() {
		col[name] = i
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want a header and 2 claims", len(recs))
	}
	if got := recs[1][col["claim"]]; got != "A\xffB" {
		t.Errorf("claim 1 in the CSV: %q", got)
	}
	if got := recs[1][col["via"]]; got != "\xff\xff" {
		t.Errorf("claim 1's via in the CSV: %q", got)
	}
	if got := recs[2][col["made_at"]]; got != "2023-11-14T22:13:20Z" {
		t.Errorf("claim 2's made_at in the CSV: %q", got)
	}
	if got := recs[1][col["evidence_urls"]] + " " + recs[2][col["evidence_urls"]]; got != "https://e.example/1 https://e.example/2" {
		t.Errorf("evidence in the CSV: %q", got)
	}
}
