package models

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"
)

// The pages the search index hands over for a search whose filters are
// all facets (in id order, and walking a sort's index) are the pages of the list
// read the usual way, first and later, on SQLite; and the same views keep
// their answers on PostgreSQL, which reads them the usual way.
func TestSearchFacetPagesAsListed(t *testing.T) {
	f, filters := searchFacetsDesk(t)
	ctx := context.Background()
	now := f.s.Now()
	walked := 0
	for what, flt := range filters {
		for _, q := range []string{"army", "police bridge"} {
			for _, sort := range ClaimSorts() {
				g := flt
				g.Query, g.Sort = q, sort
				all := listIDs(t, f.s, g)
				if !f.s.d.facetsCover(g) {
					continue
				}
				total := int64(len(all))
				for _, page := range []int{1, 2, 3} {
					p := g
					p.Page, p.PerPage = page, 4
					if err := p.Validate(); err != nil {
						t.Fatal(err)
					}
					want := all[min(len(all), (page-1)*4):min(len(all), page*4)]
					// As the list would choose at a million claims.
					if db, order, ok := f.s.searchFacetPage(ctx, p, now, total, 1_000_000); ok {
						got, err := pluckPage(db, order, p)
						if err != nil {
							t.Fatal(err)
						}
						if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
							t.Errorf("%s, %q, %s, page %d from the index: %v, want %v", what, q, sort, page, got, want)
						}
						walked++
					}
					// The walk of a sort's index, whatever the page.
					if by := strings.TrimPrefix(sort, "-"); by == "reported" || by == "created" || by == "updated" {
						got, err := pluckPage(f.s.searchSortWalk(ctx, p, now, by, f.s.searchIndexOnly(ctx, p, now).Select("claim_search.docid")), claimSorts[sort], p)
						if err != nil {
							t.Fatal(err)
						}
						if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
							t.Errorf("%s, %q, %s, page %d walked: %v, want %v", what, q, sort, page, got, want)
						}
						walked++
					}
				}
				// A cursor continues the list where the index left it.
				if len(all) > 4 && sort != "relevance" {
					p := g
					p.PerPage = 4
					first, err := f.s.Claims(ctx, p)
					if err != nil {
						t.Fatal(err)
					}
					p.After, p.Page = first.Next, 2
					got, _ := listedIDs(ctx, t, f.s, p)
					if want := all[4:min(len(all), 8)]; !slices.Equal(got, want) {
						t.Errorf("%s, %q, %s after a cursor: %v, want %v", what, q, sort, got, want)
					}
				}
			}
		}
	}
	if !f.s.d.pg && walked < 500 {
		t.Fatalf("%d pages read from the search index: the test checks too little", walked)
	}
}

// The desk page's list and counts per verdict read together are those read
// apart, for searches inside every filter of the date tests and a story,
// in every sort, on pages one to three, on both databases.
func TestClaimsWithVerdictCountsAsApart(t *testing.T) {
	f, filters := searchDatesDesk(t)
	ctx := context.Background()
	filters["story"] = ClaimFilter{StoryID: f.story.ID}
	filters["unconfirmed"] = ClaimFilter{Unconfirmed: true}
	filters["everything"] = ClaimFilter{}
	together := 0
	for what, flt := range filters {
		for _, q := range []string{"army", "police bridge", ""} {
			for _, sort := range ClaimSorts() {
				for _, page := range []int{1, 2, 3} {
					g := flt
					g.Query, g.Sort, g.Page, g.PerPage = q, sort, page, 4
					if sort == "relevance" && q == "" {
						continue
					}
					want, err := f.s.Claims(ctx, g)
					if err != nil {
						t.Fatal(err)
					}
					wantCounts, err := f.s.PageVerdictCounts(ctx, g, want)
					if err != nil {
						t.Fatal(err)
					}
					got, counts, err := f.s.ClaimsWithVerdictCounts(ctx, g)
					if err != nil {
						t.Fatal(err)
					}
					if got.Total != want.Total || got.Next != want.Next || !slices.Equal(pageIDs(got), pageIDs(want)) || !maps.Equal(counts, wantCounts) {
						t.Errorf("%s, %q, %s, page %d: %d %v %q %v, want %d %v %q %v", what, q, sort, page,
							got.Total, pageIDs(got), got.Next, counts, want.Total, pageIDs(want), want.Next, wantCounts)
					}
					if g.Validate() == nil {
						if _, _, ok, _ := f.s.searchDeskAnswer(ctx, g, f.s.Now()); ok {
							together++
						}
					}
				}
			}
		}
	}
	if !f.s.d.pg && together < 50 {
		t.Fatalf("%d views read together: the test checks too little", together)
	}
}

func pageIDs(p *ClaimPage) []int64 {
	out := []int64{}
	for _, c := range p.Claims {
		out = append(out, c.ID)
	}
	return out
}
