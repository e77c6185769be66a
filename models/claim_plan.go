package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Choosing how a page of the list is read. A filter and a sort can be
// served two ways: walk the filter's index and sort every match (cost grows
// with the number of matches), or walk the sort's index in order and keep
// the rows that pass the filter (cost grows with the rows skipped: the rows
// wanted times how rare matches are). The total is known before the page is
// read, so the list picks the cheaper side itself instead of leaving it to
// SQLite's planner, which cannot tell how many rows a value matches and at
// a million claims sorted 637,000 unconfirmed claims to show 50 of them.

// sortWalks is how the claims table is named in the page query to walk it
// in each sort's order on SQLite: by the sort's index, or (for id order) by
// the table itself, which SQLite keeps in id order.
var sortWalks = map[string]string{
	"reported": "claims INDEXED BY claims_reported",
	"created":  "claims INDEXED BY claims_created",
	"updated":  "claims INDEXED BY claims_updated",
	"id":       "claims NOT INDEXED",
	// The sign-off queue by when each verdict was given.
	"verdict_at": "claims INDEXED BY claims_verdict_at",
}

// walkSortIndex reports whether reading the wanted rows by walking the sort
// index costs less than sorting all total matches: walking visits about
// wanted×rows/total index entries (matches spread through the order), and
// sorting visits total rows and orders them. rows is the size of the table.
func walkSortIndex(wanted, total, rows int64) bool {
	if total <= 0 || rows <= 0 {
		return false
	}
	return float64(wanted)*float64(rows)/float64(total) < float64(total)
}

// pageQuery is the query and the order that select the ids of one page of
// f's matches (before the page's limit and offset), given their total.
func (s *Store) pageQuery(ctx context.Context, f ClaimFilter, now time.Time, total, rows int64) (*gorm.DB, string) {
	db, order := s.pageRows(ctx, f, now, total, rows)
	if c := f.cursor(); c != nil {
		db = c.after(db)
	}
	return db, order
}

// pageRows is pageQuery before the cursor.
func (s *Store) pageRows(ctx context.Context, f ClaimFilter, now time.Time, total, rows int64) (*gorm.DB, string) {
	ctx = withNarrowestMemo(ctx)
	if db, order, ok := s.searchFacetPage(ctx, f, now, total, rows); ok {
		return db, order
	}
	m := s.d.searchArg(f.Query)
	if m != "" && (f.Sort == "relevance" || f.Sort == "-id") {
		if f.Sort == "relevance" && total <= maxRankedMatches && !s.d.pg {
			// Few matches: rank by how much of each claim matches, then
			// newest first. The search index drives (see searchJoin), so
			// the full-text query runs once, not once per claim.
			return s.searchJoinArg(ctx, f, now, s.searchRankArg(ctx, f, now)), "length(offsets(claim_search)) DESC, claims.reported_at DESC, claims.id DESC"
		}
		if f.Sort == "relevance" && total <= maxRankedMatches {
			// Few matches: rank by how much of each claim matches, then newest first.
			db := f.apply(s.read(ctx).Table("claims"), now, s.staleAfter).
				Joins("JOIN (SELECT docid, "+s.d.searchRank()+" AS score FROM claim_search WHERE "+s.d.searchMatch()+") r ON r.docid = claims.id", s.d.rankArgs(m)...)
			return db, "r.score DESC, claims.reported_at DESC, claims.id DESC"
		}
		// Many matches: walk the search index newest first (it yields ids in
		// order, so the first page costs the same whatever the match count).
		// A verdict's facet would make the index read its long list of
		// claims; the walk finds a page among the many matches sooner by
		// checking each claim's verdict (the same for verifiability and
		// assignee).
		return s.searchJoinArg(ctx, f, now, s.searchFacetArg(ctx, withoutBroadFacets(f), now)), "claim_search.docid DESC"
	}
	order := claimSorts[f.Sort]
	if order == "" {
		order = claimSorts["-reported"]
	}
	table := "claims"
	wanted := int64(f.Page * f.PerPage)
	if f.cursor() != nil {
		wanted = int64(f.PerPage)
	}
	// A walk of a date range in entry, change or id order starts and ends
	// at the range's days' bounds (claim_plan_range_start.go), passing over
	// about span entries of the order rather than every claim.
	start := s.rangeStartOf(ctx, f)
	span := start.span(rows)
	if direct := directIndex(f); directOnPage(direct, f, wanted) && !s.d.pg {
		table = "claims INDEXED BY " + direct
	} else if index, ok := s.walksFilterOrder(ctx, f, now, wanted, total, span); ok {
		// A story's or an assignee's claims in the order
		// (claim_plan_filter_order.go).
		return start.from(f.apply(s.read(ctx).Table("claims INDEXED BY "+index), now, s.staleAfter)), order
	} else if walk := sortWalk(f); walk != "" && !s.d.pg && s.walkBeatsSort(ctx, f, now, wanted, total, span) {
		if !start.ok && s.walkMeetsRangeLate(ctx, f, now, wanted, total, rows) {
			// The range's claims sit together in the sort's order (see
			// claim_plan_range.go).
			return s.sortedMatches(ctx, f, now, order)
		}
		return start.from(f.apply(s.read(ctx).Table(walk), now, s.staleAfter)), order
	} else if !s.d.pg && m != "" {
		// A search with fewer matches than a walk would skip: the search
		// index (narrowed by the filters' facets) hands over the matches,
		// which are then sorted.
		return s.searchJoin(ctx, f, now), order
	} else if _, late := outsideRange(f); late && !s.d.pg {
		// Few matches of a range with a start sorted oldest first: sorted,
		// as SQLite's planner would rather walk the sort's index from the
		// start (see claim_plan_range.go).
		return s.sortedMatches(ctx, f, now, order)
	} else if !s.d.pg && onlyDateRange(f) {
		// Few claims in the range: read the range from the reported-time
		// index; SQLite cannot tell how narrow a range is and would rather
		// walk the whole table in id order.
		table = "claims INDEXED BY claims_reported"
	} else if !s.d.pg {
		// Fewer matches than a walk would pass over: sorted, read from
		// the index that holds fewest (claim_plan_narrowest.go).
		table, order = s.sortedFromNarrowest(ctx, f, now, table, order)
	}
	return f.apply(s.read(ctx).Table(table), now, s.staleAfter), order
}

// claimRows estimates the size of the claims table: the highest id, read
// from the end of the table's b-tree (ids are never reused and claims never
// deleted, so it is the number of claims ever entered).
func (s *Store) claimRows(ctx context.Context) (int64, error) {
	rows, err := s.readQuery(ctx, &s.cache.claimRows, "SELECT COALESCE(MAX(id), 0) FROM claims")
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	if rows.Next() {
		err = rows.Scan(&n)
	}
	if err == nil {
		err = rows.Err()
	}
	return n, err
}

// onlyDateRange reports whether a date range is f's one filter served by an
// index (withdrawn claims being hidden or not).
func onlyDateRange(f ClaimFilter) bool {
	g := f
	g.Since, g.Until, g.Withdrawn = nil, nil, WithdrawnIncluded
	return (f.Since != nil || f.Until != nil) && g.isEmpty()
}
