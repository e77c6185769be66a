package models

import "strconv"

// schemaV17 keeps exact counts of the claims per combination of the desk's
// low-cardinality facets — verdict, verifiability, assignee (0: none),
// withdrawn, signed off — in claim_counts, the same per day reported (UTC)
// in claim_day_counts and per story in claim_story_counts, all kept by triggers in the transaction that
// writes the claim. A view combining those filters (and a date range) is
// then counted by summing a few hundred rows instead of visiting every
// match: at a million claims "unassigned and awaiting sign-off" took
// seconds to count (see claim_facet_counts.go). The day is the first ten
// characters of the stored time, which is how SQLite's text comparisons
// of reported_at order it; every claim's time is stored in UTC.
var schemaV17 = []string{
	`CREATE TABLE claim_counts (
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id INTEGER NOT NULL,
		withdrawn INTEGER NOT NULL,
		signed_off INTEGER NOT NULL,
		n INTEGER NOT NULL,
		PRIMARY KEY (verdict, verifiability, assignee_id, withdrawn, signed_off)) WITHOUT ROWID`,
	// Day first: a date range reads the days it covers and nothing else.
	`CREATE TABLE claim_day_counts (
		day TEXT NOT NULL,
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id INTEGER NOT NULL,
		withdrawn INTEGER NOT NULL,
		signed_off INTEGER NOT NULL,
		n INTEGER NOT NULL,
		PRIMARY KEY (day, verdict, verifiability, assignee_id, withdrawn, signed_off)) WITHOUT ROWID`,
	// The same per story: a story of a year's live coverage holds tens of
	// thousands of claims.
	`CREATE TABLE claim_story_counts (
		story_id INTEGER NOT NULL,
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id INTEGER NOT NULL,
		withdrawn INTEGER NOT NULL,
		signed_off INTEGER NOT NULL,
		n INTEGER NOT NULL,
		PRIMARY KEY (story_id, verdict, verifiability, assignee_id, withdrawn, signed_off)) WITHOUT ROWID`,
	countFillSQL,
	dayCountFillSQL,
	storyCountFillSQL,
	`CREATE TRIGGER claims_counts_ins AFTER INSERT ON claims BEGIN
		` + countUpsertsSQL("NEW", 1) + `
	END`,
	`CREATE TRIGGER claims_counts_upd AFTER UPDATE OF verdict, verifiability, assignee_id, withdrawn_at, signed_off_at, reported_at, story_id ON claims
		WHEN OLD.verdict IS NOT NEW.verdict OR OLD.verifiability IS NOT NEW.verifiability
			OR OLD.story_id IS NOT NEW.story_id
			OR OLD.assignee_id IS NOT NEW.assignee_id
			OR (OLD.withdrawn_at IS NULL) <> (NEW.withdrawn_at IS NULL)
			OR (OLD.signed_off_at IS NULL) <> (NEW.signed_off_at IS NULL)
			OR substr(OLD.reported_at, 1, 10) IS NOT substr(NEW.reported_at, 1, 10)
	BEGIN
		` + countUpsertsSQL("OLD", -1) + `
		` + countUpsertsSQL("NEW", 1) + `
	END`,
}

// countKeySQL is the facet columns of claims row c, in claim_counts' order.
func countKeySQL(c string) string {
	return c + `.verdict, ` + c + `.verifiability, COALESCE(` + c + `.assignee_id, 0), ` +
		c + `.withdrawn_at IS NOT NULL, ` + c + `.signed_off_at IS NOT NULL`
}

const countKeyColumns = `verdict, verifiability, assignee_id, withdrawn, signed_off`

// countFillSQL, dayCountFillSQL and storyCountFillSQL count the claims
// table into empty count tables, in bulk (the schema step, and the seed of
// an empty desk).
var (
	countFillSQL = `INSERT INTO claim_counts(` + countKeyColumns + `, n)
		SELECT ` + countKeySQL("c") + `, COUNT(*) FROM claims c GROUP BY 1, 2, 3, 4, 5`
	dayCountFillSQL = `INSERT INTO claim_day_counts(day, ` + countKeyColumns + `, n)
		SELECT substr(c.reported_at, 1, 10), ` + countKeySQL("c") + `, COUNT(*) FROM claims c GROUP BY 1, 2, 3, 4, 5, 6`
	storyCountFillSQL = `INSERT INTO claim_story_counts(story_id, ` + countKeyColumns + `, n)
		SELECT c.story_id, ` + countKeySQL("c") + `, COUNT(*) FROM claims c GROUP BY 1, 2, 3, 4, 5, 6`
)

// countUpsertsSQL adds delta to the row of each count table for claims
// row c (NEW or OLD): three statements, each ended by a semicolon.
func countUpsertsSQL(c string, delta int) string {
	d := strconv.Itoa(delta)
	upsert := func(table, lead, leadValue string) string {
		return `INSERT INTO ` + table + `(` + lead + countKeyColumns + `, n) VALUES (` + leadValue + countKeySQL(c) + `, ` + d + `)
		ON CONFLICT(` + lead + countKeyColumns + `) DO UPDATE SET n = n + ` + d + `;`
	}
	return upsert("claim_counts", "", "") + "\n" +
		upsert("claim_day_counts", "day, ", `substr(`+c+`.reported_at, 1, 10), `) + "\n" +
		upsert("claim_story_counts", "story_id, ", c+`.story_id, `)
}

// pgSchemaV17 is the same on PostgreSQL, where writers in several processes
// may commit at once: a trigger that updated a shared counter row would make
// concurrent serializable writes refuse each other (and could deadlock two
// that change claims in opposite directions). The triggers there only
// append rows to claim_count_deltas, which no writer reads or updates; the
// store folds them into the two count tables every second
// (claim_count_compact.go), and a count reads the tables and the deltas
// not yet folded in one statement, so it is exact at its snapshot.
var pgSchemaV17 = []string{
	`CREATE TABLE claim_counts (
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id BIGINT NOT NULL,
		withdrawn BOOLEAN NOT NULL,
		signed_off BOOLEAN NOT NULL,
		n BIGINT NOT NULL,
		PRIMARY KEY (verdict, verifiability, assignee_id, withdrawn, signed_off))`,
	`CREATE TABLE claim_day_counts (
		day DATE NOT NULL,
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id BIGINT NOT NULL,
		withdrawn BOOLEAN NOT NULL,
		signed_off BOOLEAN NOT NULL,
		n BIGINT NOT NULL,
		PRIMARY KEY (day, verdict, verifiability, assignee_id, withdrawn, signed_off))`,
	`CREATE TABLE claim_story_counts (
		story_id BIGINT NOT NULL,
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id BIGINT NOT NULL,
		withdrawn BOOLEAN NOT NULL,
		signed_off BOOLEAN NOT NULL,
		n BIGINT NOT NULL,
		PRIMARY KEY (story_id, verdict, verifiability, assignee_id, withdrawn, signed_off))`,
	`CREATE TABLE claim_count_deltas (
		story_id BIGINT NOT NULL,
		day DATE NOT NULL,
		verdict TEXT NOT NULL,
		verifiability TEXT NOT NULL,
		assignee_id BIGINT NOT NULL,
		withdrawn BOOLEAN NOT NULL,
		signed_off BOOLEAN NOT NULL,
		n INTEGER NOT NULL)`,
	countFillSQL,
	`INSERT INTO claim_day_counts(day, ` + countKeyColumns + `, n)
		SELECT ` + pgDaySQL("c") + `, ` + countKeySQL("c") + `, COUNT(*) FROM claims c GROUP BY 1, 2, 3, 4, 5, 6`,
	storyCountFillSQL,
	`CREATE FUNCTION claim_count_delta() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP <> 'INSERT' THEN
			INSERT INTO claim_count_deltas(story_id, day, ` + countKeyColumns + `, n)
			VALUES (OLD.story_id, ` + pgDaySQL("OLD") + `, ` + countKeySQL("OLD") + `, -1);
		END IF;
		IF TG_OP <> 'DELETE' THEN
			INSERT INTO claim_count_deltas(story_id, day, ` + countKeyColumns + `, n)
			VALUES (NEW.story_id, ` + pgDaySQL("NEW") + `, ` + countKeySQL("NEW") + `, 1);
		END IF;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER claims_counts_ins AFTER INSERT ON claims
		FOR EACH ROW EXECUTE FUNCTION claim_count_delta()`,
	`CREATE TRIGGER claims_counts_upd AFTER UPDATE OF verdict, verifiability, assignee_id, withdrawn_at, signed_off_at, reported_at, story_id ON claims
		FOR EACH ROW WHEN (OLD.verdict IS DISTINCT FROM NEW.verdict OR OLD.verifiability IS DISTINCT FROM NEW.verifiability
			OR OLD.story_id IS DISTINCT FROM NEW.story_id
			OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id
			OR (OLD.withdrawn_at IS NULL) <> (NEW.withdrawn_at IS NULL)
			OR (OLD.signed_off_at IS NULL) <> (NEW.signed_off_at IS NULL)
			OR ` + pgDaySQL("OLD") + ` <> ` + pgDaySQL("NEW") + `)
		EXECUTE FUNCTION claim_count_delta()`,
}

// pgDaySQL is the UTC day claims row c was reported on.
func pgDaySQL(c string) string {
	return `(` + c + `.reported_at AT TIME ZONE 'UTC')::date`
}
