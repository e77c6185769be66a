package models

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestDirectIndexViews checks which views an index serves by itself, and
// that on SQLite their page query reads that index in order (no walk of
// another index, no sort) for a first page, a deep page and a cursor; a
// deep page by offset of a view hiding withdrawn claims whose index does
// not hold the filters walks a covering index instead (directOnPage).
func TestDirectIndexViews(t *testing.T) {
	f, now := planFixture(t, 5)
	ctx := context.Background()
	mid := &Claim{ID: 500_000, ReportedAt: now.Add(-48 * time.Hour), UpdatedAt: now.Add(-46 * time.Hour)}
	for _, c := range []struct {
		f    ClaimFilter
		want string
	}{
		{ClaimFilter{StoryID: 2, Verdicts: []Verdict{Verified}}, "claims_story_verdict_reported"},
		{ClaimFilter{SourceID: 2, Verdicts: []Verdict{False}, Sort: "reported"}, "claims_source_verdict_reported"},
		{ClaimFilter{AssigneeID: 2, Unconfirmed: true}, "claims_assignee_unconfirmed"},
		{ClaimFilter{StoryID: 2, Unconfirmed: true}, "claims_story_unconfirmed"},
		{ClaimFilter{Stale: true}, "claims_unconfirmed"},
		{ClaimFilter{Unconfirmed: true, Verifiability: []Verifiability{VerifNotVerifiable}}, "claims_verifiability_unconfirmed"},
		{ClaimFilter{StoryID: 2, Sort: "-updated"}, "claims_story_updated"},
		{ClaimFilter{Unconfirmed: true, Sort: "updated"}, "claims_unconfirmed_updated"},
		{ClaimFilter{Verdicts: []Verdict{Disputed}, Withdrawn: WithdrawnIncluded}, "claims_verdict"},
		// Anything more than the index's columns, or another order.
		{ClaimFilter{StoryID: 2, Verdicts: []Verdict{Verified, False}}, ""},
		{ClaimFilter{StoryID: 2, Unconfirmed: true, Verdicts: []Verdict{Verified}}, ""},
		{ClaimFilter{StoryID: 2, Sort: "-created"}, ""},
		{ClaimFilter{Stale: true, Sort: "-updated"}, ""},
		{ClaimFilter{StoryID: 2, Withdrawn: WithdrawnOnly}, ""},
		{ClaimFilter{StoryID: 2, Query: "army"}, ""},
		{ClaimFilter{StoryID: 2, Tag: "casualties"}, ""},
		{ClaimFilter{StoryID: 2, Since: &now}, ""},
		{ClaimFilter{}, ""},
	} {
		flt := c.f
		if v := flt.Validate(); v != nil {
			t.Fatal(v)
		}
		got := directIndex(flt)
		if got != c.want {
			t.Errorf("%+v: direct index %q, want %q", c.f, got, c.want)
		}
		if got == "" || f.s.d.pg {
			continue
		}
		for _, page := range []ClaimFilter{{Page: 1}, {Page: 200}, {Page: 200, After: cursorFor(flt.Sort, mid)}} {
			g := flt
			g.Page, g.After = page.Page, page.After
			db, order := f.s.pageQuery(ctx, g, now, 600_000, 1_000_000)
			plan := explainPlan(t, f.s, db.Select("claims.id").Order(order).Limit(g.PerPage).Offset((g.Page-1)*g.PerPage))
			if g.cursor() == nil && !directOnPage(got, g, int64(g.Page*g.PerPage)) {
				// A deep page by offset walks an index that holds the
				// filters instead, reading no claim it skips.
				if !strings.Contains(plan, "USING COVERING INDEX ") || strings.Contains(plan, "TEMP B-TREE") {
					t.Errorf("%+v page %d: the page query reads claims it skips:\n%s", c.f, g.Page, plan)
				}
				continue
			}
			reads := strings.Contains(plan, "USING INDEX "+got+" (") || strings.Contains(plan, "USING COVERING INDEX "+got+" (")
			if !reads || strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("%+v page %d: the page query does not read %s in order:\n%s", c.f, g.Page, got, plan)
			}
		}
	}
}
