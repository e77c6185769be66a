package models

import (
	"os"
	"testing"

	"claimdesk/models/dbtest"
)

// TestMain migrates one template database for the package's tests, which
// dbtest.Target then copies for each test (see dbtest.Main).
func TestMain(m *testing.M) {
	os.Exit(dbtest.Main(m, migrateTemplate))
}

// migrateTemplate brings a fresh database to the current schema by opening
// it as Claimdesk does.
func migrateTemplate(path, dbURL string) error {
	s, err := Open(Config{Path: path, DatabaseURL: dbURL})
	if err != nil {
		return err
	}
	return s.Close()
}
