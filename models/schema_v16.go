package models

import "strings"

// schemaV16 rebuilds the SQLite search index with a fourth column, facets,
// holding a claim's story, source, verdict, verifiability and assignee, and
// whether it is withdrawn, as words no search can type (see search_facets.go). A search inside a story,
// a source or a verdict then becomes one full-text query whose word lists
// SQLite intersects itself, instead of walking every claim that has the
// word and reading it from the claims table to check its story: at a
// million claims "army" inside one story went from about 150 ms to a few.
// The triggers write the facets and rewrite a claim's row when any of them
// changes; those that follow a source's name keep the row's facets. On a
// million claims the rebuild takes a minute or two. PostgreSQL searches
// keep their own index (no step there).
func schemaV16() []string {
	out := []string{}
	for _, name := range []string{"claims_search_ins", "claims_search_upd", "sources_search_upd", "source_aliases_search_ins", "source_aliases_search_del"} {
		out = append(out, "DROP TRIGGER IF EXISTS "+name)
	}
	out = append(out,
		`DROP TABLE claim_search`,
		// Private-use characters are part of words for unicode61, and no
		// search word can hold one (searchWords splits on them).
		`CREATE VIRTUAL TABLE claim_search USING fts4(text, quote, claimant, facets, tokenize=unicode61, order=DESC)`,
		searchFillSQL,
		`INSERT INTO claim_search(claim_search) VALUES('optimize')`,
		`INSERT INTO claim_search(claim_search) VALUES('automerge=8')`,
		`CREATE TRIGGER claims_search_ins AFTER INSERT ON claims BEGIN
		INSERT INTO claim_search(docid, text, quote, claimant, facets)
		SELECT NEW.id, NEW.text, NEW.quote, `+claimantSQL("s")+`, `+facetsSQL("NEW")+`
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
		`CREATE TRIGGER claims_search_upd AFTER UPDATE OF text, quote, source_id, story_id, verdict, verifiability, assignee_id, withdrawn_at ON claims BEGIN
		DELETE FROM claim_search WHERE docid = OLD.id;
		INSERT INTO claim_search(docid, text, quote, claimant, facets)
		SELECT NEW.id, NEW.text, NEW.quote, `+claimantSQL("s")+`, `+facetsSQL("NEW")+`
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
	)
	// The triggers that follow a source's name and aliases set the claimant
	// column only, so they are the same as before.
	for _, stmt := range schemaV1 {
		if strings.HasPrefix(stmt, "CREATE TRIGGER source") && strings.Contains(stmt, "claim_search") {
			out = append(out, stmt)
		}
	}
	return out
}

// searchFillSQL fills an empty search index from the claims table, in bulk.
var searchFillSQL = `INSERT INTO claim_search(docid, text, quote, claimant, facets)
	SELECT c.id, c.text, c.quote, ` + claimantSQL("s") + `, ` + facetsSQL("c") + `
	FROM claims c JOIN sources s ON s.id = c.source_id`

// claimantSQL is the search index's claimant column for source row s: its
// name and aliases.
func claimantSQL(s string) string {
	return s + `.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = ` + s + `.id), '')`
}

// facetsSQL is the search index's facets column for claims row c, the words
// searchFacets looks for: char(57344) is facetMark.
func facetsSQL(c string) string {
	mark := `char(57344) || '`
	return mark + `t' || ` + c + `.story_id || ' ' || ` + mark + `s' || ` + c + `.source_id || ' ' || ` +
		mark + `v' || replace(` + c + `.verdict, '_', '') || ' ' || ` +
		mark + `f' || replace(` + c + `.verifiability, '_', '') || ' ' || ` +
		mark + `a' || COALESCE(` + c + `.assignee_id, 'none') || ` +
		`CASE WHEN ` + c + `.withdrawn_at IS NOT NULL THEN ' ' || ` + mark + `w' ELSE '' END`
}
