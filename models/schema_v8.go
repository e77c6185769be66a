package models

// schemaV8 keeps captured copies of the pages evidence links point to.
// captures is append-only like the activity log: a capture, good or failed,
// is never changed or deleted, and its body lives in files by SHA-256 like
// an upload. capture_tasks is the queue the worker pool takes work from
// (capture a page, check the live page against the last capture, ask Save
// Page Now for a public copy); a task row records its outcome when done, so
// the queue survives a restart.
var schemaV8 = []string{
	`CREATE TABLE captures (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		evidence_id INTEGER NOT NULL REFERENCES evidence(id),
		url TEXT NOT NULL,
		final_url TEXT NOT NULL DEFAULT '',
		captured_at DATETIME NOT NULL,
		status TEXT NOT NULL CHECK (status IN ('ok','failed')),
		http_status INTEGER NOT NULL DEFAULT 0,
		content_type TEXT NOT NULL DEFAULT '',
		size INTEGER NOT NULL DEFAULT 0,
		sha256 TEXT REFERENCES files(sha256),
		ip TEXT NOT NULL DEFAULT '',
		request_head TEXT NOT NULL DEFAULT '',
		response_head TEXT NOT NULL DEFAULT '',
		warc_request_id TEXT NOT NULL DEFAULT '',
		warc_response_id TEXT NOT NULL DEFAULT '',
		error_kind TEXT NOT NULL DEFAULT '',
		error TEXT NOT NULL DEFAULT '',
		requested_by_id INTEGER REFERENCES users(id))`,
	`CREATE INDEX captures_evidence ON captures(evidence_id, id)`,
	`CREATE TRIGGER captures_no_update BEFORE UPDATE ON captures
		BEGIN SELECT RAISE(ABORT, 'captures are never changed'); END`,
	`CREATE TRIGGER captures_no_delete BEFORE DELETE ON captures
		BEGIN SELECT RAISE(ABORT, 'captures are never deleted'); END`,
	`CREATE TABLE capture_tasks (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		kind TEXT NOT NULL CHECK (kind IN ('capture','check','archive')),
		evidence_id INTEGER NOT NULL REFERENCES evidence(id),
		capture_id INTEGER REFERENCES captures(id),
		requested_by_id INTEGER REFERENCES users(id),
		requested_at DATETIME NOT NULL,
		started_at DATETIME,
		finished_at DATETIME,
		result_sha256 TEXT NOT NULL DEFAULT '',
		result_url TEXT NOT NULL DEFAULT '',
		error TEXT NOT NULL DEFAULT '')`,
	`CREATE INDEX capture_tasks_open ON capture_tasks(finished_at, id)`,
	`CREATE INDEX capture_tasks_evidence ON capture_tasks(evidence_id, kind, id)`,
}

// pgSchemaV8 is schemaV8 in PostgreSQL's terms.
var pgSchemaV8 = []string{
	`CREATE TABLE captures (
		id BIGSERIAL PRIMARY KEY,
		evidence_id BIGINT NOT NULL REFERENCES evidence(id),
		url TEXT NOT NULL,
		final_url TEXT NOT NULL DEFAULT '',
		captured_at TIMESTAMPTZ NOT NULL,
		status TEXT NOT NULL CHECK (status IN ('ok','failed')),
		http_status INTEGER NOT NULL DEFAULT 0,
		content_type TEXT NOT NULL DEFAULT '',
		size BIGINT NOT NULL DEFAULT 0,
		sha256 TEXT REFERENCES files(sha256),
		ip TEXT NOT NULL DEFAULT '',
		request_head TEXT NOT NULL DEFAULT '',
		response_head TEXT NOT NULL DEFAULT '',
		warc_request_id TEXT NOT NULL DEFAULT '',
		warc_response_id TEXT NOT NULL DEFAULT '',
		error_kind TEXT NOT NULL DEFAULT '',
		error TEXT NOT NULL DEFAULT '',
		requested_by_id BIGINT REFERENCES users(id))`,
	`CREATE INDEX captures_evidence ON captures(evidence_id, id)`,
	`CREATE TRIGGER captures_no_update BEFORE UPDATE ON captures
		FOR EACH ROW EXECUTE FUNCTION refuse_change('captures are never changed')`,
	`CREATE TRIGGER captures_no_delete BEFORE DELETE ON captures
		FOR EACH ROW EXECUTE FUNCTION refuse_change('captures are never deleted')`,
	`CREATE TRIGGER captures_no_truncate BEFORE TRUNCATE ON captures
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('captures are never deleted')`,
	`CREATE TABLE capture_tasks (
		id BIGSERIAL PRIMARY KEY,
		kind TEXT NOT NULL CHECK (kind IN ('capture','check','archive')),
		evidence_id BIGINT NOT NULL REFERENCES evidence(id),
		capture_id BIGINT REFERENCES captures(id),
		requested_by_id BIGINT REFERENCES users(id),
		requested_at TIMESTAMPTZ NOT NULL,
		started_at TIMESTAMPTZ,
		finished_at TIMESTAMPTZ,
		result_sha256 TEXT NOT NULL DEFAULT '',
		result_url TEXT NOT NULL DEFAULT '',
		error TEXT NOT NULL DEFAULT '')`,
	`CREATE INDEX capture_tasks_open ON capture_tasks(finished_at, id)`,
	`CREATE INDEX capture_tasks_evidence ON capture_tasks(evidence_id, kind, id)`,
}
