package models

// schemaV3 lets a story's claims be listed by last change without sorting
// them all (the desk's "recently updated" view of a big live blog).
var schemaV3 = []string{
	`CREATE INDEX claims_story_updated ON claims(story_id, updated_at)`,
}
