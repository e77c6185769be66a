package models

// schemaV6 gives API tokens an optional expiry (NULL: the token lasts until
// it is revoked) and lets a user's tokens be listed without a full scan.
var schemaV6 = []string{
	`ALTER TABLE api_tokens ADD COLUMN expires_at DATETIME`,
	`CREATE INDEX api_tokens_user ON api_tokens(user_id, id)`,
}

// pgSchemaV6 is schemaV6 for PostgreSQL.
var pgSchemaV6 = []string{
	`ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMPTZ`,
	`CREATE INDEX api_tokens_user ON api_tokens(user_id, id)`,
}
