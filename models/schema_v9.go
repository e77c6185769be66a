package models

// schemaV9 keeps, for each claim entered through the desk, the API or an
// import, the claims it was a close match for when it came in (see
// recordMatches): the desk's "unlinked close match" filter reads it. The
// pair is stored once, from the newer claim's side; the filter looks both ways.
var schemaV9 = []string{
	`CREATE TABLE claim_matches (
		claim_id INTEGER NOT NULL REFERENCES claims(id),
		match_id INTEGER NOT NULL REFERENCES claims(id),
		score REAL NOT NULL,
		PRIMARY KEY (claim_id, match_id))`,
	`CREATE INDEX claim_matches_match ON claim_matches(match_id)`,
}

// pgSchemaV9 is schemaV9 in PostgreSQL's types.
var pgSchemaV9 = []string{
	`CREATE TABLE claim_matches (
		claim_id BIGINT NOT NULL REFERENCES claims(id),
		match_id BIGINT NOT NULL REFERENCES claims(id),
		score DOUBLE PRECISION NOT NULL,
		PRIMARY KEY (claim_id, match_id))`,
	`CREATE INDEX claim_matches_match ON claim_matches(match_id)`,
}
