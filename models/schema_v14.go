package models

// schemaV14 keeps, for each candidate, the extractor's rule that proposed it
// (liveblog.Candidate.Rule), so the inbox says why a claim is there as the
// import preview does. Candidates stored before have none and the inbox falls
// back to naming the kind of attribution from the verb, quotation and channel.
var schemaV14 = []string{
	`ALTER TABLE candidates ADD COLUMN rule TEXT NOT NULL DEFAULT ''`,
}

// pgSchemaV14 is schemaV14 for PostgreSQL: the same statement.
var pgSchemaV14 = schemaV14
