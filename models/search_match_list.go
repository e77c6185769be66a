package models

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

// A search whose filters are all facets (facetsCover), on SQLite, with at
// most exactCountLimit matches: the search index names exactly its claims,
// so the list reads their ids from it once, newest first, and both the
// total and the page come from that one reading. The list asked the index
// twice before, once to count and once for the page, and with two broad
// filters (a verdict and a verifiability, say) each asking read the long
// lists of both filters' words: at a million claims "army" among the
// unverified or disputed claims that cannot be verified cost some 20 ms per
// asking, 45 ms of CPU for its first page sorted by entry time. In id order
// (and by relevance beyond maxRankedMatches, which is newest first) the page
// is a slice of the ids; in a time order the ids go back to SQLite as one
// JSON array, whose claims are sorted, or whose sort index is walked keeping
// them, whichever reads less (searchWalkPays). The desk page reads each
// match's verdict beside its id too, from the narrow index of ids and
// verdicts (schemaV22), for its counts per verdict.

// searchListed is the ids of f's matches, newest first, with each one's
// verdict when verdicts is true (else vs is nil); ok is false when f is not
// such a search, or has more matches (their total is then counted and kept,
// as countClaims keeps a large total, so that the list does not count them
// again).
func (s *Store) searchListed(ctx context.Context, f ClaimFilter, now time.Time, verdicts bool) (ids []int64, vs []string, ok bool, err error) {
	if s.d.pg || !s.d.facetsCover(f) || f.matchesNothing() {
		return nil, nil, false, nil
	}
	key := f.countKey(now)
	if e, _, known := s.counts.get(key); known && e.n > exactCountLimit {
		return nil, nil, false, nil
	}
	rows, err := s.listedQuery(ctx, f, now, verdicts).Rows()
	if err != nil {
		return nil, nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v string
		if verdicts {
			err = rows.Scan(&id, &v)
			vs = append(vs, v)
		} else {
			err = rows.Scan(&id)
		}
		if err != nil {
			return nil, nil, false, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, false, err
	}
	if len(ids) <= exactCountLimit {
		return ids, vs, true, nil
	}
	n, err := s.fullCount(ctx, f, now)
	if err != nil {
		return nil, nil, false, err
	}
	s.counts.put(key, countEntry{n: n})
	return nil, nil, false, nil
}

// listedQuery selects the ids of f's matches (and their verdicts when
// verdicts is true) from the search index, newest first, up to one more
// than exactCountLimit.
func (s *Store) listedQuery(ctx context.Context, f ClaimFilter, now time.Time, verdicts bool) *gorm.DB {
	db := s.searchIndexOnly(ctx, f, now)
	cols := "claim_search.docid"
	if verdicts {
		// The narrow index of ids and verdicts: a claim's row is ten times
		// as wide and costs twice as much to reach.
		db = db.Joins("CROSS JOIN claims INDEXED BY claims_id_verdict ON claims.id = claim_search.docid")
		cols += ", claims.verdict"
	}
	return db.Select(cols).Order("claim_search.docid DESC").Limit(exactCountLimit + 1)
}

// searchListedClaims is Claims for such a search; ok is false when
// searchListed does not apply.
func (s *Store) searchListedClaims(ctx context.Context, f ClaimFilter, now time.Time) (*ClaimPage, bool, error) {
	ids, _, ok, err := s.searchListed(ctx, f, now, false)
	if !ok || err != nil {
		return nil, ok, err
	}
	page, err := s.listedPage(ctx, f, now, ids)
	return page, err == nil, err
}

// listedPage is f's page given the ids of all its matches, newest first.
func (s *Store) listedPage(ctx context.Context, f ClaimFilter, now time.Time, ids []int64) (*ClaimPage, error) {
	total := int64(len(ids))
	page := &ClaimPage{Claims: []Claim{}, Total: total, Page: f.Page, PerPage: f.PerPage}
	cur := f.cursor()
	offset := int64((f.Page - 1) * f.PerPage)
	if total == 0 || (cur == nil && offset >= total) {
		return page, nil
	}
	var pick []int64
	switch by := strings.TrimPrefix(f.Sort, "-"); {
	case f.Sort == "relevance" && total <= maxRankedMatches:
		// Ranked by how much of each claim matches: the index's offsets
		// are read with the matches (see pageRows).
		claims, err := s.pageClaims(ctx, f, now, total)
		if err != nil {
			return nil, err
		}
		page.withClaims(f, claims)
		return page, nil
	case by == "id" || f.Sort == "relevance":
		pick = idsPage(ids, f.Sort == "id", cur, offset, f.PerPage)
	default:
		rows, err := s.claimRows(ctx)
		if err != nil {
			return nil, err
		}
		wanted := offset + int64(f.PerPage)
		if cur != nil {
			wanted = int64(f.PerPage)
		}
		walk := s.searchWalkPays(ctx, f, now, by, wanted, total, rows, listedWalkCost)
		if pick, err = pluckPage(s.listedInOrder(ctx, f, now, ids, walk), claimSorts[f.Sort], f); err != nil {
			return nil, err
		}
	}
	claims, err := s.claimsByID(ctx, pick)
	if err != nil {
		return nil, err
	}
	page.withClaims(f, claims)
	return page, nil
}

// listedInOrder selects the claims of ids in f's time order, after f's
// cursor: walking the sort's index keeping them when walk is true, else
// reading each of them for its time (to be sorted).
func (s *Store) listedInOrder(ctx context.Context, f ClaimFilter, now time.Time, ids []int64, walk bool) *gorm.DB {
	in := gorm.Expr("SELECT value FROM json_each(?)", idList(ids))
	var db *gorm.DB
	if walk {
		db = s.searchSortWalk(ctx, f, now, strings.TrimPrefix(f.Sort, "-"), in)
	} else {
		db = s.read(ctx).Table("claims NOT INDEXED").Where("claims.id IN (?)", in)
	}
	if c := f.cursor(); c != nil {
		db = c.after(db)
	}
	return db
}

// listedWalkCost is how many entries of a sort's index a walk keeping the
// ids of a JSON array visits for the price of reading one of those claims
// to sort it (at a million claims, 6,596 matches of a search inside a
// story: sorted by report time in 9.4 ms, 1.4 µs a match; the entry-time
// index walked to the first page's 7,600 entries in 2.2 ms, 0.25 µs an
// entry). searchWalkCost, measured on a busier machine with the matches
// found in the search index during the walk, weighs a claim read higher.
const listedWalkCost = 6

// idsPage is a page of ids (newest first): in ascending order when up, after
// the cursor when there is one, else after offset of them.
func idsPage(ids []int64, up bool, cur *claimCursor, offset int64, perPage int) []int64 {
	if up {
		ids = slices.Clone(ids)
		slices.Reverse(ids)
	}
	if cur != nil {
		// The first id past the cursor's, in the page's order.
		offset = int64(len(ids))
		for i, id := range ids {
			if (up && id > cur.id) || (!up && id < cur.id) {
				offset = int64(i)
				break
			}
		}
	}
	if offset >= int64(len(ids)) {
		return nil
	}
	return ids[offset:min(int64(len(ids)), offset+int64(perPage))]
}
