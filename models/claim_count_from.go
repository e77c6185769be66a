package models

import (
	"context"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Counting through the claims table, for the views the count tables do not
// hold (claim_facet_counts.go).
//
// The claims with an unlinked close match. As a filter, the close
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
// table: starting from the claims with a close match, or those with the
// tag, when f has that filter (a tag, like a close match, is in no index of
// the claims table, and SQLite probed the tag's claims for every claim the
// other filters allow: 33 ms to find no stale claim with a tag nobody used).
func (s *Store) countFrom(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	switch {
	case f.CloseMatch:
		return s.closeMatchCount(ctx, f, now)
	case f.Tag != "":
		join := "(SELECT claim_id AS id FROM claim_tags WHERE tag = +?) tg CROSS JOIN claims ON claims.id = tg.id"
		if s.d.pg {
			join = "(SELECT claim_id AS id FROM claim_tags WHERE tag = ?) tg JOIN claims ON claims.id = tg.id"
		}
		g := f
		g.Tag = ""
		return g.apply(s.read(ctx).Table(join, f.Tag), now, s.staleAfter)
	}
	return f.apply(s.read(ctx).Table("claims"), now, s.staleAfter)
}

// groupByVerdict groups db's claims by verdict into columns verdict and n
// (sign "-": n negated). The verdict is grouped as an expression so that no
// index on it is walked for its order: SQLite read a whole story through
// claims_story_verdict to count its unconfirmed claims of the last hours,
// instead of the few in claims_story_unconfirmed's range.
func groupByVerdict(db *gorm.DB, sign string) *gorm.DB {
	return db.Select("claims.verdict || '' AS verdict, " + sign + "COUNT(*) AS n").
		Clauses(clause.GroupBy{Columns: []clause.Column{{Name: "claims.verdict || ''", Raw: true}}})
}
