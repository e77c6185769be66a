package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// Counting the claims with an unlinked close match. As a filter, the close
// match is "the claim's id is in the set of claims with one"; SQLite walked
// the other filters' index and probed the set for every row (two seconds to
// count the stale unverified or disputed claims at a million, even with no
// close match recorded at all). Claims with a close match are a small part
// of the desk, so the count starts from the set and reads each claim in it.

// closeMatchIDs selects the id of every claim with a close match no link
// ties to it yet (the set unlinkedCloseMatch tests).
const closeMatchIDs = `SELECT m.claim_id AS id FROM claim_matches m WHERE NOT EXISTS (` + linkedPair + `)
	UNION
	SELECT m.match_id FROM claim_matches m WHERE NOT EXISTS (` + linkedPair + `)`

// closeMatchCount selects the matches of f, which has the close-match
// filter, starting from the claims with a close match.
func (s *Store) closeMatchCount(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	join := "(" + closeMatchIDs + ") cm CROSS JOIN claims ON claims.id = cm.id"
	if s.d.pg {
		join = "(" + closeMatchIDs + ") cm JOIN claims ON claims.id = cm.id"
	}
	g := f
	g.CloseMatch = false
	return g.apply(s.read(ctx).Table(join), now, s.staleAfter)
}

// countFrom selects the matches of f to count them through the claims
// table.
func (s *Store) countFrom(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	if f.CloseMatch {
		return s.closeMatchCount(ctx, f, now)
	}
	return f.apply(s.read(ctx).Table("claims"), now, s.staleAfter)
}
