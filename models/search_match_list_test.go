package models

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
)

// A search whose filters are all facets, listed from one reading of the
// search index, gives the pages of the plain query (every filter checked on
// the claims, the search's matches a subquery, the sort SQL's own): in every
// order, on pages one to three, after a cursor, its time orders both walked
// and sorted; and the desk's counts per verdict read beside the ids are the
// plain query's grouped. On PostgreSQL, which lists searches the usual way,
// the list's pages are the plain query's too.
func TestSearchListedPagesAsPlainQuery(t *testing.T) {
	f, filters := searchFacetsDesk(t)
	ctx := context.Background()
	now := f.s.Now()
	filters["verdict, verifiability"] = ClaimFilter{Verdicts: []Verdict{Unverified, Disputed, Verified}, Verifiability: []Verifiability{VerifUnknown}}
	filters["everything"] = ClaimFilter{Withdrawn: WithdrawnIncluded}
	listed := 0
	for what, flt := range filters {
		for _, q := range []string{"army", "police bridge", "nothing matches this"} {
			for _, sort := range ClaimSorts() {
				g := flt
				g.Query, g.Sort, g.PerPage = q, sort, 4
				if err := g.Validate(); err != nil {
					t.Fatal(err)
				}
				plain := plainIDs(t, f.s, g)
				ids, vs, ok, err := f.s.searchListed(ctx, g, now, true)
				if err != nil {
					t.Fatal(err)
				}
				if ok != (!f.s.d.pg && f.s.d.facetsCover(g) && !g.matchesNothing()) {
					t.Errorf("%s, %q: listed %v", what, q, ok)
				}
				if ok {
					listed++
					if int(len(ids)) != len(plain) || len(vs) != len(ids) {
						t.Errorf("%s, %q: %d ids, %d verdicts, want %d", what, q, len(ids), len(vs), len(plain))
					}
					counts := map[string]int64{}
					for _, v := range vs {
						counts[v]++
					}
					if want := plainVerdictCounts(t, f.s, g); !maps.Equal(counts, want) {
						t.Errorf("%s, %q: counts %v, want %v", what, q, counts, want)
					}
				}
				for _, page := range []int{1, 2, 3} {
					p := g
					p.Page = page
					want := plain[min(len(plain), (page-1)*4):min(len(plain), page*4)]
					got, err := f.s.Claims(ctx, p)
					if err != nil {
						t.Fatal(err)
					}
					if !slices.Equal(pageIDs(got), want) || got.Total != int64(len(plain)) {
						t.Errorf("%s, %q, %s, page %d: %v of %d, want %v of %d", what, q, sort, page, pageIDs(got), got.Total, want, len(plain))
					}
					if ok && sort != "relevance" && sort != "id" && sort != "-id" {
						// Both ways of ordering, whichever the list chose.
						for _, walk := range []bool{true, false} {
							picked, err := pluckPage(f.s.listedInOrder(ctx, p, now, ids, walk), claimSorts[sort], p)
							if err != nil {
								t.Fatal(err)
							}
							if !slices.Equal(picked, want) && len(want)+len(picked) > 0 {
								t.Errorf("%s, %q, %s, page %d, walked %v: %v, want %v", what, q, sort, page, walk, picked, want)
							}
						}
					}
				}
				// The cursor of the first page continues the plain order.
				first, err := f.s.Claims(ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				if first.Next == "" {
					continue
				}
				p := g
				p.After, p.Page = first.Next, 2
				next, err := f.s.Claims(ctx, p)
				if err != nil {
					t.Fatal(err)
				}
				if want := plain[4:min(len(plain), 8)]; !slices.Equal(pageIDs(next), want) {
					t.Errorf("%s, %q, %s after a cursor: %v, want %v", what, q, sort, pageIDs(next), want)
				}
			}
		}
	}
	if !f.s.d.pg && listed < 100 {
		t.Fatalf("%d searches listed from the index: the test checks too little", listed)
	}
}

// searchFacetsDesk is the desk and filters of the date tests, with a story,
// the unconfirmed claims and two broad filters together besides.
func searchFacetsDesk(t *testing.T) (*fixture, map[string]ClaimFilter) {
	f, filters := searchDatesDesk(t)
	filters["story"] = ClaimFilter{StoryID: f.story.ID}
	filters["unconfirmed"] = ClaimFilter{Unconfirmed: true}
	filters["verdict, assignee none"] = ClaimFilter{Verdicts: []Verdict{Verified, False, Unverified}, Unassigned: true}
	return f, filters
}

// plainIDs is every match of f in its order, read by the plain query: f's
// filters on the claims, its search a subquery, sorted by SQL (by relevance:
// as ranked matches, newest first, see pageRows).
func plainIDs(t *testing.T, s *Store, f ClaimFilter) []int64 {
	t.Helper()
	ctx := context.Background()
	order := claimSorts[f.Sort]
	db := f.apply(s.read(ctx).Table("claims"), s.Now(), s.staleAfter)
	if f.Sort == "relevance" {
		// A few matches (the test desk's) are ranked: the list's own page.
		g := f
		g.PerPage, g.Page = MaxPerPage, 1
		page, err := s.Claims(ctx, g)
		if err != nil {
			t.Fatal(err)
		}
		return pageIDs(page)
	}
	var ids []int64
	if err := db.Order(order).Pluck("claims.id", &ids).Error; err != nil {
		t.Fatal(err)
	}
	return ids
}

// plainVerdictCounts groups f's matches by verdict through the plain query.
func plainVerdictCounts(t *testing.T, s *Store, f ClaimFilter) map[string]int64 {
	t.Helper()
	rows := []struct {
		Verdict string
		N       int64
	}{}
	db := f.apply(s.read(context.Background()).Table("claims"), s.Now(), s.staleAfter)
	if err := db.Select("claims.verdict AS verdict, COUNT(*) AS n").Group("claims.verdict").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		out[r.Verdict] = r.N
	}
	return out
}

// Schema step 22 rebuilt from the claims already on a desk (not only the
// claims written after it, which its triggers index) gives searches inside
// pairs of broad filters the matches of the plain filters.
func TestSchemaV22RebuildsPairFacets(t *testing.T) {
	f, filters := searchFacetsDesk(t)
	if f.s.d.pg {
		t.Skip("the search index's facets are SQLite's")
	}
	for _, stmt := range schemaV22() {
		if strings.HasPrefix(stmt, "CREATE INDEX") {
			continue // the desk has it already
		}
		if err := f.s.w.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	found := 0
	for what, flt := range filters {
		if _, ok := pairFacets(flt); !ok {
			continue
		}
		g := flt
		g.Query, g.Sort = "army", "-id"
		all := flt
		all.Sort = "-id"
		want := keep(plainIDs(t, f.s, all), plainIDs(t, f.s, ClaimFilter{Query: "army", Sort: "-id", Withdrawn: WithdrawnIncluded}))
		if got := listIDs(t, f.s, g); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", what, got, want)
		}
		found += len(want)
	}
	if found == 0 {
		t.Fatal("no search inside two broad filters found anything: the test checks nothing")
	}
}
