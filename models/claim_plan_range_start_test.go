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

// checkDayFirsts fails t unless claim_day_firsts (SQLite) holds, for every
// claim, a row for its day reported whose bounds are at most the claim's
// id, entry time and last change.
func checkDayFirsts(t *testing.T, s *Store) {
	t.Helper()
	if s.d.pg {
		return
	}
	var bad []string
	err := s.r.Raw(`SELECT CAST(c.id AS TEXT) FROM claims c LEFT JOIN claim_day_firsts d ON d.day = substr(c.reported_at, 1, 10)
		WHERE d.day IS NULL OR d.first_id > c.id OR d.first_created > c.created_at OR d.first_updated > c.updated_at LIMIT 10`).Scan(&bad).Error
	if err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Fatalf("claims %v lie below their day's bounds in claim_day_firsts", bad)
	}
}

// rangeDesk is a seeded desk whose claims do not all follow the order of
// report: some old claims reported anew in the last weeks (their ids and
// entry times far below the range's others), old claims changed lately,
// some claims' last change set back, some withdrawn. It returns the story
// and the assignee with most claims.
func rangeDesk(t *testing.T) (f *fixture, story, assignee int64) {
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
		if err := f.s.w.Exec(w.sql, w.args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	checkDayFirsts(t, f.s)
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
// a date range sorted oldest entered or changed first or by id (the walk
// starting at the range's first day), and views of a story or an assignee
// in entry or change order (the walk inside their own index), with other
// filters; the first page, the second and the sixth by offset and the
// second after a cursor, read by the plan the list takes, by a walk and by a
// sort of the matches, are the claims the filter alone gives in that order.
// On SQLite it also checks that those plans are taken.
func TestRangeStartAndFilterOrderPagesAsPlain(t *testing.T) {
	f, story, assignee := rangeDesk(t)
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
		for _, sort := range []string{"created", "updated", "id", "-created", "-updated"} {
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
				page, err := f.s.Claims(ctx, p.g)
				if err != nil {
					t.Fatal(err)
				}
				var got []int64
				for _, c := range page.Claims {
					got = append(got, c.ID)
				}
				if page.Total != total || fmt.Sprint(got) != fmt.Sprint(p.want) {
					t.Errorf("%s&sort=%s, %s: %v of %d, want %v of %d", view, sort, p.name, got, page.Total, p.want, total)
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
					if strings.Contains(sqlText, "claim_day_firsts") {
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
	t.Logf("%d pages, %d walks from a range's first day, %d walks in a story's or assignee's order", checked, bounded, inFilterOrder)
	if checked < 800 || (!f.s.d.pg && (bounded < 60 || inFilterOrder < 60)) {
		t.Fatalf("checked %d pages, %d walks from a range's first day, %d walks in a story's or assignee's order; want more", checked, bounded, inFilterOrder)
	}
}
