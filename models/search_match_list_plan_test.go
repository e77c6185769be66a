package models

import (
	"context"
	"strings"
	"testing"
)

// The plans of a search whose filters are all facets, listed from one
// reading of the search index, in every desk combination on SQLite (with
// the planner weighing a million claims): the listing reads the search
// index in its own order (no sort) and no claim's row, the desk page's
// verdicts from the narrow index of ids and verdicts; a time order sorts
// the listed claims read by id, or walks the sort's index alone without
// sorting; and a search inside two broad filters asks the index for their
// pairs' words, not for either filter's own long list.
func TestSearchListedPlans(t *testing.T) {
	f, now := planFixture(t, 30)
	if f.s.d.pg {
		t.Skip("the facets are SQLite's (PostgreSQL's search is checked by TestEveryDeskViewUsesIndexes)")
	}
	ctx := context.Background()
	ids := []int64{3, 2, 1}
	listed, paired := 0, 0
	for _, combo := range planCombos(f) {
		flt, err := ParseClaimFilter(mustQuery(t, combo), f.editor.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !f.s.d.facetsCover(flt) || flt.matchesNothing() {
			continue
		}
		for _, verdicts := range []bool{false, true} {
			plan := explainPlan(t, f.s, f.s.listedQuery(ctx, flt, now, verdicts))
			if strings.Contains(plan, "TEMP B-TREE") {
				t.Errorf("%s: the listing sorts:\n%s", combo, plan)
			}
			for _, l := range strings.Split(plan, "\n") {
				if strings.Contains(l, "claims") && !strings.Contains(l, "COVERING INDEX claims_reported") &&
					!(verdicts && strings.Contains(l, "COVERING INDEX claims_id_verdict")) {
					t.Errorf("%s: the listing reads the claims (verdicts %v):\n%s", combo, verdicts, plan)
				}
			}
		}
		for _, sort := range []string{"-reported", "created", "-updated"} {
			g := flt
			g.Sort = sort
			if err := g.Validate(); err != nil {
				t.Fatal(err)
			}
			sorted := explainPlan(t, f.s, f.s.listedInOrder(ctx, g, now, ids, false).Select("claims.id").Order(claimSorts[sort]).Limit(50))
			if !strings.Contains(sorted, "SEARCH claims USING INTEGER PRIMARY KEY") || strings.Contains(sorted, "SCAN claims") {
				t.Errorf("%s&sort=%s: the listed claims are not read by id:\n%s", combo, sort, sorted)
			}
			walked := explainPlan(t, f.s, f.s.listedInOrder(ctx, g, now, ids, true).Select("claims.id").Order(claimSorts[sort]).Limit(50))
			if by := strings.TrimPrefix(sort, "-"); strings.Contains(walked, "TEMP B-TREE FOR ORDER BY") || !strings.Contains(walked, "COVERING INDEX claims_"+by) {
				t.Errorf("%s&sort=%s: the walk sorts or reads the claims:\n%s", combo, sort, walked)
			}
		}
		listed++
		if _, ok := pairFacets(flt); ok {
			arg := f.s.d.filterSearchArg(flt)
			for _, single := range []string{"a", "f", "v", "o"} {
				if strings.Contains(arg, `"`+facetMark+single) {
					t.Errorf("%s: asks for a broad filter's own words: %s", combo, arg)
				}
			}
			// Ranked by relevance, the words asked for are each filter's
			// own, as before the pairs: the rank counts them.
			rank := f.s.searchRankArg(ctx, flt, now)
			for _, pair := range []string{"e", "x", "y", "z"} {
				if strings.Contains(rank, `"`+facetMark+pair) {
					t.Errorf("%s: the ranked search asks for pair words: %s", combo, rank)
				}
			}
			paired++
		}
	}
	if listed < 70 || paired < 15 {
		t.Fatalf("checked %d listed searches, %d inside two broad filters: too few", listed, paired)
	}
}
