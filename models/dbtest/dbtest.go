// Package dbtest gives every test a database of its own, so the whole test
// suite runs unchanged against either database Claimdesk supports: a SQLite
// file in the test's temporary folder (the default), or, when
// CLAIMDESK_TEST_DATABASE_URL names a PostgreSQL server, a fresh database on
// that server, dropped when the test ends.
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

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
// PostgreSQL URL (then path is ""). Exactly one of the two is set.
func Target(t testing.TB) (path, dbURL string) {
	t.Helper()
	admin := os.Getenv(EnvURL)
	if admin == "" {
		return filepath.Join(t.TempDir(), "test.db"), ""
	}
	return "", NewPostgres(t, admin)
}

// NewPostgres creates an empty UTF-8 database on the server at admin and
// returns its URL; the database is dropped when the test ends.
func NewPostgres(t testing.TB, admin string) string {
	t.Helper()
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatalf("%s: %v", EnvURL, err)
	}
	db, err := sql.Open("pgx", admin)
	if err != nil {
		t.Fatalf("connect to PostgreSQL: %v", err)
	}
	defer db.Close()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "claimdesk_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// template0 and an explicit UTF-8 locale: the server's own default may
	// be SQL_ASCII, under which search would split words at every accent.
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", admin)
		if err != nil {
			t.Errorf("connect to PostgreSQL: %v", err)
			return
		}
		defer db.Close()
		// The test's own connections that are still open are ended first.
		// DROP DATABASE ... WITH (FORCE) would end them too, but fails
		// outright on an autovacuum worker in the database (the server's,
		// which this role may not end), while a plain DROP DATABASE stops
		// such a worker itself. An ended connection takes a moment to go.
		for try := 1; ; try++ {
			_, err := db.Exec(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
				WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`, name)
			if err == nil {
				_, err = db.Exec("DROP DATABASE IF EXISTS " + name)
			}
			if err == nil {
				return
			}
			if try == 5 {
				t.Errorf("drop test database: %v", err)
				return
			}
			time.Sleep(time.Second)
		}
	})
	u.Path = "/" + name
	return u.String()
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
