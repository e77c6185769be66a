package models

// pgSchemaV1 is schemaV1 for PostgreSQL: the same tables, columns, checks and
// indexes. The differences are of syntax only: identity ids, TIMESTAMPTZ for
// times, BOOLEAN for flags, BYTEA for files, and the guards and search index
// kept by PL/pgSQL triggers. Search is a tsvector per claim in claim_search
// (docid, doc), built with the claimdesk_search configuration: the 'simple'
// parser and dictionary (no stemming, no stop words) behind unaccent, which
// is how SQLite's unicode61 tokenizer behaves (case folded in every script,
// accents removed from Latin letters), so a search finds the same claims on
// both databases. unaccent folds a few letters unicode61 keeps (ß, Ł, Ø, Ё,
// ligatures); the README lists them.
var pgSchemaV1 = []string{
	// unaccent ships with PostgreSQL and is a trusted extension: the owner of
	// the database may create it.
	`CREATE EXTENSION IF NOT EXISTS unaccent`,
	`CREATE TEXT SEARCH CONFIGURATION claimdesk_search (COPY = simple)`,
	`ALTER TEXT SEARCH CONFIGURATION claimdesk_search
		ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`,
	`CREATE TABLE users (
		id BIGSERIAL PRIMARY KEY,
		name TEXT NOT NULL,
		email TEXT NOT NULL UNIQUE,
		role TEXT NOT NULL CHECK (role IN ('viewer','factchecker','editor','admin')),
		password_hash TEXT NOT NULL DEFAULT '',
		disabled BOOLEAN NOT NULL DEFAULT false,
		created_at TIMESTAMPTZ NOT NULL,
		updated_at TIMESTAMPTZ NOT NULL)`,
	`CREATE TABLE api_tokens (
		id BIGSERIAL PRIMARY KEY,
		user_id BIGINT NOT NULL REFERENCES users(id),
		hash TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMPTZ NOT NULL,
		last_used_at TIMESTAMPTZ,
		revoked_at TIMESTAMPTZ)`,
	`CREATE TABLE stories (
		id BIGSERIAL PRIMARY KEY,
		title TEXT NOT NULL,
		url TEXT NOT NULL DEFAULT '',
		language TEXT NOT NULL DEFAULT 'en',
		date TEXT NOT NULL DEFAULT '',
		time_zone TEXT NOT NULL DEFAULT '',
		archived BOOLEAN NOT NULL DEFAULT false,
		version BIGINT NOT NULL DEFAULT 1,
		created_by_id BIGINT REFERENCES users(id),
		created_at TIMESTAMPTZ NOT NULL,
		updated_at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX stories_created ON stories(created_at)`,
	`CREATE TABLE entries (
		id BIGSERIAL PRIMARY KEY,
		story_id BIGINT NOT NULL REFERENCES stories(id),
		position BIGINT NOT NULL DEFAULT 0,
		time_text TEXT NOT NULL DEFAULT '',
		instant TIMESTAMPTZ,
		headline TEXT NOT NULL DEFAULT '',
		body TEXT NOT NULL DEFAULT '',
		content_hash TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX entries_story ON entries(story_id, position)`,
	`CREATE INDEX entries_hash ON entries(story_id, content_hash)`,
	`CREATE TABLE sources (
		id BIGSERIAL PRIMARY KEY,
		name TEXT NOT NULL,
		norm_name TEXT NOT NULL,
		role TEXT NOT NULL DEFAULT '',
		kind TEXT NOT NULL DEFAULT 'other',
		merged_into_id BIGINT REFERENCES sources(id),
		version BIGINT NOT NULL DEFAULT 1,
		created_at TIMESTAMPTZ NOT NULL,
		updated_at TIMESTAMPTZ NOT NULL)`,
	`CREATE UNIQUE INDEX sources_norm_name ON sources(norm_name) WHERE merged_into_id IS NULL`,
	`CREATE TABLE source_aliases (
		id BIGSERIAL PRIMARY KEY,
		source_id BIGINT NOT NULL REFERENCES sources(id),
		alias TEXT NOT NULL,
		norm_alias TEXT NOT NULL,
		UNIQUE (source_id, norm_alias))`,
	`CREATE INDEX source_aliases_norm ON source_aliases(norm_alias)`,
	`CREATE TABLE claims (
		id BIGSERIAL PRIMARY KEY,
		story_id BIGINT NOT NULL REFERENCES stories(id),
		entry_id BIGINT REFERENCES entries(id),
		source_id BIGINT NOT NULL REFERENCES sources(id),
		text TEXT NOT NULL,
		quote TEXT NOT NULL DEFAULT '',
		verb TEXT NOT NULL DEFAULT '',
		direct BOOLEAN NOT NULL DEFAULT false,
		channel TEXT NOT NULL DEFAULT '',
		via TEXT NOT NULL DEFAULT '',
		made_at TIMESTAMPTZ,
		reported_at TIMESTAMPTZ NOT NULL,
		reported_url TEXT NOT NULL DEFAULT '',
		verifiability TEXT NOT NULL DEFAULT 'unknown',
		verifiability_reason TEXT NOT NULL DEFAULT '',
		verdict TEXT NOT NULL DEFAULT 'unreviewed',
		unconfirmed BOOLEAN NOT NULL DEFAULT true CHECK (unconfirmed = (verdict IN ('unreviewed','in_review','unverified','disputed'))),
		verdict_rationale TEXT NOT NULL DEFAULT '',
		verdict_by_id BIGINT REFERENCES users(id),
		verdict_at TIMESTAMPTZ,
		signed_off_by_id BIGINT REFERENCES users(id),
		signed_off_at TIMESTAMPTZ,
		assignee_id BIGINT REFERENCES users(id),
		content_hash TEXT NOT NULL DEFAULT '',
		version BIGINT NOT NULL DEFAULT 1,
		created_by_id BIGINT REFERENCES users(id),
		updated_by_id BIGINT REFERENCES users(id),
		created_at TIMESTAMPTZ NOT NULL,
		updated_at TIMESTAMPTZ NOT NULL)`,
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
		id BIGSERIAL PRIMARY KEY,
		from_claim_id BIGINT NOT NULL REFERENCES claims(id),
		to_claim_id BIGINT NOT NULL REFERENCES claims(id),
		kind TEXT NOT NULL CHECK (kind IN ('contradicts','corroborates','duplicate_of')),
		note TEXT NOT NULL DEFAULT '',
		created_by_id BIGINT REFERENCES users(id),
		created_at TIMESTAMPTZ NOT NULL,
		UNIQUE (from_claim_id, to_claim_id, kind))`,
	`CREATE INDEX claim_links_to ON claim_links(to_claim_id)`,
	`CREATE TABLE files (
		sha256 TEXT PRIMARY KEY,
		size BIGINT NOT NULL,
		content_type TEXT NOT NULL,
		data BYTEA NOT NULL,
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE TABLE evidence (
		id BIGSERIAL PRIMARY KEY,
		claim_id BIGINT NOT NULL REFERENCES claims(id),
		kind TEXT NOT NULL,
		stance TEXT NOT NULL CHECK (stance IN ('supports','refutes','context')),
		url TEXT NOT NULL DEFAULT '',
		title TEXT NOT NULL DEFAULT '',
		note TEXT NOT NULL DEFAULT '',
		origin TEXT NOT NULL DEFAULT '',
		file_sha256 TEXT REFERENCES files(sha256),
		file_name TEXT NOT NULL DEFAULT '',
		file_size BIGINT NOT NULL DEFAULT 0,
		file_type TEXT NOT NULL DEFAULT '',
		added_by_id BIGINT REFERENCES users(id),
		created_at TIMESTAMPTZ NOT NULL,
		removed_at TIMESTAMPTZ,
		removed_by_id BIGINT REFERENCES users(id),
		removed_reason TEXT NOT NULL DEFAULT '')`,
	`CREATE INDEX evidence_claim ON evidence(claim_id)`,
	`CREATE TABLE activities (
		id BIGSERIAL PRIMARY KEY,
		claim_id BIGINT NOT NULL REFERENCES claims(id),
		actor_id BIGINT REFERENCES users(id),
		action TEXT NOT NULL,
		from_value TEXT NOT NULL DEFAULT '',
		to_value TEXT NOT NULL DEFAULT '',
		text TEXT NOT NULL DEFAULT '',
		details TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX activities_claim ON activities(claim_id, id)`,
	// One guard function for every append-only table; the trigger passes the
	// message. TRUNCATE is refused too, which SQLite has no equivalent of.
	`CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		RAISE EXCEPTION '%', TG_ARGV[0];
	END $$`,
	`CREATE TRIGGER activities_no_update BEFORE UPDATE ON activities
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the activity log is append-only')`,
	`CREATE TRIGGER activities_no_delete BEFORE DELETE ON activities
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the activity log is append-only')`,
	`CREATE TRIGGER activities_no_truncate BEFORE TRUNCATE ON activities
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the activity log is append-only')`,
	`CREATE TRIGGER claims_no_delete BEFORE DELETE ON claims
		FOR EACH ROW EXECUTE FUNCTION refuse_change('claims are never deleted')`,
	`CREATE TRIGGER claims_no_truncate BEFORE TRUNCATE ON claims
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('claims are never deleted')`,
	`CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
		FOR EACH ROW EXECUTE FUNCTION refuse_change('evidence is never deleted')`,
	`CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON evidence
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('evidence is never deleted')`,
	`CREATE TABLE sessions (
		token_hash TEXT PRIMARY KEY,
		user_id BIGINT NOT NULL REFERENCES users(id),
		csrf TEXT NOT NULL,
		created_at TIMESTAMPTZ NOT NULL,
		expires_at TIMESTAMPTZ NOT NULL)`,
	`CREATE INDEX sessions_expires ON sessions(expires_at)`,
	`CREATE TABLE audit_log (
		id BIGSERIAL PRIMARY KEY,
		user_id BIGINT REFERENCES users(id),
		email TEXT NOT NULL DEFAULT '',
		action TEXT NOT NULL,
		detail TEXT NOT NULL DEFAULT '',
		remote TEXT NOT NULL DEFAULT '',
		created_at TIMESTAMPTZ NOT NULL)`,
	`CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only')`,
	`CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION refuse_change('the audit log is append-only')`,
	`CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log
		FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit log is append-only')`,
	// The search index: claim text, quote, and the claimant's name and
	// aliases, kept in step by triggers in the same transaction as the write.
	`CREATE TABLE claim_search (
		docid BIGINT PRIMARY KEY REFERENCES claims(id),
		doc TSVECTOR NOT NULL)`,
	`CREATE INDEX claim_search_doc ON claim_search USING GIN (doc)`,
	`CREATE FUNCTION claim_search_doc(p_text TEXT, p_quote TEXT, p_source BIGINT) RETURNS tsvector
		LANGUAGE sql STABLE AS $$
		SELECT to_tsvector('claimdesk_search', p_text || ' ' || p_quote || ' ' || s.name || ' ' ||
			COALESCE((SELECT string_agg(alias, ' ') FROM source_aliases WHERE source_id = s.id), ''))
		FROM sources s WHERE s.id = p_source
	$$`,
	`CREATE FUNCTION claims_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		INSERT INTO claim_search(docid, doc) VALUES (NEW.id, claim_search_doc(NEW.text, NEW.quote, NEW.source_id))
		ON CONFLICT (docid) DO UPDATE SET doc = EXCLUDED.doc;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER claims_search_ins AFTER INSERT ON claims
		FOR EACH ROW EXECUTE FUNCTION claims_search_sync()`,
	`CREATE TRIGGER claims_search_upd AFTER UPDATE OF text, quote, source_id ON claims
		FOR EACH ROW EXECUTE FUNCTION claims_search_sync()`,
	// A source renamed, or an alias added or removed: every claim of that
	// source is indexed again with the new names.
	`CREATE FUNCTION source_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
	DECLARE
		sid BIGINT;
	BEGIN
		IF TG_TABLE_NAME = 'sources' THEN
			sid := NEW.id;
		ELSIF TG_OP = 'DELETE' THEN
			sid := OLD.source_id;
		ELSE
			sid := NEW.source_id;
		END IF;
		UPDATE claim_search SET doc = claim_search_doc(c.text, c.quote, c.source_id)
			FROM claims c WHERE c.id = claim_search.docid AND c.source_id = sid;
		RETURN NULL;
	END $$`,
	`CREATE TRIGGER sources_search_upd AFTER UPDATE OF name ON sources
		FOR EACH ROW EXECUTE FUNCTION source_search_sync()`,
	`CREATE TRIGGER source_aliases_search_ins AFTER INSERT ON source_aliases
		FOR EACH ROW EXECUTE FUNCTION source_search_sync()`,
	`CREATE TRIGGER source_aliases_search_del AFTER DELETE ON source_aliases
		FOR EACH ROW EXECUTE FUNCTION source_search_sync()`,
}
