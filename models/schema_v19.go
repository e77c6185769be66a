package models

// schemaV19 widens the indexes that give the list's orders (report time,
// entry time, last change, and a new one for id order) with the columns the
// desk filters on, so that walking an order and keeping the claims that
// pass the filter reads the index alone, not each claim's row; and the
// indexes of a story's and an assignee's claims with the same columns and
// the entry time, so that their claims are filtered and sorted (except by
// last change, which would rewrite both on every edit) from the index
// alone (see claim_plan_narrowest.go). At a million
// claims, page 200 of the unverified or disputed claims that cannot be
// verified, newest reported first, walked 145,000 entries of the
// report-time index and read each claim to check its verdict (90 ms of
// CPU), and reads the same entries alone in 17 ms. The report time is in
// each, for date ranges and the stale cut-off. The names stay those of the
// narrow indexes they replace, whose leading columns they keep: every
// query that named one is served in the same order (see claim_plan_covering.go).
var schemaV19 = []string{
	`DROP INDEX claims_reported`,
	`CREATE INDEX claims_reported ON claims(reported_at, id, ` + coveredFilterColumns + `)`,
	`DROP INDEX claims_created`,
	`CREATE INDEX claims_created ON claims(created_at, id, ` + coveredFilterColumns + `, reported_at)`,
	`DROP INDEX claims_updated`,
	`CREATE INDEX claims_updated ON claims(updated_at, id, ` + coveredFilterColumns + `, reported_at)`,
	`CREATE INDEX claims_id_filters ON claims(id, ` + coveredFilterColumns + `, reported_at)`,
	`DROP INDEX claims_story`,
	`CREATE INDEX claims_story ON claims(story_id, reported_at, verdict, verifiability, unconfirmed, assignee_id, withdrawn_at, signed_off_at, created_at)`,
	`DROP INDEX claims_assignee`,
	`CREATE INDEX claims_assignee ON claims(assignee_id, reported_at, verdict, verifiability, unconfirmed, story_id, withdrawn_at, signed_off_at, created_at)`,
	// Dropping an index drops its statistics: until they were gathered
	// again (when the database is next closed), SQLite's planner took the
	// unassigned claims' 667,000 entries for a few and read them to find a
	// source's 50 claims. A sample of each new index, as on closing.
	`PRAGMA analysis_limit = 400`,
	`ANALYZE claims_reported`,
	`ANALYZE claims_created`,
	`ANALYZE claims_updated`,
	`ANALYZE claims_id_filters`,
	`ANALYZE claims_story`,
	`ANALYZE claims_assignee`,
}

// pgSchemaV19 is schemaV19 for PostgreSQL, whose planner chooses its own
// walks: the filter columns ride along in the ordering indexes (INCLUDE), so
// an index-only walk in the list's order can check them, and the keys (and
// so the orders the indexes give) are those of the narrow indexes.
var pgSchemaV19 = []string{
	`DROP INDEX claims_reported`,
	`CREATE INDEX claims_reported ON claims(reported_at, id) INCLUDE (` + coveredFilterColumns + `)`,
	`DROP INDEX claims_created`,
	`CREATE INDEX claims_created ON claims(created_at, id) INCLUDE (` + coveredFilterColumns + `, reported_at)`,
	`DROP INDEX claims_updated`,
	`CREATE INDEX claims_updated ON claims(updated_at, id) INCLUDE (` + coveredFilterColumns + `, reported_at)`,
	`DROP INDEX claims_story`,
	`CREATE INDEX claims_story ON claims(story_id, reported_at) INCLUDE (verdict, verifiability, unconfirmed, assignee_id, withdrawn_at, signed_off_at, created_at)`,
	`DROP INDEX claims_assignee`,
	`CREATE INDEX claims_assignee ON claims(assignee_id, reported_at) INCLUDE (verdict, verifiability, unconfirmed, story_id, withdrawn_at, signed_off_at, created_at)`,
}

// coveredFilterColumns are the claims' columns of the filters the widened
// indexes check without reading the claim (see walkCovered).
const coveredFilterColumns = "verdict, verifiability, unconfirmed, assignee_id, story_id, withdrawn_at, signed_off_at"
