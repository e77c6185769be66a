package models

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestRangeWalkedOrSorted has claims reported in the order they were entered
// (as on a desk following live blogs) and a date range keeping the last
// quarter of them (and another keeping the first quarter). Walking the
// sort's index oldest first from its start would meet the last quarter only
// after three quarters of the index, so the walk starts where the range's
// first day starts (schemaV21); the other walks stay, as does a page after
// a cursor (a claim of the view). Either way every page (first, second by
// offset, after a cursor) lists the same claims in the same order as the
// walk alone did.
func TestRangeWalkedOrSorted(t *testing.T) {
	f := newFixture(t)
	base := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	var claims []*Claim
	for i := 0; i < 240; i++ {
		c := f.claim(t, fmt.Sprintf("claim number %d", i))
		if err := f.s.w.Exec("UPDATE claims SET reported_at = ? WHERE id = ?", base.Add(time.Duration(i)*time.Hour), c.ID).Error; err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	ctx := context.Background()
	now := f.s.Now()
	since, until := base.Add(180*time.Hour), base.Add(60*time.Hour)
	rows, err := f.s.claimRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		since, until *time.Time
		// Cursors (in either order) the pages after which are checked.
		asc, desc int
	}{{&since, nil, 100, 230}, {nil, &until, 10, 150}} {
		for _, sort := range []string{"id", "created", "updated", "-id", "-created", "-updated"} {
			for _, pg := range []struct {
				page  int
				after bool
			}{{1, false}, {2, false}, {2, true}} {
				// The source (every claim's) keeps the view out of the
				// indexes that hold the filters, whose walks cost less
				// (TestCoveredViewsWalkedOrSortedAlike checks those).
				flt := ClaimFilter{Since: r.since, Until: r.until, SourceID: f.source.ID, Sort: sort, PerPage: 5, Page: pg.page}
				if pg.after {
					at := claims[r.asc]
					if strings.HasPrefix(sort, "-") {
						at = claims[r.desc]
					}
					flt.After = cursorFor(sort, at)
				}
				if v := flt.Validate(); v != nil {
					t.Fatal(v)
				}
				total, err := f.s.CountClaims(ctx, flt)
				if err != nil || total != 60 {

					t.Fatalf("total %d, %v; want the range's 60 claims", total, err)
				}
				name := fmt.Sprintf("since=%v until=%v sort=%s page=%d after=%v", r.since != nil, r.until != nil, sort, pg.page, pg.after)
				walk := sortWalk(flt)
				wanted := int64(flt.Page * flt.PerPage)
				if pg.after {
					wanted = int64(flt.PerPage)
				}
				if !f.s.walkBeatsSort(ctx, flt, now, wanted, total, rows) {
					t.Fatalf("%s: the walk should be the first choice for %d of %d claims", name, total, rows)
				}
				// The answer of the walk alone, as the list gave it before.
				ref := f.s.read(ctx).Table(walk)
				if f.s.d.pg {
					ref = f.s.read(ctx).Table("claims")
				}
				ref = flt.apply(ref, now, f.s.staleAfter)
				if c := flt.cursor(); c != nil {
					ref = c.after(ref)
				}
				want, err := pluckPage(ref, claimSorts[sort], flt)
				if err != nil || len(want) != 5 {
					t.Fatalf("%s: reference page %v, %v", name, want, err)
				}
				got, _ := listedIDs(ctx, t, f.s, flt)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: page %v, the walk gives %v", name, got, want)
				}
				if f.s.d.pg {
					continue
				}
				db, order := f.s.pageQuery(ctx, flt, now, total, rows)
				plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(flt.PerPage))
				walks := db.Statement.TableExpr != nil && strings.Contains(db.Statement.TableExpr.SQL, walk)
				// Every page walks the sort's index: from the range's side
				// (newest first, or after a cursor) it starts in the
				// range; oldest first it starts where the range's days
				// start (claim_day_bounds), past the claims before it.
				desc := strings.HasPrefix(sort, "-")
				if !walks {
					t.Errorf("%s: does not walk the sort's index:\n%s", name, plan)
				}
				col := map[string]string{"id": "rowid>?", "created": "created_at>?", "updated": "updated_at>?"}[sort]
				if fromStart := !desc && r.since != nil && !pg.after; fromStart && (!strings.Contains(plan, col) || !strings.Contains(plan, "claim_day_bounds")) {
					t.Errorf("%s: the walk does not start at the range's first day:\n%s", name, plan)
				}
			}
		}
	}
}

// TestSortedRangeUsesIndexes checks, on SQLite with a million claims'
// statistics, the plan of every view with a report-time start, sorted
// oldest first, when its matches
// are sorted instead of walked: the filters' indexes (or the search index)
// find them, never a scan of the whole table.
func TestSortedRangeUsesIndexes(t *testing.T) {
	f, now := planFixture(t, 1)
	if f.s.d.pg {
		t.Skip("the sort's index is walked on SQLite only; PostgreSQL's planner chooses")
	}
	ctx := context.Background()
	checked := 0
	for _, combo := range planCombos(f) {
		for _, sort := range ClaimSorts() {
			flt, err := ParseClaimFilter(mustQuery(t, combo+"&sort="+sort), f.editor.ID)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := outsideRange(flt); !ok || sortWalks[strings.TrimPrefix(sort, "-")] == "" {
				continue
			}
			db, order := f.s.sortedMatches(ctx, flt, now, claimSorts[flt.Sort])
			plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(flt.PerPage))
			if p := planProblem(false, plan, false, true); p != "" {
				t.Errorf("%s&sort=%s: the sorted matches' query %s:\n%s", combo, sort, p, plan)
			}
			checked++
		}
	}
	if checked < 300 {
		t.Fatalf("checked %d plans; the views cut by report time should give more than 300", checked)
	}
}

// TestFewRangeMatchesSorted checks that a range with a start, sorted oldest
// first, whose matches are too few for a walk, is sorted from the filters'
// indexes (SQLite's planner would walk the sort's index from its start),
// with the same claims in the same order.
func TestFewRangeMatchesSorted(t *testing.T) {
	f := newFixture(t)
	base := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 40; i++ {
		c := f.claim(t, fmt.Sprintf("claim number %d", i))
		if err := f.s.w.Exec("UPDATE claims SET reported_at = ? WHERE id = ?", base.Add(time.Duration(i)*time.Hour), c.ID).Error; err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	since := base.Add(30 * time.Hour)
	for _, sort := range []string{"updated", "created", "id", "-updated"} {
		flt := ClaimFilter{Since: &since, Sort: sort, Unconfirmed: true}
		if v := flt.Validate(); v != nil {
			t.Fatal(v)
		}
		page, err := f.s.Claims(ctx, flt)
		if err != nil || page.Total != 10 || len(page.Claims) != 10 {
			t.Fatalf("sort=%s: %+v, %v; want the range's 10 claims", sort, page, err)
		}
		want, err := pluckPage(flt.apply(f.s.read(ctx).Table("claims"), f.s.Now(), f.s.staleAfter), claimSorts[sort], flt)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range page.Claims {
			if c.ID != want[i] {
				t.Fatalf("sort=%s: claim %d is %d, want %d", sort, i, c.ID, want[i])
			}
		}
		if f.s.d.pg {
			continue
		}
		_, order := f.s.pageQuery(ctx, flt, f.s.Now(), page.Total, 1_000_000)
		// Newest first too: the few matches are read from their narrowest
		// index and sorted (claim_plan_narrowest.go).
		if !strings.HasPrefix(order, "+") {
			t.Errorf("sort=%s: matches not sorted (order %q)", sort, order)
		}
	}
}
