package models

// schemaV7 adds the event table behind the live desk: one row per change a
// desk should hear of, written in the same transaction as the change, so a
// stream that reconnects replays exactly what it missed. Rows are
// append-only like the activity log. AUTOINCREMENT keeps an id from ever
// being used twice, even after the newest rows' transaction rolled back.
var schemaV7 = []string{
	`CREATE TABLE events (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		type TEXT NOT NULL,
		claim_id INTEGER,
		story_id INTEGER,
		version INTEGER,
		verdict TEXT NOT NULL DEFAULT '',
		verifiability TEXT NOT NULL DEFAULT '',
		assignee_id INTEGER,
		actor_id INTEGER,
		detail TEXT NOT NULL DEFAULT '',
		at DATETIME NOT NULL)`,
	`CREATE INDEX events_story ON events(story_id, id)`,
	`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
		BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END`,
	`CREATE TRIGGER events_no_delete BEFORE DELETE ON events
		BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END`,
}

// pgSchemaV7 is schemaV7 for PostgreSQL, guarded by the refuse_change
// function of the first step.
var pgSchemaV7 = []string{
	`CREATE TABLE events (
		id BIGSERIAL PRIMARY KEY,
		type TEXT NOT NULL,
		claim_id BIGINT,
		story_id BIGINT,
		version BIGINT,
		verdict TEXT NOT NULL DEFAULT '',
		verifiability TEXT NOT NULL DEFAULT '',
		assignee_id BIGINT,
		actor_id BIGINT,
		detail TEXT NOT NULL DEFAULT '',
		at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX events_story ON events(story_id, id)`,
	`CREATE TRIGGER events_no_update BEFORE UPDATE ON events
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the event log is append-only')`,
	`CREATE TRIGGER events_no_delete BEFORE DELETE ON events
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the event log is append-only')`,
	`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the event log is append-only')`,
}
