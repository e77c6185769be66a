package models

import (
	"fmt"

	"gorm.io/gorm"
)

// migration is one versioned step of the schema. Steps are never edited once
// released: a change to the schema is a new step at the end of the list.
type migration struct {
	version int
	name    string
	sql     []string
	// pg is the same step for PostgreSQL: the same tables, columns, indexes
	// and guards in its own syntax (see schema_postgres.go).
	pg []string
}

// migrations lists every schema step in order; the schema version of a database
// is the version of the last step applied to it.
var migrations = []migration{
	{1, "initial schema", schemaV1, pgSchemaV1},
	{2, "indexes for desk filters", schemaV2, schemaV2},
	{3, "story claims by last change", schemaV3, schemaV3},
	{4, "search index newest first", schemaV4(), nil},
	{5, "sign-in failures by email and address", schemaV5, schemaV5},
	{6, "API token expiry", schemaV6, pgSchemaV6},
	{7, "events for the live desk", schemaV7, pgSchemaV7},
	{8, "captured copies of evidence pages", schemaV8, pgSchemaV8},
	{9, "close matches between claims", schemaV9, pgSchemaV9},
	{10, "desk workspace: withdrawn claims, tags, saved views, mentions, import reviews, imported times", append(schemaV10, reportedRepair...), append(pgSchemaV10, pgReportedRepair...)},
	{12, "followed live blogs and the candidate inbox", schemaV12, pgSchemaV12},
	{13, "corrections, webhooks and the public feed", schemaV13, pgSchemaV13},
	{14, "the extractor's rule of each candidate", schemaV14, pgSchemaV14},
	{15, "the sign-off queue by when each verdict was given", schemaV15, pgSchemaV15},
	{16, "search inside a story, source or verdict", schemaV16(), nil},
	{17, "exact counts per verdict, verifiability, assignee, sign-off and day", schemaV17, pgSchemaV17},
	{18, "one story's or source's claims of one verdict in reported order", schemaV18, pgSchemaV18},
	{19, "the list's orders with the filter columns beside them", schemaV19, pgSchemaV19},
	{20, "search inside a date range or the sign-off queue", schemaV20(), nil},
	{21, "where a date range starts in each order; a story's and an assignee's claims by entry and by change", schemaV21, pgSchemaV21},
	{22, "search inside two broad filters; each claim's verdict by id", schemaV22(), nil},
}

// SchemaVersion is the schema this binary writes and understands.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// ErrSchemaTooNew is returned by Open for a database written by a newer Claimdesk.
type ErrSchemaTooNew struct{ Have, Know int }

// Error tells the operator to upgrade rather than risk the newer data.
func (e ErrSchemaTooNew) Error() string {
	return fmt.Sprintf("database schema version %d is newer than this Claimdesk understands (%d); upgrade Claimdesk", e.Have, e.Know)
}

// migrate applies the pending steps, all of them in one transaction, so a failed
// step leaves the database exactly as it was.
func migrate(db *gorm.DB) error {
	d := dialectOf(db)
	return db.Transaction(func(tx *gorm.DB) error {
		stamp := "DATETIME"
		if d.pg {
			// Several Claimdesk processes may start at once on one
			// PostgreSQL: the first to take this lock migrates, the others
			// then find nothing left to do.
			if err := tx.Exec(`SELECT pg_advisory_xact_lock(7426117)`).Error; err != nil {
				return fmt.Errorf("lock for migrations: %w", err)
			}
			stamp = "TIMESTAMPTZ"
		}
		if err := tx.Exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY,
			name TEXT NOT NULL,
			applied_at ` + stamp + ` NOT NULL DEFAULT CURRENT_TIMESTAMP)`).Error; err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var have int
		if err := tx.Raw(`SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have).Error; err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if have > SchemaVersion() {
			return ErrSchemaTooNew{Have: have, Know: SchemaVersion()}
		}
		// Steps are numbered by feature, so a step may join the list below
		// one a database already has: every step not yet recorded runs,
		// not only those above the highest.
		var applied []int
		if err := tx.Raw(`SELECT version FROM schema_migrations`).Scan(&applied).Error; err != nil {
			return fmt.Errorf("read applied migrations: %w", err)
		}
		done := map[int]bool{}
		for _, v := range applied {
			done[v] = true
		}
		for _, m := range migrations {
			if done[m.version] {
				continue
			}
			steps := m.sql
			if d.pg {
				steps = m.pg
			}
			for _, stmt := range steps {
				if err := tx.Exec(stmt).Error; err != nil {
					return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
				}
			}
			if err := tx.Exec(`INSERT INTO schema_migrations(version, name) VALUES (?, ?)`, m.version, m.name).Error; err != nil {
				return fmt.Errorf("record migration %d: %w", m.version, err)
			}
		}
		return nil
	})
}
