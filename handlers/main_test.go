package handlers

import (
	"os"
	"testing"

	"claimdesk/models"
	"claimdesk/models/dbtest"
)

// TestMain migrates one template database for the package's tests, which
// dbtest.Target then copies for each test (see dbtest.Main), and closes the
// shared browser of the browser tests if one was started.
func TestMain(m *testing.M) {
	code := dbtest.Main(m, migrateTemplate)
	chromiumForTests.stop()
	os.Exit(code)
}

// migrateTemplate brings a fresh database to the current schema by opening
// it as Claimdesk does.
func migrateTemplate(path, dbURL string) error {
	st, err := models.Open(models.Config{Path: path, DatabaseURL: dbURL})
	if err != nil {
		return err
	}
	return st.Close()
}
