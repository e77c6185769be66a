package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// A first page (or a page after a cursor) on SQLite is read in one
// statement: the page query that picks the page's claims, with the claims'
// names, tags and links brought beside them. Picking the ids first and then
// loading them read every claim of the page twice, passed the ids back to
// SQLite as a JSON array and ran one statement more. The names are joined
// with SQLite's CROSS JOIN, which keeps the claims (or the search index
// before them) as the outer loop, so the page is still read in the order
// and from the index the page query chose. A page deeper by offset keeps
// the two steps: the offset's skipped rows would otherwise each be joined
// to their names. So does a page whose claims SQLite's planner may reach
// another way once the names are joined (see pinnedAccess).

// claimPageJoins brings in the names beside the page query's claims, in
// the page query's order (see claimJoins).
const claimPageJoins = `CROSS JOIN sources s ON s.id = claims.source_id
	CROSS JOIN stories st ON st.id = claims.story_id
	LEFT JOIN entries e ON e.id = claims.entry_id
	LEFT JOIN users ua ON ua.id = claims.assignee_id
	LEFT JOIN users uv ON uv.id = claims.verdict_by_id
	LEFT JOIN users us ON us.id = claims.signed_off_by_id`

// pinnedAccess reports whether the page query db names how the claims are
// read: a search index walk (the search index first, see searchJoin) or a
// named index (INDEXED BY, NOT INDEXED). Where SQLite's planner chooses, it
// may choose differently once the names are joined, so such a page is read
// in two steps.
func pinnedAccess(db *gorm.DB) bool {
	if e := db.Statement.TableExpr; e != nil {
		return strings.Contains(e.SQL, " INDEXED BY ") || strings.Contains(e.SQL, " NOT INDEXED")
	}
	return db.Statement.Table == "claim_search"
}

// readsPageAtOnce reports whether f's page is read in one statement.
func (s *Store) readsPageAtOnce(f ClaimFilter) bool {
	return !s.d.pg && (f.Page == 1 || f.cursor() != nil)
}

// claimPageAtOnce reads f's page of claims, with everything claimsByID
// gives, in one statement.
func (s *Store) claimPageAtOnce(ctx context.Context, f ClaimFilter, now time.Time, total int64) ([]Claim, error) {
	rows, err := s.claimRows(ctx)
	if err != nil {
		return nil, err
	}
	db, order := s.pageQuery(ctx, f, now, total, rows)
	if !pinnedAccess(db) || strings.HasPrefix(order, "+") {
		// A page of sorted matches (an order written +col, see
		// sortedMatches) too: the sort would carry every match's columns
		// and names, where the ids alone are sorted.
		ids, err := pluckPage(db, order, f)
		if err != nil {
			return nil, err
		}
		return s.claimsByID(ctx, ids)
	}
	res, err := db.Select(claimColumnsSQLite + ", " + claimDisplayColumns + ", " + claimPageExtras).Joins(claimPageJoins).
		Order(order).Limit(f.PerPage).Rows()
	if err != nil {
		return nil, err
	}
	return s.scanPage(res, f.PerPage)
}
