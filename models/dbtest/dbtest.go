// Package dbtest gives every test a database of its own, so the whole test
// suite runs unchanged against either database Claimdesk supports: a SQLite
// file in the test's temporary folder (the default), or, when
// CLAIMDESK_TEST_DATABASE_URL names a PostgreSQL server, a fresh database on
// that server, dropped when the test ends.
package dbtest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	// The pgx driver for database/sql, to create and drop test databases.
	_ "github.com/jackc/pgx/v5/stdlib"
)

// EnvURL names the variable that selects PostgreSQL for the tests. It points
// at a server and a role allowed to create databases; the database it names
// is only used to connect.
const EnvURL = "CLAIMDESK_TEST_DATABASE_URL"

// Postgres reports whether this test run uses PostgreSQL.
func Postgres() bool { return os.Getenv(EnvURL) != "" }

// SkipOnPostgres skips a test of something only SQLite has (its file, its
// query planner, its bulk loader), saying why.
func SkipOnPostgres(t testing.TB, why string) {
	t.Helper()
	if Postgres() {
		t.Skip("SQLite only: " + why)
	}
}

// Target returns where the test's database lives: a SQLite file path, or a
// PostgreSQL URL (then path is ""). Exactly one of the two is set. Under
// Main the database is a copy of the migrated template; otherwise it is
// empty, and opening it runs the migrations.
func Target(t testing.TB) (path, dbURL string) {
	t.Helper()
	admin := os.Getenv(EnvURL)
	if admin == "" {
		path := filepath.Join(t.TempDir(), "test.db")
		if err := copyTemplate(path); err != nil {
			t.Fatalf("copy the test database template: %v", err)
		}
		return path, ""
	}
	return "", newPostgresFrom(t, admin, pgTemplate())
}

// NewPostgres creates an empty UTF-8 database on the server at admin and
// returns its URL; the database is dropped when the test ends.
func NewPostgres(t testing.TB, admin string) string {
	t.Helper()
	return newPostgresFrom(t, admin, "")
}

// newPostgresFrom is NewPostgres making a copy of template ("" for an empty
// database).
func newPostgresFrom(t testing.TB, admin, template string) string {
	t.Helper()
	if _, err := url.Parse(admin); err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	name := randomName("claimdesk_test_")
	if err := createDatabase(admin, name, template); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := dropDatabase(admin, name); err != nil {
			t.Error(err)
		}
	})
	return databaseURL(admin, name)
}

// randomName is prefix with random hex digits after it, a name no other
// test (in this process or another) is using.
func randomName(prefix string) string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return prefix + hex.EncodeToString(b[:])
}

// DB is Target as one string, for the command line's --db, which takes a
// file or a postgres:// URL.
func DB(t testing.TB) string {
	t.Helper()
	path, dbURL := Target(t)
	if dbURL != "" {
		return dbURL
	}
	return path
}
