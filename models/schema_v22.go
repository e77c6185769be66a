package models

import "strings"

// schemaV22 rebuilds the SQLite search index with facets that pair two
// broad filters, and adds a narrow index of each claim's id and verdict.
//
// A search inside two broad filters (a verdict and a verifiability, the
// unconfirmed claims nobody is assigned, the sign-off queue of one
// fact-checker) asked the index for the lists of both filters' words, each
// a quarter to two thirds of the desk: at a million claims "army" among the
// unconfirmed unassigned claims read a million entries of lists (some 40 ms)
// to find 43,000 claims. Each claim now also has a word for its verdict and
// sign-off together (e), and one for each pair of verdict-and-sign-off,
// verifiability and assignee (x, y, z; see search_facet_pairs.go), whose
// lists hold only the claims having both. The update trigger rewrites a
// claim's row when any of those changes, as it did.
//
// The narrow index serves the desk page of a search, which counts its
// matches per verdict: each match the search index hands over is looked up
// by id for its verdict, and reaching the claim's row for it (ten times as
// wide as the index's entry) cost twice as much: at a million claims "army"
// inside a story, 6,596 matches, took 7 ms through the rows and 3 ms
// through this index (see search_match_list.go).
//
// PostgreSQL keeps its own search index and counts a search's verdicts its
// own way (no step there).
func schemaV22() []string {
	// Schema 20's rebuild and triggers, writing the new facets.
	var out []string
	for _, stmt := range schemaV20() {
		for _, row := range []string{"NEW", "c"} {
			stmt = strings.ReplaceAll(stmt, facetsV20SQL(row), facetsV22SQL(row))
		}
		out = append(out, stmt)
	}
	return append(out, `CREATE INDEX claims_id_verdict ON claims(id, verdict)`)
}

// searchFillV22SQL fills an empty search index from the claims table, in
// bulk, with the facets of schemaV22 (the bulk seed's fill).
var searchFillV22SQL = strings.ReplaceAll(searchFillV20SQL, facetsV20SQL("c"), facetsV22SQL("c"))

// facetsV22SQL is the facets column for claims row c: those of schemaV20,
// then the words e (verdict and sign-off), x (those and verifiability),
// y (those and assignee) and z (verifiability and assignee), as pairWord
// spells them.
func facetsV22SQL(c string) string {
	mark := `char(57344) || '`
	state := `replace(` + c + `.verdict, '_', '') || CASE WHEN ` + c + `.signed_off_at IS NOT NULL THEN 's' ELSE '' END`
	verif := `replace(` + c + `.verifiability, '_', '')`
	assignee := `COALESCE(` + c + `.assignee_id, 'none')`
	return facetsV20SQL(c) + ` || ' ' || ` +
		mark + `e' || ` + state + ` || ' ' || ` +
		mark + `x' || ` + state + ` || '0' || ` + verif + ` || ' ' || ` +
		mark + `y' || ` + state + ` || '0' || ` + assignee + ` || ' ' || ` +
		mark + `z' || ` + verif + ` || '0' || ` + assignee
}
