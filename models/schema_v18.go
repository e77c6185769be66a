package models

// schemaV18 lets a page of one story's or one source's claims with one
// verdict come straight from an index in the desk's default order, newest
// reported first: the older (story, verdict) and (source, verdict) indexes
// count such views but cannot order them, so their first page walked the
// whole desk's reported-time index, some four thousand claims at a million
// to find fifty verified ones in a story (see directIndex).
var schemaV18 = []string{
	`CREATE INDEX claims_story_verdict_reported ON claims(story_id, verdict, reported_at)`,
	`CREATE INDEX claims_source_verdict_reported ON claims(source_id, verdict, reported_at)`,
}

// pgSchemaV18 is schemaV18 for PostgreSQL: the same statements.
var pgSchemaV18 = schemaV18
