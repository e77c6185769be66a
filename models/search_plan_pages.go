package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Pages of a search whose filters are all facets (facetsCover), on SQLite.
// The search index alone names exactly the claims of such a view, so no
// claim needs reading to know whether it belongs:
//
//   - In id order (and newest first by relevance beyond maxRankedMatches,
//     on pages after the first) the index hands over its matches in order
//     itself, skipping a deep page's offset inside the index instead of
//     reading every skipped claim (page 200 read ten thousand claims).
//   - In report, entry or change order, the sort's index is walked in order
//     and each entry is kept when the search index matched it: the walk
//     reads only the sort's index (report time and id), never a claim, so
//     it is cheaper per entry than sorting the matches, which reads every
//     matched claim for its time. With a verdict, verifiability or assignee
//     filter only for deep pages (see broadFilters).

// searchWalkCost is how many entries of a sort's index a walk may visit for
// the price of reading one matched claim to sort it (measured at a million
// claims: a claim read for its time costs about 3 µs, an index entry checked
// against the search's matches about 0.2 µs).
const searchWalkCost = 15

// searchFacetPage is the page query of f when it is such a search and one
// of the ways above applies; ok is false otherwise.
func (s *Store) searchFacetPage(ctx context.Context, f ClaimFilter, now time.Time, total, rows int64) (db *gorm.DB, order string, ok bool) {
	if s.d.pg || !s.d.facetsCover(f) {
		return nil, "", false
	}
	sort := f.Sort
	if sort == "relevance" {
		if total <= maxRankedMatches {
			return nil, "", false
		}
		sort = "-id"
	}
	wanted := int64(f.Page * f.PerPage)
	if f.cursor() != nil {
		wanted = int64(f.PerPage)
	}
	switch by := strings.TrimPrefix(sort, "-"); by {
	case "id":
		if sort == "-id" && f.Page == 1 && f.cursor() == nil {
			// The first page newest first: the walk of the search index
			// that checks the broad filters on the claims it reads (see
			// pageRows) stops after a page's worth.
			return nil, "", false
		}
		matches := s.searchIndexOnly(ctx, f, now).Select("claim_search.docid AS id")
		return s.read(ctx).Table("(?) AS claims", matches), claimSorts[sort], true
	case "reported", "created", "updated":
		if (broadFilters(f) && wanted <= searchBroadWalkFrom) || !s.searchWalkPays(ctx, f, now, by, wanted, total, rows, searchWalkCost) {
			return nil, "", false
		}
		matches := s.searchIndexOnly(ctx, f, now).Select("claim_search.docid")
		return s.searchSortWalk(ctx, f, now, by, matches), claimSorts[sort], true
	}
	return nil, "", false
}

// searchWalkPays reports whether walking the sort's index (by: reported,
// created or updated) to the page's wanted matches of total costs less than
// reading every match to sort it, a match read costing as much as cost
// entries of the walk. A failed count of the claims before a range leaves
// the sort chosen.
func (s *Store) searchWalkPays(ctx context.Context, f ClaimFilter, now time.Time, by string, wanted, total, rows int64, cost float64) bool {
	if total <= 0 {
		return false
	}
	walk := float64(wanted) * float64(rows) / float64(total)
	if out, late := outsideRange(f); late && f.cursor() == nil && by != "reported" {
		// Sorted oldest first since a time: the walk meets the claims
		// reported before the range first (see claim_plan_range.go).
		skipped, err := s.countClaims(ctx, out, now)
		if err != nil {
			return false
		}
		walk += float64(skipped)
	}
	return walk < cost*float64(total)
}

// searchSortWalk walks the sort's index (by: reported, created or updated)
// keeping the claims whose ids matches selects. Sorted by report time, the
// walk starts and ends at the range's bounds.
func (s *Store) searchSortWalk(ctx context.Context, f ClaimFilter, now time.Time, by string, matches any) *gorm.DB {
	db := s.read(ctx).Table("claims INDEXED BY claims_"+by).Where("claims.id IN (?)", matches)
	if lo, hi := f.reportedRange(now, s.staleAfter); by == "reported" {
		if lo != nil {
			db = db.Where("claims.reported_at >= ?", lo.UTC())
		}
		if hi != nil {
			db = db.Where("claims.reported_at < ?", hi.UTC())
		}
	}
	return db
}

// searchBroadWalkFrom is the fewest matches a page must want (its offset
// and its own) for a search with broad filters to walk a sort's index: the
// other plans read at least that many claims for a deep page, more than
// the broad filters' lists cost the search index (in-process CPU at a
// million claims, load 10-16: page 200 of 195 such views 24.6 s in all
// before, 14.0 s walking; page 1 12.8 s walking against 20.5 s, but with
// 122 views slower, those with a narrow assignee most).
const searchBroadWalkFrom = 500

// broadFilters reports whether f filters by verdict, verifiability or
// assignee (unconfirmed, stale and the sign-off queue are verdicts): their
// words in the search index have long lists of claims, which the index
// reads in full (a verdict's is a quarter of the desk; at a million claims,
// tens of milliseconds), where the list's other plans check them on the
// claims they read.
func broadFilters(f ClaimFilter) bool {
	g := withoutBroadFacets(f)
	return g.Unconfirmed != f.Unconfirmed || g.Stale != f.Stale || g.AwaitingSignOff != f.AwaitingSignOff ||
		len(f.Verdicts) > 0 || len(f.Verifiability) > 0 || f.AssigneeID > 0 || f.Unassigned
}
