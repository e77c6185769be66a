package models

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// millionClaimStats are the planner statistics of a desk with a million
// claims (from `claimdesk seed --claims 1000000`: 500 stories, 20,000
// sources, 11 assignees, seven verdicts), so that the plans checked here are
// the plans SQLite makes at that size, not those of a test's few rows.
var millionClaimStats = map[string]string{
	"claims_story_updated":             "1000000 2000 1 1 1 1 1 1 1 1 1",
	"claims_story_created":             "1000000 2000 1 1 1 1 1 1 1 1 1",
	"claims_assignee_updated":          "1000000 90910 1 1 1 1 1 1 1 1 1",
	"claims_assignee_created":          "1000000 90910 1 1 1 1 1 1 1 1 1",
	"claims_story_id":                  "1000000 2000 1 1 1 1 1 1 1 1",
	"claims_assignee_id":               "1000000 90910 1 1 1 1 1 1 1 1",
	"claims_source_verdict":            "1000000 50 8",
	"claims_story_verdict":             "1000000 2000 286",
	"claims_unconfirmed_updated":       "1000000 500000 1",
	"claims_verifiability_unconfirmed": "1000000 333334 166667 1",
	"claims_assignee_unconfirmed":      "1000000 90910 45455 1",
	"claims_source_unconfirmed":        "1000000 50 25 1",
	"claims_story_unconfirmed":         "1000000 2000 1000 1",
	"claims_hash":                      "1000000 2000 1",
	"claims_entry":                     "1000000 50",
	"claims_assignee":                  "1000000 90910 1",
	"claims_source":                    "1000000 50 1",
	"claims_story":                     "1000000 2000 1",
	"claims_verifiability":             "1000000 333334 1",
	"claims_unconfirmed":               "1000000 500000 1",
	"claims_verdict":                   "1000000 142858 1",
	"claims_updated":                   "1000000 1 1",
	"claims_reported":                  "1000000 1 1",
	"claims_created":                   "1000000 1 1",
	"claims_id_filters":                "1000000 1",
	// Partial indexes: a few thousand withdrawn claims, a tenth signed off.
	"claims_withdrawn":  "2000 1",
	"claims_signed_off": "100000 1",
}

// useMillionClaimStats gives the writer connection the statistics above.
func useMillionClaimStats(t *testing.T, s *Store) {
	t.Helper()
	stmts := []string{"ANALYZE", "DELETE FROM sqlite_stat1 WHERE tbl = 'claims'"}
	for _, st := range stmts {
		if err := s.w.Exec(st).Error; err != nil {
			t.Fatal(err)
		}
	}
	for idx, stat := range millionClaimStats {
		if err := s.w.Exec("INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES ('claims', ?, ?)", idx, stat).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := s.w.Exec("ANALYZE sqlite_schema").Error; err != nil {
		t.Fatal(err)
	}
}

// planFixture is a desk of n claims whose planner, on SQLite, weighs the
// claims table as a million-claim desk's (useMillionClaimStats), for the
// tests that read query plans; now is the fixed time their views are read at.
func planFixture(t *testing.T, n int) (f *fixture, now time.Time) {
	t.Helper()
	f = newFixture(t)
	for i := 0; i < n; i++ {
		f.claim(t, "claim for statistics")
	}
	if !f.s.d.pg {
		useMillionClaimStats(t, f.s)
	}
	return f, time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
}

// planCombos are the desk's filter combinations of up to three over f's
// story, source, editor, a tag and a search word.
func planCombos(f *fixture) []string {
	return DeskFilterCombos(DeskFilterAtoms(f.story.ID, f.source.ID, f.editor.ID, "casualties", "army"), 3)
}

// explainPlan returns the database's plan for q, one step a line: SQLite's
// EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN with sequential scans priced
// out, so that a plan with a Seq Scan means no index can serve the query.
func explainPlan(t *testing.T, s *Store, q *gorm.DB) string {
	t.Helper()
	return explainPlanWith(t, s, q)
}

// explainPlanWith is explainPlan with PostgreSQL's planner settings also
// set as given (e.g. "enable_sort = off": whether an index gives the order).
func explainPlanWith(t *testing.T, s *Store, q *gorm.DB, pgSettings ...string) string {
	t.Helper()
	stmt := q.Session(&gorm.Session{DryRun: true}).Find(&[]int64{}).Statement
	query, vars := stmt.SQL.String(), stmt.Vars
	var lines []string
	if !s.d.pg {
		var rows []struct {
			ID, Parent, Notused int
			Detail              string
		}
		if err := s.w.Raw("EXPLAIN QUERY PLAN "+query, vars...).Scan(&rows).Error; err != nil {
			t.Fatalf("explain %s: %v", query, err)
		}
		claimsAt := map[int]bool{}
		for _, r := range rows {
			lines = append(lines, r.Detail)
			if strings.Contains(r.Detail, " claims ") || strings.HasSuffix(r.Detail, " claims") {
				claimsAt[r.Parent] = true
			}
			if strings.Contains(r.Detail, "claim_search VIRTUAL TABLE") && claimsAt[r.Parent] {
				lines = append(lines, "FULL-TEXT SEARCH PER CLAIM")
			}
		}
		return strings.Join(lines, "\n")
	}
	db, err := s.r.DB()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	for _, set := range append([]string{"enable_seqscan = off"}, pgSettings...) {
		if _, err := tx.ExecContext(ctx, "SET LOCAL "+set); err != nil {
			t.Fatal(err)
		}
	}
	rows, err := tx.QueryContext(ctx, "EXPLAIN "+query, vars...)
	if err != nil {
		t.Fatalf("explain %s: %v", query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

// planProblem says what is wrong with a plan, or "".
func planProblem(pg bool, plan string, mayScanInOrder, maySort bool) string {
	for _, line := range strings.Split(plan, "\n") {
		l := strings.TrimSpace(line)
		switch {
		case l == "FULL-TEXT SEARCH PER CLAIM":
			return "runs the full-text search once for every claim the filters match"
		case pg && strings.Contains(l, "Seq Scan on claims"):
			return "reads the whole claims table"
		case !pg && strings.HasPrefix(strings.TrimLeft(l, "|-` "), "SCAN claims") && !strings.Contains(l, " INDEX ") && !mayScanInOrder:
			return "scans the whole claims table"
		case !pg && strings.Contains(l, "TEMP B-TREE FOR ORDER BY") && !maySort:
			return "sorts its matches in a temporary b-tree where an index gives the order"
		}
	}
	return ""
}

// Every combination of up to three desk filters, with every sort, on the
// first page and a deep one, both when it matches few claims and when it
// matches most of a million: the page query uses an index for its filter or
// walks an index in the sort's order (never the whole table unordered), and
// a view with many matches never sorts them; the count uses an index too.
func TestEveryDeskViewUsesIndexes(t *testing.T) {
	f, now := planFixture(t, 30)
	ctx := context.Background()
	const rows = 1_000_000
	combos := planCombos(f)
	checked := 0
	for _, combo := range combos {
		for _, sort := range ClaimSorts() {
			// The first page, page 200 by offset and page 200 by cursor.
			mid := &Claim{ID: 500_000, ReportedAt: now.Add(-48 * time.Hour), CreatedAt: now.Add(-47 * time.Hour), UpdatedAt: now.Add(-46 * time.Hour)}
			for _, at := range []struct {
				page  int
				after string
			}{{1, ""}, {200, ""}, {200, cursorFor(sort, mid)}} {
				q, err := url.ParseQuery(fmt.Sprintf("%s&sort=%s&page=%d", combo, url.QueryEscape(sort), at.page))
				if err != nil {
					t.Fatal(err)
				}
				if at.after != "" {
					q.Set("after", at.after)
				}
				flt, err := ParseClaimFilter(q, f.editor.ID)
				if err != nil {
					t.Fatalf("%s: %v", q.Encode(), err)
				}
				for _, total := range []int64{500, 600_000} {
					db, order := f.s.pageQuery(ctx, flt, now, total, rows)
					list := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(flt.PerPage).Offset((flt.Page-1)*flt.PerPage))
					byID := strings.TrimPrefix(flt.Sort, "-") == "id"
					wanted := int64(flt.Page * flt.PerPage)
					if flt.cursor() != nil {
						wanted = int64(flt.PerPage)
					}
					walks := f.s.walkBeatsSort(ctx, flt, now, wanted, total, rows)
					// A search walks its index newest first, or ranks at
					// most maxRankedMatches; a view whose matches are fewer
					// than the rows a walk would skip sorts them.
					maySort := !walks || flt.Sort == "relevance"
					if p := planProblem(f.s.d.pg, list, byID && walks, maySort); p != "" {
						t.Errorf("%s with %d matches: the page query %s:\n%s", q.Encode(), total, p, list)
					}
					// A walk of the order's index checks the filters the
					// index holds without reading the claims (schemaV19).
					if e := db.Statement.TableExpr; !f.s.d.pg && walkCovered(flt) && e != nil && e.SQL == sortWalk(flt) &&
						!strings.Contains(list, "USING COVERING INDEX") {
						t.Errorf("%s with %d matches: the walk reads the claims' rows:\n%s", q.Encode(), total, list)
					}
					checked++
				}
			}
		}
		flt, err := ParseClaimFilter(mustQuery(t, combo), f.editor.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range []WithdrawnMode{WithdrawnIncluded, WithdrawnOnly} {
			if flt.Withdrawn == WithdrawnHidden || flt.Withdrawn == w {
				g := flt
				g.Withdrawn = w
				count := explainPlan(t, f.s, f.s.matching(ctx, g, now).Select("COUNT(*)"))
				if p := planProblem(f.s.d.pg, count, false, true); p != "" {
					t.Errorf("%s: the count %s:\n%s", combo, p, count)
				}
			}
		}
	}
	if checked < 30000 {
		t.Fatalf("checked %d page plans; the combinations should give more than 30,000", checked)
	}
}

func mustQuery(t *testing.T, s string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// Every combination of up to three desk filters with a search whose other
// filters are all facets of the search index (story, source, verdict,
// verifiability, unconfirmed, stale, assignee, withdrawn, awaiting sign-off
// and date ranges since schema 20): its count reads the search index and
// no claim (the reported-time index only for the part of a day outside a
// range), and each page it reads from the search index (search_plan_pages.go)
// takes its order from the search index or the sort's index, reading the
// sort's index alone (never a claim row) and never sorting.
func TestSearchFacetViewsReadTheIndex(t *testing.T) {
	f, now := planFixture(t, 30)
	if f.s.d.pg {
		t.Skip("the facets are SQLite's (PostgreSQL's search is checked by TestEveryDeskViewUsesIndexes)")
	}
	ctx := context.Background()
	counts, pages := 0, 0
	for _, combo := range planCombos(f) {
		flt, err := ParseClaimFilter(mustQuery(t, combo), f.editor.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !f.s.d.facetsCover(flt) {
			continue
		}
		count := explainPlan(t, f.s, f.s.matching(ctx, flt, now).Select("COUNT(*)"))
		for _, l := range strings.Split(count, "\n") {
			if strings.Contains(l, "claims") && !strings.Contains(l, "COVERING INDEX claims_reported") {
				t.Errorf("%s: the count reads the claims:\n%s", combo, count)
			}
		}
		counts++
		for _, sort := range ClaimSorts() {
			for _, page := range []int{1, 200} {
				g := flt
				g.Sort, g.Page = sort, page
				if err := g.Validate(); err != nil {
					t.Fatal(err)
				}
				for _, total := range []int64{500, 5_000, 600_000} {
					db, order, ok := f.s.searchFacetPage(ctx, g, now, total, 1_000_000)
					if !ok {
						continue
					}
					plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(g.PerPage).Offset((g.Page-1)*g.PerPage))
					if strings.Contains(plan, "TEMP B-TREE FOR ORDER BY") {
						t.Errorf("%s&sort=%s&page=%d, %d matches: the page sorts:\n%s", combo, sort, page, total, plan)
					}
					for _, l := range strings.Split(plan, "\n") {
						l = strings.TrimLeft(l, "|-` ")
						if strings.HasPrefix(l, "SCAN claims") && !strings.Contains(l, "USING INDEX claims_") && !strings.Contains(l, "COVERING INDEX claims_") {
							t.Errorf("%s&sort=%s&page=%d, %d matches: the page scans the claims:\n%s", combo, sort, page, total, plan)
						}
					}
					if by := strings.TrimPrefix(sort, "-"); page == 200 && (by == "reported" || by == "created" || by == "updated") &&
						!strings.Contains(plan, "COVERING INDEX claims_"+by) {
						t.Errorf("%s&sort=%s&page=%d, %d matches: the walk reads claims:\n%s", combo, sort, page, total, plan)
					}
					pages++
				}
			}
		}
	}
	if counts < 70 || pages < 1000 {
		t.Fatalf("checked %d counts and %d pages: too few", counts, pages)
	}
}

// listedIDs is the list's page for g as the desk gets it: the claims' ids in
// order and the total.
func listedIDs(ctx context.Context, t *testing.T, s *Store, g ClaimFilter) ([]int64, int64) {
	t.Helper()
	page, err := s.Claims(ctx, g)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, c := range page.Claims {
		ids = append(ids, c.ID)
	}
	return ids, page.Total
}
