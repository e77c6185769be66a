package models

// schemaV2 adds composite indexes so that every desk filter combined with the
// default sort walks an index in order, and the common counts are answered
// from an index without touching the table.
var schemaV2 = []string{
	`CREATE INDEX claims_story_unconfirmed ON claims(story_id, unconfirmed, reported_at)`,
	`CREATE INDEX claims_source_unconfirmed ON claims(source_id, unconfirmed, reported_at)`,
	`CREATE INDEX claims_assignee_unconfirmed ON claims(assignee_id, unconfirmed, reported_at)`,
	`CREATE INDEX claims_verifiability_unconfirmed ON claims(verifiability, unconfirmed, reported_at)`,
	`CREATE INDEX claims_unconfirmed_updated ON claims(unconfirmed, updated_at)`,
	`CREATE INDEX claims_story_verdict ON claims(story_id, verdict)`,
	`CREATE INDEX claims_source_verdict ON claims(source_id, verdict)`,
}
