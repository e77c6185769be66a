package models

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// TestCoveredViewsWalkedOrSortedAlike checks, on a seeded desk, every
// combination of up to three of the filters the order indexes hold, in
// every order: read by whichever plan the list takes, by a walk of the
// order's index (as if the matches were most of the desk) and by a sort of
// the matches from their narrowest index (as if they were few), the first
// page, the second by offset and the second after a cursor are the claims
// the filter alone gives in that order. On SQLite it also checks that such a
// walk reads the index alone (no claim's row: the filters are checked in
// the index) and that the sort reads the index the exact counts name.
func TestCoveredViewsWalkedOrSortedAlike(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.s.Seed(ctx, SeedOptions{Claims: 4000, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	// Some claims withdrawn, so that hiding them (the default) matters.
	if err := f.s.w.Exec("UPDATE claims SET withdrawn_at = updated_at WHERE id % 37 = 0").Error; err != nil {
		t.Fatal(err)
	}
	var story, assignee int64
	if err := f.s.w.Raw("SELECT story_id FROM claims GROUP BY story_id ORDER BY COUNT(*) DESC, story_id LIMIT 1").Row().Scan(&story); err != nil {
		t.Fatal(err)
	}
	if err := f.s.w.Raw("SELECT assignee_id FROM claims WHERE assignee_id IS NOT NULL GROUP BY assignee_id ORDER BY COUNT(*) DESC, assignee_id LIMIT 1").Row().Scan(&assignee); err != nil {
		t.Fatal(err)
	}
	atoms := []string{
		"verdict=unverified,disputed", "verifiability=not_verifiable", "unconfirmed=1", "stale=1",
		"story=" + fmt.Sprint(story), "assignee=" + fmt.Sprint(assignee), "assignee=none", "withdrawn=only",
		"awaiting_signoff=1", "since=" + url.QueryEscape(f.s.Now().AddDate(0, -6, 0).Format("2006-01-02")), "until=" + url.QueryEscape(f.s.Now().AddDate(0, -2, 0).Format("2006-01-02")),
	}
	now := f.s.Now()
	rows, err := f.s.claimRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sorts := []string{"-reported", "reported", "-created", "created", "-updated", "updated", "-id", "id"}
	checked, walked, sorted := 0, 0, 0
	for i, combo := range DeskFilterCombos(atoms, 3) {
		// Two orders per combination, every order over the combinations.
		for _, sort := range []string{sorts[i%len(sorts)], sorts[(i+3)%len(sorts)]} {
			flt, err := ParseClaimFilter(mustQuery(t, combo+"&sort="+sort+"&per_page=7"), f.editor.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !walkCovered(flt) {
				t.Fatalf("%s: the order indexes should hold every filter", combo)
			}
			total, err := f.s.countClaims(ctx, flt, now)
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
			first := ref(flt)
			second := flt
			second.Page = 2
			want2 := ref(second)
			pages := []struct {
				name string
				g    ClaimFilter
				want []int64
			}{{"page 1", flt, first}, {"page 2", second, want2}}
			if len(first) == flt.PerPage {
				last, err := f.s.Claim(ctx, first[len(first)-1])
				if err != nil {
					t.Fatal(err)
				}
				after := second
				after.After = cursorFor(sort, last)
				pages = append(pages, struct {
					name string
					g    ClaimFilter
					want []int64
				}{"after a cursor", after, want2})
			}
			for _, p := range pages {
				got, listed := listedIDs(ctx, t, f.s, p.g)
				if listed != total || fmt.Sprint(got) != fmt.Sprint(p.want) {
					t.Errorf("%s&sort=%s, %s: %v of %d, want %v of %d", combo, sort, p.name, got, listed, p.want, total)
				}
				// The same page by a walk and by a sort, whatever the total.
				for _, as := range []int64{rows, 1} {
					db, order := f.s.pageQuery(ctx, p.g, now, as, rows)
					ids, err := pluckPage(db, order, p.g)
					if err != nil {
						t.Fatal(err)
					}
					if fmt.Sprint(ids) != fmt.Sprint(p.want) {
						t.Errorf("%s&sort=%s, %s, planned for %d matches: %v, want %v", combo, sort, p.name, as, ids, p.want)
					}
					if f.s.d.pg || p.g.cursor() != nil {
						continue
					}
					table := ""
					if e := db.Statement.TableExpr; e != nil {
						table = e.SQL
					}
					plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(p.g.PerPage))
					if walk := sortWalk(p.g); as == rows && walk != "" && table == walk {
						walked++
						if !strings.Contains(plan, "USING COVERING INDEX") {
							t.Errorf("%s&sort=%s: the walk reads the claims' rows:\n%s", combo, sort, plan)
						}
					}
					if want := narrowestByClaims(t, f.s, p.g); as == 1 && strings.HasPrefix(table, "claims INDEXED BY ") && table != sortWalk(p.g) &&
						directIndex(p.g) == "" && !onlyDateRange(p.g) && !walksInFilterOrder(table) {
						sorted++
						if table != "claims INDEXED BY "+want {
							t.Errorf("%s&sort=%s: matches read from %q, the narrowest is %s", combo, sort, table, want)
						}
					}
				}
				checked++
			}
		}
	}
	if checked < 1000 || (!f.s.d.pg && (walked < 300 || sorted < 300)) {
		t.Fatalf("checked %d pages, %d walks, %d sorts from the narrowest index; want more", checked, walked, sorted)
	}
}

// narrowestByClaims is the index narrowestIndex should name for g, its
// candidates counted through the claims table rather than the count tables.
func narrowestByClaims(t *testing.T, s *Store, g ClaimFilter) string {
	t.Helper()
	best, bestCost := "", 0.0
	for _, c := range rangeIndexes(g) {
		var n int64
		if err := c.holds.apply(s.read(context.Background()).Table("claims"), s.Now(), s.staleAfter).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		cost := float64(n)
		switch {
		case holdsOrder(c.name, g.Sort):
		case c.name == "claims_reported":
			cost *= reportRangeLookups
		default:
			cost *= coveredWalkPerSorted
		}
		if best == "" || cost < bestCost {
			best, bestCost = c.name, cost
		}
	}
	return best
}

// walksInFilterOrder reports whether table walks a story's or an
// assignee's claims in order (claim_plan_filter_order.go), which costs
// less than reading the narrowest index's matches to sort them when the
// story or assignee holds fewer claims than a sort would read rows.
func walksInFilterOrder(table string) bool {
	for _, index := range filterOrderIndexes {
		if table == "claims INDEXED BY "+index {
			return true
		}
	}
	return false
}
