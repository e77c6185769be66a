package models

// schemaV20 rebuilds the SQLite search index with two more facets: the day
// each claim was reported (UTC, as the day counts have it) and whether an
// editor has signed it off (see search_plan_days.go). A search inside a
// date range, the stale claims or the sign-off queue then intersects those
// lists in the index, as a search inside a story already did, instead of
// reading every claim that has the search's words to check its report time
// or its sign-off: at a million claims "army" since a date read 100,000
// claims, a third of a second. A claim's row is rewritten when its report
// time or its sign-off changes too. PostgreSQL keeps its own search index
// (no step there).
func schemaV20() []string {
	return []string{
		`DROP TRIGGER IF EXISTS claims_search_ins`,
		`DROP TRIGGER IF EXISTS claims_search_upd`,
		`DROP TABLE claim_search`,
		`CREATE VIRTUAL TABLE claim_search USING fts4(text, quote, claimant, facets, tokenize=unicode61, order=DESC)`,
		searchFillV20SQL,
		`INSERT INTO claim_search(claim_search) VALUES('optimize')`,
		`INSERT INTO claim_search(claim_search) VALUES('automerge=8')`,
		`CREATE TRIGGER claims_search_ins AFTER INSERT ON claims BEGIN
		INSERT INTO claim_search(docid, text, quote, claimant, facets)
		SELECT NEW.id, NEW.text, NEW.quote, ` + claimantSQL("s") + `, ` + facetsV20SQL("NEW") + `
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
		`CREATE TRIGGER claims_search_upd AFTER UPDATE OF text, quote, source_id, story_id, verdict, verifiability, assignee_id, withdrawn_at, reported_at, signed_off_at ON claims
		WHEN NEW.text IS NOT OLD.text OR NEW.quote IS NOT OLD.quote OR NEW.source_id IS NOT OLD.source_id
			OR NEW.story_id IS NOT OLD.story_id OR NEW.verdict IS NOT OLD.verdict OR NEW.verifiability IS NOT OLD.verifiability
			OR NEW.assignee_id IS NOT OLD.assignee_id OR (NEW.withdrawn_at IS NULL) IS NOT (OLD.withdrawn_at IS NULL)
			OR substr(NEW.reported_at, 1, 10) IS NOT substr(OLD.reported_at, 1, 10)
			OR (NEW.signed_off_at IS NULL) IS NOT (OLD.signed_off_at IS NULL) BEGIN
		DELETE FROM claim_search WHERE docid = OLD.id;
		INSERT INTO claim_search(docid, text, quote, claimant, facets)
		SELECT NEW.id, NEW.text, NEW.quote, ` + claimantSQL("s") + `, ` + facetsV20SQL("NEW") + `
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
	}
}

// searchFillV20SQL fills an empty search index from the claims table, in
// bulk, with the facets of schemaV20.
var searchFillV20SQL = `INSERT INTO claim_search(docid, text, quote, claimant, facets)
	SELECT c.id, c.text, c.quote, ` + claimantSQL("s") + `, ` + facetsV20SQL("c") + `
	FROM claims c JOIN sources s ON s.id = c.source_id`

// facetsV20SQL is the facets column for claims row c: those of schemaV16,
// the day reported (d and its eight digits, from the stored UTC time, as
// claim_day_counts has it) and o when the claim is signed off.
func facetsV20SQL(c string) string {
	mark := `char(57344) || '`
	return facetsSQL(c) + ` || ' ' || ` + mark + `d' || replace(substr(` + c + `.reported_at, 1, 10), '-', '') || ` +
		`CASE WHEN ` + c + `.signed_off_at IS NOT NULL THEN ' ' || ` + mark + `o' ELSE '' END`
}
