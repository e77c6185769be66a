package models

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// checkDayBounds fails t unless claim_day_bounds (SQLite) holds, for every
// claim, a row for its day reported whose bounds take in the claim's id,
// entry time and last change.
func checkDayBounds(t *testing.T, s *Store) {
	t.Helper()
	if s.d.pg {
		return
	}
	var bad []string
	err := s.r.Raw(`SELECT CAST(c.id AS TEXT) FROM claims c LEFT JOIN claim_day_bounds d ON d.day = substr(c.reported_at, 1, 10)
		WHERE d.day IS NULL OR d.first_id > c.id OR d.last_id < c.id OR d.first_created > c.created_at OR d.last_created < c.created_at
			OR d.first_updated > c.updated_at LIMIT 10`).Scan(&bad).Error
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Fatalf("claims %v lie outside their day's bounds in claim_day_bounds", bad)
	}
}

// rangeDesk is a seeded desk, some of its claims withdrawn; unless
// inOrder, its claims do not all follow the order of report: some old
// claims reported anew in the last days (their ids and entry times far
// below the range's others), old claims changed lately, some claims' last
// change set back. It returns the story and the assignee with most claims.
func rangeDesk(t *testing.T, inOrder bool) (f *fixture, story, assignee int64) {
	t.Helper()
	f = newFixture(t)
	ctx := context.Background()
	if err := f.s.Seed(ctx, SeedOptions{Claims: 3000, Seed: 21}); err != nil {
		t.Fatal(err)
	}
	now := f.s.Now()
	for _, w := range []struct {
		sql  string
		args []any
	}{
		{"UPDATE claims SET reported_at = ? WHERE id % 97 = 0", []any{now.Add(-50 * time.Hour)}},
		{"UPDATE claims SET updated_at = ? WHERE id % 89 = 0", []any{now.Add(-time.Hour)}},
		{"UPDATE claims SET updated_at = ? WHERE id % 101 = 0", []any{now.AddDate(-2, 0, 0)}},
		{"UPDATE claims SET withdrawn_at = updated_at WHERE id % 37 = 0", nil},
	} {
		if inOrder && !strings.Contains(w.sql, "withdrawn_at") {
			continue
		}
		if err := f.s.w.Exec(w.sql, w.args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	checkDayBounds(t, f.s)
	if err := f.s.w.Raw("SELECT story_id FROM claims GROUP BY story_id ORDER BY COUNT(*) DESC, story_id LIMIT 1").Row().Scan(&story); err != nil {
		t.Fatal(err)
	}
	if err := f.s.w.Raw("SELECT assignee_id FROM claims WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY COUNT(*) DESC, assignee_id LIMIT 1").Row().Scan(&assignee); err != nil {
		t.Fatal(err)
	}
	return f, story, assignee
}

// TestRangeStartAndFilterOrderPagesAsPlain checks the two plans of schema
// step 21 against the plain filter and order, on both databases: views with
// a date range sorted by entry, change or id (the walk starting and ending
// at the range's days' bounds), and views of a story or an assignee
// in entry, change or id order (the walk inside their own index), with other
// filters; the first page, the second and the sixth by offset and the
// second after a cursor, read by the plan the list takes, by a walk and by a
// sort of the matches, are the claims the filter alone gives in that order.
// On SQLite it also checks that those plans are taken.
func TestRangeStartAndFilterOrderPagesAsPlain(t *testing.T) {
	f, story, assignee := rangeDesk(t, false)
	ctx := context.Background()
	now := f.s.Now()
	day := func(d time.Time) string { return url.QueryEscape(d.Format("2006-01-02")) }
	ranges := []string{
		"since=" + day(now.AddDate(0, -1, 0)),
		"since=" + day(now.AddDate(0, -5, 0)) + "&until=" + day(now.AddDate(0, -1, 0)),
		"since=" + day(now.AddDate(0, 0, -3)),
	}
	filters := []string{"", "unconfirmed=1", "verdict=unverified,disputed", "verifiability=not_verifiable",
		"story=" + fmt.Sprint(story), "assignee=" + fmt.Sprint(assignee), "assignee=none", "awaiting_signoff=1", "stale=1",
		"story=" + fmt.Sprint(story) + "&unconfirmed=1", "assignee=none&verdict=unverified,disputed"}
	var views []string
	for _, flt := range filters {
		for _, r := range append([]string{""}, ranges...) {
			if v := strings.Trim(flt+"&"+r, "&"); v != "" {
				views = append(views, v)
			}
		}
	}
	rows, err := f.s.claimRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checked, bounded, inFilterOrder := 0, 0, 0
	for _, view := range views {
		for _, sort := range []string{"created", "updated", "id", "-created", "-updated", "-id"} {
			flt, err := ParseClaimFilter(mustQuery(t, view+"&sort="+sort+"&per_page=7"), f.editor.ID)
			if err != nil {
				t.Fatal(err)
			}
			ref := func(g ClaimFilter) []int64 {
				ids, err := pluckPage(g.apply(f.s.read(ctx).Table("claims"), now, f.s.staleAfter), claimSorts[g.Sort], g)
				if err != nil {
					t.Fatal(err)
				}
				return ids
			}
			type pageCase struct {
				name string
				g    ClaimFilter
				want []int64
			}
			var pages []pageCase
			for _, n := range []int{1, 2, 6} {
				g := flt
				g.Page = n
				pages = append(pages, pageCase{fmt.Sprintf("page %d", n), g, ref(g)})
			}
			if first := pages[0].want; len(first) == flt.PerPage {
				last, err := f.s.Claim(ctx, first[len(first)-1])
				if err != nil {
					t.Fatal(err)
				}
				g := flt
				g.Page, g.After = 2, cursorFor(sort, last)
				pages = append(pages, pageCase{"after a cursor", g, pages[1].want})
			}
			total, err := f.s.countClaims(ctx, flt, now)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pages {
				got, listed := listedIDs(ctx, t, f.s, p.g)
				if listed != total || fmt.Sprint(got) != fmt.Sprint(p.want) {
					t.Errorf("%s&sort=%s, %s: %v of %d, want %v of %d", view, sort, p.name, got, listed, p.want, total)
				}
				for _, as := range []int64{rows, max(total, 1), 1} {
					db, order := f.s.pageQuery(ctx, p.g, now, as, rows)
					ids, err := pluckPage(db, order, p.g)
					if err != nil {
						t.Fatal(err)
					}
					if fmt.Sprint(ids) != fmt.Sprint(p.want) {
						t.Errorf("%s&sort=%s, %s, planned for %d matches: %v, want %v", view, sort, p.name, as, ids, p.want)
					}
					if f.s.d.pg || as != max(total, 1) {
						continue
					}
					sqlText := db.Session(&gorm.Session{DryRun: true}).Select("claims.id").Order(order).Find(&[]int64{}).Statement.SQL.String()
					if strings.Contains(sqlText, "claim_day_bounds") {
						bounded++
					}
					for _, index := range filterOrderIndexes {
						if strings.Contains(sqlText, "INDEXED BY "+index+" ") && directIndex(p.g) != index {
							inFilterOrder++
						}
					}
				}
				checked++
			}
		}
	}
	t.Logf("%d pages, %d walks within a range's days, %d walks in a story's or assignee's order", checked, bounded, inFilterOrder)
	if checked < 800 || (!f.s.d.pg && (bounded < 60 || inFilterOrder < 60)) {
		t.Fatalf("checked %d pages, %d walks within a range's days, %d walks in a story's or assignee's order; want more", checked, bounded, inFilterOrder)
	}
}

// TestRangeStartAndFilterOrderPlans checks the plans of the views schema
// step 21 serves, among every combination of up to three desk filters held
// by the order indexes, on the first page and page 200 by offset, on a
// seeded desk (claims entered in the order of report) weighed as a million
// claims (its count tables and the days' ids scaled 500 times, SQLite given
// a million-claim desk's statistics): a date range sorted by entry, last
// change (with a start) or id, and a story's or an assignee's view in
// entry, change or id order, with 20,000 matches or more, never walks an
// index from its start, and sorts its matches only where no index gives
// its order with the filter (then from a covering index's range): on
// SQLite the first is bounded by the range's days, the second seeks the
// story's or assignee's claims in order; on PostgreSQL (sequential scans priced out) none reads
// the whole claims table, and with sorts priced out too an index gives a
// story's or an assignee's view its order.
func TestRangeStartAndFilterOrderPlans(t *testing.T) {
	f, story, assignee := rangeDesk(t, true)
	ctx := context.Background()
	now := f.s.Now()
	if f.s.d.pg {
		if err := f.s.compactCounts(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, table := range []string{"claim_counts", "claim_day_counts", "claim_story_counts"} {
		if err := f.s.w.Exec("UPDATE " + table + " SET n = n * 500").Error; err != nil {
			t.Fatal(err)
		}
	}
	if !f.s.d.pg {
		// The ids too, for the walks' estimates (only plans are read here).
		if err := f.s.w.Exec("UPDATE claim_day_bounds SET first_id = first_id * 500, last_id = last_id * 500").Error; err != nil {
			t.Fatal(err)
		}
		useMillionClaimStats(t, f.s)
	}
	rows, err := f.s.claimRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rows *= 500
	atoms := DeskFilterAtoms(story, f.source.ID, assignee, "casualties", "army")
	for i, a := range atoms {
		if strings.HasPrefix(a, "since=") {
			atoms[i] = "since=" + now.AddDate(0, -2, 0).Format("2006-01-02")
		}
		if strings.HasPrefix(a, "until=") {
			atoms[i] = "until=" + now.AddDate(0, 0, -10).Format("2006-01-02")
		}
	}
	checked := map[string]int{}
	for _, combo := range DeskFilterCombos(atoms, 3) {
		flt, err := ParseClaimFilter(mustQuery(t, combo), f.editor.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !walkCovered(flt) {
			continue
		}
		total, err := f.s.countClaims(ctx, flt, now)
		if err != nil {
			t.Fatal(err)
		}
		if total < 20_000 {
			continue
		}
		for _, sort := range []string{"created", "updated", "id", "-created", "-updated", "-id"} {
			rangeStarts := flt.Since != nil || flt.Until != nil && !strings.HasSuffix(sort, "updated")
			filterOrder := flt.StoryID > 0 || flt.AssigneeID > 0 || flt.Unassigned
			if !rangeStarts && !filterOrder {
				continue
			}
			for _, page := range []int{1, 200} {
				g := flt
				g.Sort, g.Page = sort, page
				if v := g.Validate(); v != nil {
					t.Fatal(v)
				}
				db, order := f.s.pageQuery(ctx, g, now, total, rows)
				plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(g.PerPage).Offset((g.Page-1)*g.PerPage))
				name := fmt.Sprintf("%s&sort=%s&page=%d with %d matches", combo, sort, page, total)
				// Where no index gives the order with the filter (an
				// assignee's claims by id), the matches may be sorted when
				// that costs less than the walk, read from a covering
				// index's range: never the claims' rows.
				noOrderIndex := !filterOrder || filterOrderIndexes[map[bool]string{true: "story", false: "assignee"}[g.StoryID > 0]+" "+strings.TrimPrefix(sort, "-")] == ""
				sorts := !f.s.d.pg && strings.Contains(plan, "TEMP B-TREE FOR ORDER BY")
				if sorts && noOrderIndex {
					if !strings.Contains(plan, "SEARCH claims USING COVERING INDEX") {
						t.Errorf("%s: the sorted matches are read from the claims' rows:\n%s", name, plan)
					}
					checked["sorted"]++
					continue
				}
				if p := planProblem(f.s.d.pg, plan, false, false); p != "" {
					t.Errorf("%s: the page query %s:\n%s", name, p, plan)
					continue
				}
				if f.s.d.pg {
					// PostgreSQL's planner weighs its own statistics (of a
					// few thousand claims here); with sorts priced out too,
					// an index must give a story's or an assignee's order.
					if filterOrder {
						sorted := explainPlanWith(t, f.s, db.Select("claims.id").Order(order).Limit(g.PerPage).Offset((g.Page-1)*g.PerPage), "enable_sort = off")
						// (An incremental sort orders only the ties of an
						// index's order.)
						if strings.Contains(sorted, "Sort Key") && !strings.Contains(sorted, "Presorted Key") || strings.Contains(sorted, "Seq Scan") {
							t.Errorf("%s: no index gives the order:\n%s", name, sorted)
						}
						checked["postgres in order"]++
					}
					checked["postgres"]++
					continue
				}
				for _, l := range strings.Split(plan, "\n") {
					if strings.HasPrefix(strings.TrimLeft(l, "|-` "), "SCAN claims") {
						t.Errorf("%s: the page query walks an index from its start:\n%s", name, plan)
					}
				}
				if rangeStarts && !strings.Contains(plan, "claim_day_bounds") {
					t.Errorf("%s: the page query is not bounded by the range's days:\n%s", name, plan)
				}
				if rangeStarts {
					checked["range start"]++
				}
				if filterOrder {
					checked["filter order"]++
				}
			}
		}
	}
	t.Logf("checked %v", checked)
	if f.s.d.pg && (checked["postgres"] < 100 || checked["postgres in order"] < 60) || !f.s.d.pg && (checked["range start"] < 60 || checked["filter order"] < 60) {
		t.Fatalf("checked %v: too few", checked)
	}
}
