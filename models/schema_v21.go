package models

import "strings"

// schemaV21 serves two kinds of view the list could only sort before.
//
// A date range sorted oldest entered or changed first, or by id: claims are
// entered and changed while the blogs that report them run, so a range's
// claims sit together at the far end of those orders, and a walk from the
// start passed over every claim reported before the range (911,000 for
// "since 1 November" at a million claims) while sorting the range's matches
// read each of their rows (50–80 ms of CPU). claim_day_firsts holds, per
// day reported (UTC, the first ten characters of the stored time, as in
// claim_day_counts), a lower bound of the id, entry time and last change of
// the claims reported that day, kept by triggers: a walk starts at the
// range's bound (claim_plan_range_start.go) and passes over the range's
// claims, not the year before it. Each bound only ever moves down (a claim
// entering a day, or a value moving below it); a change time moving up, as
// every edit does, leaves it a lower bound, so an edit writes nothing here.
//
// Deep pages of one story's or one assignee's claims in the order they
// were entered or changed: no index gave that order with the filter, so
// page 200 walked the whole order's index (up to 900,000 entries) or read
// and sorted every claim of the story. The story's index by last change is
// widened with the filter columns (as schemaV19 did for the order indexes),
// and three like it added: a story's claims by entry time, an assignee's by
// entry time and by last change. A view of a story or an assignee with
// other filters among those columns walks its claims in order inside the
// index (claim_plan_filter_order.go).
var schemaV21 = []string{
	`CREATE TABLE claim_day_firsts (
		day TEXT NOT NULL PRIMARY KEY,
		first_id INTEGER NOT NULL,
		first_created TEXT NOT NULL,
		first_updated TEXT NOT NULL) WITHOUT ROWID`,
	dayFirstsFillSQL,
	`CREATE TRIGGER claims_counts_firsts_ins AFTER INSERT ON claims BEGIN
		` + dayFirstsUpsertSQL + `
	END`,
	`CREATE TRIGGER claims_counts_firsts_upd AFTER UPDATE OF id, reported_at, created_at, updated_at ON claims
		WHEN substr(OLD.reported_at, 1, 10) IS NOT substr(NEW.reported_at, 1, 10)
			OR NEW.id < OLD.id OR NEW.created_at < OLD.created_at OR NEW.updated_at < OLD.updated_at
	BEGIN
		` + dayFirstsUpsertSQL + `
	END`,
	`DROP INDEX claims_story_updated`,
	`CREATE INDEX claims_story_updated ON claims(story_id, updated_at, id, ` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_story_created ON claims(story_id, created_at, id, ` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_updated ON claims(assignee_id, updated_at, id, ` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_created ON claims(assignee_id, created_at, id, ` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	// As in schemaV19: a sample of each new index's statistics at once.
	`PRAGMA analysis_limit = 400`,
	`ANALYZE claims_story_updated`,
	`ANALYZE claims_story_created`,
	`ANALYZE claims_assignee_updated`,
	`ANALYZE claims_assignee_created`,
}

// pgSchemaV21 is schemaV21's indexes on PostgreSQL, the filter columns
// riding along (INCLUDE). The day bounds are SQLite's alone: PostgreSQL's
// planner chooses its own plans (see claim_plan.go), and a shared row per
// day updated by every insert would make concurrent serializable writers
// refuse each other (see pgSchemaV17).
var pgSchemaV21 = []string{
	`DROP INDEX claims_story_updated`,
	`CREATE INDEX claims_story_updated ON claims(story_id, updated_at, id) INCLUDE (` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_story_created ON claims(story_id, created_at, id) INCLUDE (` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_updated ON claims(assignee_id, updated_at, id) INCLUDE (` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_created ON claims(assignee_id, created_at, id) INCLUDE (` + filterColumnsBeside("assignee_id") + `, reported_at)`,
}

// filterColumnsBeside is coveredFilterColumns without lead, the column an
// index leads with.
func filterColumnsBeside(lead string) string {
	var out []string
	for _, c := range strings.Split(coveredFilterColumns, ", ") {
		if c != lead {
			out = append(out, c)
		}
	}
	return strings.Join(out, ", ")
}

// dayFirstsFillSQL fills an empty claim_day_firsts from the claims table
// (the schema step, and the seed of an empty desk); dayFirstsUpsertSQL
// lowers NEW's day's bounds to NEW's values where they are lower.
const (
	dayFirstsFillSQL = `INSERT INTO claim_day_firsts(day, first_id, first_created, first_updated)
		SELECT substr(reported_at, 1, 10), MIN(id), MIN(created_at), MIN(updated_at) FROM claims GROUP BY 1`
	dayFirstsUpsertSQL = `INSERT INTO claim_day_firsts(day, first_id, first_created, first_updated)
		VALUES (substr(NEW.reported_at, 1, 10), NEW.id, NEW.created_at, NEW.updated_at)
		ON CONFLICT(day) DO UPDATE SET first_id = min(first_id, excluded.first_id),
			first_created = min(first_created, excluded.first_created),
			first_updated = min(first_updated, excluded.first_updated);`
)
