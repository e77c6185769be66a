package models

import "strings"

// schemaV21 serves two kinds of view the list could only sort before.
//
// A date range sorted oldest entered or changed first, or by id: claims are
// entered and changed while the blogs that report them run, so a range's
// claims sit together at the far end of those orders, and a walk from the
// start passed over every claim reported before the range (911,000 for
// "since 1 November" at a million claims) while sorting the range's matches
// read each of their rows (50–80 ms of CPU); newest first, a range ending
// before today passed over every claim reported since. claim_day_bounds
// holds, per day reported (UTC, the first ten characters of the stored
// time, as in claim_day_counts), bounds of the ids and entry times (lowest
// and highest) and the lowest last change of the claims reported that
// day, kept by triggers: a walk starts and ends at the range's bounds
// (claim_plan_range_start.go) and passes over the range's claims, not the
// year before or the weeks after it. Bounds only ever widen (a claim
// entering a day, or a value moving out of them); a last change moving
// up, as every edit does, leaves the lowest a bound, so an edit writes
// nothing here (the highest last change would have to follow every edit:
// none is kept).
//
// Deep pages of one story's or one assignee's claims in the order they
// were entered or changed: no index gave that order with the filter, so
// page 200 walked the whole order's index (up to 900,000 entries) or read
// and sorted every claim of the story. The story's index by last change is
// widened with the filter columns (as schemaV19 did for the order indexes),
// and five like it added: a story's claims by entry time and by id, an
// assignee's by entry time, last change and id. A view of a story or an assignee with
// other filters among those columns walks its claims in order inside the
// index (claim_plan_filter_order.go).
var schemaV21 = []string{
	`CREATE TABLE claim_day_bounds (
		day TEXT NOT NULL PRIMARY KEY,
		first_id INTEGER NOT NULL,
		last_id INTEGER NOT NULL,
		first_created TEXT NOT NULL,
		last_created TEXT NOT NULL,
		first_updated TEXT NOT NULL) WITHOUT ROWID`,
	dayBoundsFillSQL,
	`CREATE TRIGGER claims_counts_bounds_ins AFTER INSERT ON claims BEGIN
		` + dayBoundsUpsertSQL + `
	END`,
	`CREATE TRIGGER claims_counts_bounds_upd AFTER UPDATE OF id, reported_at, created_at, updated_at ON claims
		WHEN substr(OLD.reported_at, 1, 10) IS NOT substr(NEW.reported_at, 1, 10)
			OR NEW.id IS NOT OLD.id OR NEW.created_at IS NOT OLD.created_at OR NEW.updated_at < OLD.updated_at
	BEGIN
		` + dayBoundsUpsertSQL + `
	END`,
	`DROP INDEX claims_story_updated`,
	`CREATE INDEX claims_story_updated ON claims(story_id, updated_at, id, ` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_story_created ON claims(story_id, created_at, id, ` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_updated ON claims(assignee_id, updated_at, id, ` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_created ON claims(assignee_id, created_at, id, ` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	`CREATE INDEX claims_story_id ON claims(story_id, id, ` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_id ON claims(assignee_id, id, ` + filterColumnsBeside("assignee_id") + `, reported_at)`,
	// As in schemaV19: a sample of each new index's statistics at once.
	`PRAGMA analysis_limit = 400`,
	`ANALYZE claims_story_updated`,
	`ANALYZE claims_story_created`,
	`ANALYZE claims_assignee_updated`,
	`ANALYZE claims_assignee_created`,
	`ANALYZE claims_story_id`,
	`ANALYZE claims_assignee_id`,
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
	`CREATE INDEX claims_story_id ON claims(story_id, id) INCLUDE (` + filterColumnsBeside("story_id") + `, reported_at)`,
	`CREATE INDEX claims_assignee_id ON claims(assignee_id, id) INCLUDE (` + filterColumnsBeside("assignee_id") + `, reported_at)`,
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

// dayBoundsFillSQL fills an empty claim_day_bounds from the claims table
// (the schema step, and the seed of an empty desk); dayBoundsUpsertSQL
// widens NEW's day's bounds to take in NEW's values.
const (
	dayBoundsFillSQL = `INSERT INTO claim_day_bounds(day, first_id, last_id, first_created, last_created, first_updated)
		SELECT substr(reported_at, 1, 10), MIN(id), MAX(id), MIN(created_at), MAX(created_at), MIN(updated_at) FROM claims GROUP BY 1`
	dayBoundsUpsertSQL = `INSERT INTO claim_day_bounds(day, first_id, last_id, first_created, last_created, first_updated)
		VALUES (substr(NEW.reported_at, 1, 10), NEW.id, NEW.id, NEW.created_at, NEW.created_at, NEW.updated_at)
		ON CONFLICT(day) DO UPDATE SET first_id = min(first_id, excluded.first_id), last_id = max(last_id, excluded.last_id),
			first_created = min(first_created, excluded.first_created), last_created = max(last_created, excluded.last_created),
			first_updated = min(first_updated, excluded.first_updated);`
)
