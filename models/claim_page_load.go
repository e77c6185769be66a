package models

import (
	"context"
	"database/sql"
)

// claimsByID loads claims with display fields, in the order of ids. The ids
// go to the database as one JSON array, so that one prepared statement (see
// claimListSQL) serves every page whatever its length, and one more (see
// claimExtrasSQL) brings every claim's tags and contradicting links. This
// is every computed page of the list, so it allocates little: one slice of
// claims, each claimant's attribution opening worked out once (see openingMemo).
func (s *Store) claimsByID(ctx context.Context, ids []int64) ([]Claim, error) {
	if len(ids) == 0 {
		return []Claim{}, nil
	}
	q, extras := claimListSQL, claimExtrasSQL
	if s.d.pg {
		q, extras = claimListPostgresSQL, claimExtrasPostgresSQL
	}
	list := idList(ids)
	rows, err := s.readQuery(ctx, &s.cache.claimList, q, list)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := make([]Claim, 0, len(ids))
	var sc claimScanner
	for rows.Next() {
		found = append(found, Claim{})
		if err := sc.scan(rows, &found[len(found)-1], true); err != nil {
			return nil, err
		}
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	byID := make(map[int64]*Claim, len(found))
	for i := range found {
		byID[found[i].ID] = &found[i]
	}
	if err := s.fillPageExtras(ctx, extras, list, byID); err != nil {
		return nil, err
	}
	now := s.Now()
	openings := make(map[[3]string]string, len(found))
	kept := s.cache.openings.fill(openings, found)
	for i := range found {
		found[i].finishOpening(now, s.staleAfter, openings)
	}
	if len(openings) > kept {
		s.cache.openings.keep(openings)
	}
	if len(found) == len(ids) && inOrder(found, ids) {
		return found, nil
	}
	out := make([]Claim, 0, len(ids))
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			out = append(out, *c)
		}
	}
	return out, nil
}

// inOrder reports whether claims are the claims of ids in their order.
func inOrder(claims []Claim, ids []int64) bool {
	for i := range claims {
		if claims[i].ID != ids[i] {
			return false
		}
	}
	return true
}

// fillPageExtras sets what fillExtras sets (tags, never nil, sorted; and
// whether a linked claim contradicts the claim) on the claims of byID,
// whose ids are the JSON array list, with one prepared statement.
func (s *Store) fillPageExtras(ctx context.Context, q, list string, byID map[int64]*Claim) error {
	rows, err := s.readQuery(ctx, &s.cache.claimExtras, q, list, list, list)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag sql.NullString
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		c, ok := byID[id]
		switch {
		case !ok:
		case tag.Valid:
			c.Tags = append(c.Tags, tag.String)
		default:
			c.Contradicted = true
		}
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, c := range byID {
		if c.Tags == nil {
			c.Tags = []string{}
		}
	}
	return nil
}

// claimListSQL loads the claims whose ids are in a JSON array, with their
// names; claimListPostgresSQL says the same in PostgreSQL's words.
const (
	claimListSQL         = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + ` ` + claimJoins + ` WHERE claims.id IN (SELECT value FROM json_each(?))`
	claimListPostgresSQL = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + ` ` + claimJoins + ` WHERE claims.id IN (SELECT value::bigint FROM json_array_elements_text(?::json))`
)

// claimExtrasSQL lists, for the claims whose ids are in a JSON array (given
// three times), each tag as (claim, tag) in the order claimTags gives, and
// each claim contradicted by a link as (claim, NULL);
// claimExtrasPostgresSQL says the same in PostgreSQL's words.
const (
	claimExtrasSQL = `SELECT claim_id, tag FROM claim_tags WHERE claim_id IN (SELECT value FROM json_each(?))
		UNION ALL SELECT from_claim_id, NULL FROM claim_links WHERE kind = 'contradicts' AND from_claim_id IN (SELECT value FROM json_each(?))
		UNION ALL SELECT to_claim_id, NULL FROM claim_links WHERE kind = 'contradicts' AND to_claim_id IN (SELECT value FROM json_each(?))
		ORDER BY 1, 2`
	claimExtrasPostgresSQL = `SELECT claim_id, tag FROM claim_tags WHERE claim_id IN (SELECT value::bigint FROM json_array_elements_text(?::json))
		UNION ALL SELECT from_claim_id, NULL::text FROM claim_links WHERE kind = 'contradicts' AND from_claim_id IN (SELECT value::bigint FROM json_array_elements_text(?::json))
		UNION ALL SELECT to_claim_id, NULL::text FROM claim_links WHERE kind = 'contradicts' AND to_claim_id IN (SELECT value::bigint FROM json_array_elements_text(?::json))
		ORDER BY 1, 2`
)
