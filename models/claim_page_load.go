package models

import (
	"context"
	"database/sql"
)

// claimsByID loads claims with display fields, in the order of ids. The ids
// go to the database as one JSON array, so that one prepared statement (see
// claimListSQL) serves every page whatever its length; the same statement
// brings every claim's tags and whether a linked claim contradicts it. This
// is every computed page of the list, so it allocates little: one slice of
// claims, each claimant's attribution opening worked out once (see
// openingMemo).
func (s *Store) claimsByID(ctx context.Context, ids []int64) ([]Claim, error) {
	if len(ids) == 0 {
		return []Claim{}, nil
	}
	q := claimListSQL
	if s.d.pg {
		q = claimListPostgresSQL
	}
	rows, err := s.readQuery(ctx, &s.cache.claimList, q, idList(ids))
	if err != nil {
		return nil, err
	}
	found, err := s.scanPage(rows, len(ids))
	if err != nil {
		return nil, err
	}
	if len(found) == len(ids) && inOrder(found, ids) {
		return found, nil
	}
	byID := make(map[int64]*Claim, len(found))
	for i := range found {
		byID[found[i].ID] = &found[i]
	}
	out := make([]Claim, 0, len(ids))
	for _, id := range ids {
		if c, ok := byID[id]; ok {
			out = append(out, *c)
		}
	}
	return out, nil
}

// scanPage reads up to n claims with their names, tags and links from
// rows, closes them, and finishes the claims (see finishPage).
func (s *Store) scanPage(rows *sql.Rows, n int) ([]Claim, error) {
	defer rows.Close()
	found := make([]Claim, 0, n)
	sc := claimScanner{pageExtras: true}
	for rows.Next() {
		found = append(found, Claim{})
		if err := sc.scan(rows, &found[len(found)-1], true); err != nil {
			return nil, err
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	s.finishPage(found)
	return found, nil
}

// finishPage fills the computed fields of a page of claims, each
// claimant's attribution opening worked out once (see openingMemo).
func (s *Store) finishPage(found []Claim) {
	now := s.Now()
	openings := make(map[[3]string]string, len(found))
	kept := s.cache.openings.fill(openings, found)
	for i := range found {
		found[i].finishOpening(now, s.staleAfter, openings)
	}
	if len(openings) > kept {
		s.cache.openings.keep(openings)
	}
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

// claimListSQL loads the claims whose ids are in a JSON array, with their
// names, then claimPageExtras; claimListPostgresSQL says the same in
// PostgreSQL's words.
const (
	claimListSQL = `SELECT ` + claimColumnsSQLite + `, ` + claimDisplayColumns + `, ` + claimPageExtras + ` ` + claimJoins +
		` WHERE claims.id IN (SELECT value FROM json_each(?))`
	claimListPostgresSQL = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + `, ` + claimPageExtrasPostgres + ` ` + claimJoins +
		` WHERE claims.id IN (SELECT value::bigint FROM json_array_elements_text(?::json))`
)

// claimPageExtras are what fillExtras sets, as two columns: the claim's tags
// in the order claimTags gives, joined by tagSeparator (NULL for none), and
// whether a link says another claim contradicts it (either way round). On
// SQLite the tags come in order from the claim's end of the tags' primary
// key, read in order by a subquery: ordering inside group_concat would set
// up a sort for every claim of the page.
// claimPageExtrasPostgres says the same in PostgreSQL's words.
const (
	claimPageExtras = `(SELECT group_concat(tag, char(31)) FROM (SELECT tag FROM claim_tags WHERE claim_id = claims.id ORDER BY tag)),
	EXISTS (SELECT 1 FROM claim_links WHERE kind = 'contradicts' AND from_claim_id = claims.id)
	OR EXISTS (SELECT 1 FROM claim_links WHERE kind = 'contradicts' AND to_claim_id = claims.id)`
	claimPageExtrasPostgres = `(SELECT string_agg(tag, chr(31) ORDER BY tag) FROM claim_tags WHERE claim_id = claims.id),
	(EXISTS (SELECT 1 FROM claim_links WHERE kind = 'contradicts' AND from_claim_id = claims.id)
	OR EXISTS (SELECT 1 FROM claim_links WHERE kind = 'contradicts' AND to_claim_id = claims.id))`
)

// tagSeparator joins a claim's tags in claimPageExtras: a control
// character, which NormTag keeps out of every tag.
const tagSeparator = "\x1f"
