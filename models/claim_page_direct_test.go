package models

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestClaimPageAtOnceKeepsPlans checks, for every desk view the combination
// test walks (first page and a page after a cursor, few and many matches)
// whose page query names how its claims are read, that reading the page
// with its names in one statement reads the claims exactly as the page
// query alone does: the same index or search, in the same order, with no
// sort the page query does not have. The names follow, one lookup each.
func TestClaimPageAtOnceKeepsPlans(t *testing.T) {
	f, now := planFixture(t, 30)
	if f.s.d.pg {
		t.Skip("PostgreSQL reads a page's ids first, then the claims")
	}
	ctx := context.Background()
	mid := &Claim{ID: 500_000, ReportedAt: now.Add(-48 * time.Hour), CreatedAt: now.Add(-47 * time.Hour), UpdatedAt: now.Add(-46 * time.Hour)}
	checked := 0
	for _, combo := range planCombos(f) {
		for _, sort := range ClaimSorts() {
			for _, after := range []string{"", cursorFor(sort, mid)} {
				q, err := url.ParseQuery(fmt.Sprintf("%s&sort=%s", combo, url.QueryEscape(sort)))
				if err != nil {
					t.Fatal(err)
				}
				if after != "" {
					q.Set("after", after)
				}
				flt, err := ParseClaimFilter(q, f.editor.ID)
				if err != nil {
					t.Fatalf("%s: %v", q.Encode(), err)
				}
				if !f.s.readsPageAtOnce(flt) {
					t.Fatalf("%s: a first page is not read at once", q.Encode())
				}
				for _, total := range []int64{500, 600_000} {
					db, order := f.s.pageQuery(ctx, flt, now, total, 1_000_000)
					if !pinnedAccess(db) {
						continue
					}
					ids := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(flt.PerPage))
					db, order = f.s.pageQuery(ctx, flt, now, total, 1_000_000)
					whole := explainPlan(t, f.s, db.Select(claimColumns+", "+claimDisplayColumns+", "+claimPageExtras).
						Joins(claimPageJoins).Order(order).Limit(flt.PerPage))
					if a, b := claimsAccess(ids), claimsAccess(whole); a != b {
						t.Errorf("%s with %d matches: the claims are read\n%s\nalone, but with their names\n%s", q.Encode(), total, a, b)
					}
					if !strings.Contains(ids, "TEMP B-TREE") && strings.Contains(whole, "TEMP B-TREE") {
						t.Errorf("%s with %d matches: the page with its names sorts:\n%s", q.Encode(), total, whole)
					}
					checked++
				}
			}
		}
	}
	if checked < 5000 {
		t.Fatalf("checked %d plans", checked)
	}
	if d := (ClaimFilter{Page: 2}); f.s.readsPageAtOnce(d) {
		t.Fatal("a page deeper by offset is read at once")
	}
}

// subqueryNumber is a subquery's number in a plan, which joining the
// names' subqueries shifts.
var subqueryNumber = regexp.MustCompile(`SUBQUERY \d+`)

// claimsAccess is the part of a plan that reads the claims and the search
// index (the lines before the names' lookups), sorting included.
func claimsAccess(plan string) string {
	var out []string
	for _, l := range strings.Split(plan, "\n") {
		if w := strings.Fields(strings.TrimLeft(l, "|-` ")); len(w) >= 2 && w[0] == "SCAN" && strings.Contains(" s st e ua uv us ", " "+w[1]+" ") {
			continue // a name's table of the test's few rows, read whole
		}
		if strings.Contains(l, " s USING") || strings.Contains(l, " st USING") || strings.Contains(l, " e USING") ||
			strings.Contains(l, " ua USING") || strings.Contains(l, " uv USING") || strings.Contains(l, " us USING") ||
			strings.Contains(l, "SCALAR SUBQUERY") || strings.Contains(l, "claim_tags") || strings.Contains(l, "claim_links") ||
			strings.Contains(l, "subquery-") {
			continue
		}
		// An index that holds every column the ids need is read alone
		// (schemaV19); with the names the same index is read in the same
		// order, and only the claims that pass its columns are looked up.
		l = strings.Replace(l, "USING COVERING INDEX", "USING INDEX", 1)
		out = append(out, subqueryNumber.ReplaceAllString(l, "SUBQUERY n"))
	}
	return strings.Join(out, "\n")
}
