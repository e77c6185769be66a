package models

// schemaV1 is the first schema. Claims, evidence and activity are never deleted:
// activity is guarded by triggers that abort any UPDATE or DELETE, and the
// full-text index claim_search is kept in step by triggers, inside the same
// transaction as the write that changed the claim or its source.
var schemaV1 = []string{
	`CREATE TABLE users (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		name TEXT NOT NULL,
		email TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL CHECK (role IN ('viewer','factchecker','editor','admin')),
		password_hash TEXT NOT NULL DEFAULT '',
		disabled INTEGER NOT NULL DEFAULT 0,
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL)`,
	`CREATE TABLE api_tokens (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		user_id INTEGER NOT NULL REFERENCES users(id),
		hash TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL,
		last_used_at DATETIME,
		revoked_at DATETIME)`,
	`CREATE TABLE stories (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		title TEXT NOT NULL,
		url TEXT NOT NULL DEFAULT '',
		language TEXT NOT NULL DEFAULT 'en',
		date TEXT NOT NULL DEFAULT '',
		time_zone TEXT NOT NULL DEFAULT '',
		archived INTEGER NOT NULL DEFAULT 0,
		version INTEGER NOT NULL DEFAULT 1,
		created_by_id INTEGER REFERENCES users(id),
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL)`,
	`CREATE INDEX stories_created ON stories(created_at)`,
	`CREATE TABLE entries (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		story_id INTEGER NOT NULL REFERENCES stories(id),
		position INTEGER NOT NULL DEFAULT 0,
		time_text TEXT NOT NULL DEFAULT '',
		instant DATETIME,
		headline TEXT NOT NULL DEFAULT '',
		body TEXT NOT NULL DEFAULT '',
		content_hash TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL)`,
	`CREATE INDEX entries_story ON entries(story_id, position)`,
	`CREATE INDEX entries_hash ON entries(story_id, content_hash)`,
	`CREATE TABLE sources (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		name TEXT NOT NULL,
		norm_name TEXT NOT NULL,
		role TEXT NOT NULL DEFAULT '',
		kind TEXT NOT NULL DEFAULT 'other',
		merged_into_id INTEGER REFERENCES sources(id),
		version INTEGER NOT NULL DEFAULT 1,
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL)`,
	`CREATE UNIQUE INDEX sources_norm_name ON sources(norm_name) WHERE merged_into_id IS NULL`,
	`CREATE TABLE source_aliases (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		source_id INTEGER NOT NULL REFERENCES sources(id),
		alias TEXT NOT NULL,
		norm_alias TEXT NOT NULL,
		UNIQUE (source_id, norm_alias))`,
	`CREATE INDEX source_aliases_norm ON source_aliases(norm_alias)`,
	`CREATE TABLE claims (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		story_id INTEGER NOT NULL REFERENCES stories(id),
		entry_id INTEGER REFERENCES entries(id),
		source_id INTEGER NOT NULL REFERENCES sources(id),
		text TEXT NOT NULL,
		quote TEXT NOT NULL DEFAULT '',
		verb TEXT NOT NULL DEFAULT '',
		direct INTEGER NOT NULL DEFAULT 0,
		channel TEXT NOT NULL DEFAULT '',
		via TEXT NOT NULL DEFAULT '',
		made_at DATETIME,
		reported_at DATETIME NOT NULL,
		reported_url TEXT NOT NULL DEFAULT '',
		verifiability TEXT NOT NULL DEFAULT 'unknown',
		verifiability_reason TEXT NOT NULL DEFAULT '',
		verdict TEXT NOT NULL DEFAULT 'unreviewed',
		unconfirmed INTEGER NOT NULL DEFAULT 1 CHECK (unconfirmed = (verdict IN ('unreviewed','in_review','unverified','disputed'))),
		verdict_rationale TEXT NOT NULL DEFAULT '',
		verdict_by_id INTEGER REFERENCES users(id),
		verdict_at DATETIME,
		signed_off_by_id INTEGER REFERENCES users(id),
		signed_off_at DATETIME,
		assignee_id INTEGER REFERENCES users(id),
		content_hash TEXT NOT NULL DEFAULT '',
		version INTEGER NOT NULL DEFAULT 1,
		created_by_id INTEGER REFERENCES users(id),
		updated_by_id INTEGER REFERENCES users(id),
		created_at DATETIME NOT NULL,
		updated_at DATETIME NOT NULL)`,
	`CREATE INDEX claims_created ON claims(created_at, id)`,
	`CREATE INDEX claims_reported ON claims(reported_at, id)`,
	`CREATE INDEX claims_updated ON claims(updated_at, id)`,
	`CREATE INDEX claims_verdict ON claims(verdict, reported_at)`,
	`CREATE INDEX claims_unconfirmed ON claims(unconfirmed, reported_at)`,
	`CREATE INDEX claims_verifiability ON claims(verifiability, reported_at)`,
	`CREATE INDEX claims_story ON claims(story_id, reported_at)`,
	`CREATE INDEX claims_source ON claims(source_id, reported_at)`,
	`CREATE INDEX claims_assignee ON claims(assignee_id, reported_at)`,
	`CREATE INDEX claims_entry ON claims(entry_id)`,
	`CREATE INDEX claims_hash ON claims(story_id, content_hash)`,
	`CREATE TABLE claim_links (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		from_claim_id INTEGER NOT NULL REFERENCES claims(id),
		to_claim_id INTEGER NOT NULL REFERENCES claims(id),
		kind TEXT NOT NULL CHECK (kind IN ('contradicts','corroborates','duplicate_of')),
		note TEXT NOT NULL DEFAULT '',
		created_by_id INTEGER REFERENCES users(id),
		created_at DATETIME NOT NULL,
		UNIQUE (from_claim_id, to_claim_id, kind))`,
	`CREATE INDEX claim_links_to ON claim_links(to_claim_id)`,
	`CREATE TABLE files (
		sha256 TEXT PRIMARY KEY,
		size INTEGER NOT NULL,
		content_type TEXT NOT NULL,
		data BLOB NOT NULL,
		created_at DATETIME NOT NULL)`,
	`CREATE TABLE evidence (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		claim_id INTEGER NOT NULL REFERENCES claims(id),
		kind TEXT NOT NULL,
		stance TEXT NOT NULL CHECK (stance IN ('supports','refutes','context')),
		url TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		note TEXT NOT NULL DEFAULT '',
		origin TEXT NOT NULL DEFAULT '',
		file_sha256 TEXT REFERENCES files(sha256),
		file_name TEXT NOT NULL DEFAULT '',
		file_size INTEGER NOT NULL DEFAULT 0,
		file_type TEXT NOT NULL DEFAULT '',
		added_by_id INTEGER REFERENCES users(id),
		created_at DATETIME NOT NULL,
		removed_at DATETIME,
		removed_by_id INTEGER REFERENCES users(id),
		removed_reason TEXT NOT NULL DEFAULT '')`,
	`CREATE INDEX evidence_claim ON evidence(claim_id)`,
	`CREATE TABLE activities (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		claim_id INTEGER NOT NULL REFERENCES claims(id),
		actor_id INTEGER REFERENCES users(id),
		action TEXT NOT NULL,
		from_value TEXT NOT NULL DEFAULT '',
		to_value TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL DEFAULT '',
		details TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL)`,
	`CREATE INDEX activities_claim ON activities(claim_id, id)`,
	`CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities
		BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END`,
	`CREATE TRIGGER activities_no_delete BEFORE DELETE ON activities
		BEGIN SELECT RAISE(ABORT, 'the activity log is append-only'); END`,
	`CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
		BEGIN SELECT RAISE(ABORT, 'claims are never deleted'); END`,
	`CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
		BEGIN SELECT RAISE(ABORT, 'evidence is never deleted'); END`,
	`CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id),
		csrf TEXT NOT NULL,
		created_at DATETIME NOT NULL,
		expires_at DATETIME NOT NULL)`,
	`CREATE INDEX sessions_expires ON sessions(expires_at)`,
	`CREATE TABLE audit_log (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		user_id INTEGER REFERENCES users(id),
		email TEXT NOT NULL DEFAULT '',
		action TEXT NOT NULL,
		detail TEXT NOT NULL DEFAULT '',
		remote TEXT NOT NULL DEFAULT '',
		created_at DATETIME NOT NULL)`,
	`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
		BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
	`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
		BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
	// Full-text index over claim text, quote, and the claimant's name and aliases.
	// FTS4 is compiled into mattn/go-sqlite3 by default (FTS5 needs a build tag).
	`CREATE VIRTUAL TABLE claim_search USING fts4(text, quote, claimant, tokenize=unicode61)`,
	`CREATE TRIGGER claims_search_ins AFTER INSERT ON claims BEGIN
		INSERT INTO claim_search(docid, text, quote, claimant)
		SELECT NEW.id, NEW.text, NEW.quote,
			s.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = s.id), '')
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
	`CREATE TRIGGER claims_search_upd AFTER UPDATE OF text, quote, source_id ON claims BEGIN
		DELETE FROM claim_search WHERE docid = OLD.id;
		INSERT INTO claim_search(docid, text, quote, claimant)
		SELECT NEW.id, NEW.text, NEW.quote,
			s.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = s.id), '')
		FROM sources s WHERE s.id = NEW.source_id;
	END`,
	`CREATE TRIGGER sources_search_upd AFTER UPDATE OF name ON sources BEGIN
		UPDATE claim_search SET claimant = NEW.name || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = NEW.id), '')
		WHERE docid IN (SELECT id FROM claims WHERE source_id = NEW.id);
	END`,
	`CREATE TRIGGER source_aliases_search_ins AFTER INSERT ON source_aliases BEGIN
		UPDATE claim_search SET claimant = (SELECT name FROM sources WHERE id = NEW.source_id) || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = NEW.source_id), '')
		WHERE docid IN (SELECT id FROM claims WHERE source_id = NEW.source_id);
	END`,
	`CREATE TRIGGER source_aliases_search_del AFTER DELETE ON source_aliases BEGIN
		UPDATE claim_search SET claimant = (SELECT name FROM sources WHERE id = OLD.source_id) || ' ' || COALESCE((SELECT group_concat(alias, ' ') FROM source_aliases WHERE source_id = OLD.source_id), '')
		WHERE docid IN (SELECT id FROM claims WHERE source_id = OLD.source_id);
	END`,
}
