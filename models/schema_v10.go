package models

// schemaV10 is the desk workspace: claims taken off the desk as "not a
// claim" (withdrawn, with who, when and why; never deleted), free tags on
// claims, each user's saved desk views, mentions of colleagues in notes,
// what a desk decided about import candidates (dismissed or corrected, per
// story), pasted blogs under review (import drafts), and a repair of imported claims whose reported time was the
// import's time although their entry has an instant (each repair recorded in
// the claim's activity).
var schemaV10 = []string{
	`ALTER TABLE claims ADD COLUMN withdrawn_at DATETIME`,
	`ALTER TABLE claims ADD COLUMN withdrawn_by_id INTEGER REFERENCES users(id)`,
	`ALTER TABLE claims ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT ''`,
	`CREATE INDEX claims_withdrawn ON claims(withdrawn_at) WHERE withdrawn_at IS NOT NULL`,
	`CREATE TABLE claim_tags (
		claim_id INTEGER NOT NULL REFERENCES claims(id),
		tag TEXT NOT NULL,
		created_at DATETIME NOT NULL,
		PRIMARY KEY (claim_id, tag))`,
	`CREATE INDEX claim_tags_tag ON claim_tags(tag, claim_id)`,
	`CREATE TABLE saved_views (
		id INTEGER PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id),
		name TEXT NOT NULL,
		query TEXT NOT NULL,
		created_at DATETIME NOT NULL)`,
	`CREATE UNIQUE INDEX saved_views_user_name ON saved_views(user_id, name)`,
	`CREATE TABLE mentions (
		id INTEGER PRIMARY KEY,
		activity_id INTEGER NOT NULL REFERENCES activities(id),
		claim_id INTEGER NOT NULL REFERENCES claims(id),
		user_id INTEGER NOT NULL REFERENCES users(id),
		read_at DATETIME,
		created_at DATETIME NOT NULL)`,
	`CREATE INDEX mentions_user ON mentions(user_id, id)`,
	`CREATE TABLE import_reviews (
		story_id INTEGER NOT NULL REFERENCES stories(id),
		candidate_key TEXT NOT NULL,
		state TEXT NOT NULL CHECK (state IN ('dismissed', 'edited')),
		edited TEXT NOT NULL DEFAULT '',
		updated_by_id INTEGER REFERENCES users(id),
		updated_at DATETIME NOT NULL,
		PRIMARY KEY (story_id, candidate_key))`,
	`CREATE TABLE import_drafts (
		id INTEGER PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id),
		text TEXT NOT NULL,
		created_at DATETIME NOT NULL)`,
}

// reportedRepair corrects the reported time of imported claims to their
// entry's instant, recording each correction first (it runs inside step 10).
var reportedRepair = []string{
	`INSERT INTO activities(claim_id, actor_id, action, from_value, to_value, text, details, created_at)
		SELECT c.id, NULL, 'edited', '', '', ` + reportedRepairNote + `,
			json_object('changes', json_array(json_object('field', 'reported_at',
				'old', strftime('%Y-%m-%dT%H:%M:%SZ', c.reported_at), 'new', strftime('%Y-%m-%dT%H:%M:%SZ', e.instant)))),
			CURRENT_TIMESTAMP
		FROM claims c JOIN entries e ON e.id = c.entry_id
		WHERE ` + reportedRepairWhere,
	`UPDATE claims SET reported_at = (SELECT e.instant FROM entries e WHERE e.id = claims.entry_id), version = version + 1
		WHERE id IN (SELECT c.id FROM claims c JOIN entries e ON e.id = c.entry_id WHERE ` + reportedRepairWhere + `)`,
}

// reportedRepairWhere picks the imported claims whose reported time is still
// the moment they were imported while their entry says when it was reported.
const reportedRepairWhere = `e.instant IS NOT NULL AND c.reported_at = c.created_at AND c.reported_at <> e.instant
	AND EXISTS (SELECT 1 FROM activities a WHERE a.claim_id = c.id AND a.action = 'imported')`

// reportedRepairNote is the repair's activity text.
const reportedRepairNote = `'Reported time corrected to the live-blog entry''s time (it was the time of the import).'`

// pgSchemaV10 is schemaV10 in PostgreSQL's words.
var pgSchemaV10 = []string{
	`ALTER TABLE claims ADD COLUMN withdrawn_at TIMESTAMPTZ`,
	`ALTER TABLE claims ADD COLUMN withdrawn_by_id BIGINT REFERENCES users(id)`,
	`ALTER TABLE claims ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT ''`,
	`CREATE INDEX claims_withdrawn ON claims(withdrawn_at) WHERE withdrawn_at IS NOT NULL`,
	`CREATE TABLE claim_tags (
		claim_id BIGINT NOT NULL REFERENCES claims(id),
		tag TEXT NOT NULL,
		created_at TIMESTAMPTZ NOT NULL,
		PRIMARY KEY (claim_id, tag))`,
	`CREATE INDEX claim_tags_tag ON claim_tags(tag, claim_id)`,
	`CREATE TABLE saved_views (
		id BIGSERIAL PRIMARY KEY,
		user_id BIGINT NOT NULL REFERENCES users(id),
		name TEXT NOT NULL,
		query TEXT NOT NULL,
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE UNIQUE INDEX saved_views_user_name ON saved_views(user_id, name)`,
	`CREATE TABLE mentions (
		id BIGSERIAL PRIMARY KEY,
		activity_id BIGINT NOT NULL REFERENCES activities(id),
		claim_id BIGINT NOT NULL REFERENCES claims(id),
		user_id BIGINT NOT NULL REFERENCES users(id),
		read_at TIMESTAMPTZ,
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX mentions_user ON mentions(user_id, id)`,
	`CREATE TABLE import_reviews (
		story_id BIGINT NOT NULL REFERENCES stories(id),
		candidate_key TEXT NOT NULL,
		state TEXT NOT NULL CHECK (state IN ('dismissed', 'edited')),
		edited TEXT NOT NULL DEFAULT '',
		updated_by_id BIGINT REFERENCES users(id),
		updated_at TIMESTAMPTZ NOT NULL,
		PRIMARY KEY (story_id, candidate_key))`,
	`CREATE TABLE import_drafts (
		id BIGSERIAL PRIMARY KEY,
		user_id BIGINT NOT NULL REFERENCES users(id),
		text TEXT NOT NULL,
		created_at TIMESTAMPTZ NOT NULL)`,
}

// pgReportedRepair is reportedRepair in PostgreSQL's words.
var pgReportedRepair = []string{
	`INSERT INTO activities(claim_id, actor_id, action, from_value, to_value, text, details, created_at)
		SELECT c.id, NULL, 'edited', '', '', ` + reportedRepairNote + `,
			json_build_object('changes', json_build_array(json_build_object('field', 'reported_at',
				'old', to_char(c.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
				'new', to_char(e.instant AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))))::text,
			CURRENT_TIMESTAMP
		FROM claims c JOIN entries e ON e.id = c.entry_id
		WHERE ` + reportedRepairWhere,
	`UPDATE claims SET reported_at = e.instant, version = claims.version + 1
		FROM entries e, claims c WHERE c.id = claims.id AND e.id = claims.entry_id AND ` + reportedRepairWhere,
}
