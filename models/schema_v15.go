package models

// schemaV15 orders the sign-off queue by when each final verdict was given,
// the one that has waited longest first (sort=verdict_at): an index on the
// verdict's time, so that the queue's first page and its export walk it in
// order instead of sorting every verdict that waits.
var schemaV15 = []string{
	`CREATE INDEX claims_verdict_at ON claims(verdict_at, id)`,
}

// pgSchemaV15 is schemaV15 for PostgreSQL: the same statement.
var pgSchemaV15 = schemaV15
