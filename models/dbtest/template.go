package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// envTemplate carries the template database that Main made to Target: a
// SQLite file's path, or a PostgreSQL database's name. It lives in the
// process's environment, where the rest of the test configuration is read
// from too, rather than in a package variable.
const envTemplate = "CLAIMDESK_TEST_TEMPLATE"

// Main runs a test binary's tests (call it from TestMain, as
// os.Exit(dbtest.Main(m, build))) so that each test's database starts as a
// copy of a template instead of empty: build brings the template, at path
// (SQLite) or dbURL (PostgreSQL), to the current schema once, by opening it
// as the application does, which runs every migration step; Target then
// copies the file, or creates the test's PostgreSQL database with the
// template as its TEMPLATE. Running the migrations once per test binary
// rather than once per test saves most of the cost of a fresh database while
// each test still has its own. Main drops the template afterwards and
// returns m.Run's exit code.
func Main(m *testing.M, build func(path, dbURL string) error) int {
	drop, err := makeTemplate(build)
	if err != nil {
		fmt.Fprintln(os.Stderr, "test database template:", err)
		return 1
	}
	code := m.Run()
	if err := drop(); err != nil {
		fmt.Fprintln(os.Stderr, "drop the test database template:", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

// makeTemplate builds the template, names it in the environment for Target,
// and returns how to remove it.
func makeTemplate(build func(path, dbURL string) error) (drop func() error, err error) {
	admin := os.Getenv(EnvURL)
	if admin == "" {
		dir, err := os.MkdirTemp("", "claimdesk-template")
		if err != nil {
			return nil, err
		}
		path := filepath.Join(dir, "template.db")
		if err := build(path, ""); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
		os.Setenv(envTemplate, path)
		return func() error { os.Unsetenv(envTemplate); return os.RemoveAll(dir) }, nil
	}
	name := randomName("claimdesk_template_")
	if err := createDatabase(admin, name, ""); err != nil {
		return nil, err
	}
	if err := build("", databaseURL(admin, name)); err != nil {
		return nil, fmt.Errorf("%w (dropping the template: %v)", err, dropDatabase(admin, name))
	}
	os.Setenv(envTemplate, name)
	return func() error { os.Unsetenv(envTemplate); return dropDatabase(admin, name) }, nil
}

// copyTemplate gives path a copy of the SQLite template, if Main made one.
// The template was closed cleanly, so its file holds the whole database (no
// write-ahead log beside it).
func copyTemplate(path string) error {
	tpl := os.Getenv(envTemplate)
	if tpl == "" || Postgres() {
		return nil
	}
	src, err := os.Open(tpl)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// pgTemplate is the PostgreSQL template Main made, or "" for none.
func pgTemplate() string {
	if !Postgres() {
		return ""
	}
	return os.Getenv(envTemplate)
}

// createDatabase creates database name on the server at admin: a copy of
// template, or, when template is "", an empty UTF-8 one.
func createDatabase(admin, name, template string) error {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return fmt.Errorf("connect to PostgreSQL: %w", err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// template0 and an explicit UTF-8 locale: the server's own default may
	// be SQL_ASCII, under which search would split words at every accent.
	// A copy of a template keeps the template's (the same) settings.
	stmt := "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
	if template != "" {
		stmt = "CREATE DATABASE " + name + " TEMPLATE " + template
	}
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("create test database: %w", err)
	}
	return nil
}

// dropDatabase drops database name on the server at admin, ending the
// connections to it that are still open first.
func dropDatabase(admin, name string) error {
	db, err := sql.Open("pgx", admin)
	if err != nil {
		return fmt.Errorf("connect to PostgreSQL: %w", err)
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
			return nil
		}
		if try == 5 {
			return fmt.Errorf("drop test database: %w", err)
		}
		time.Sleep(time.Second)
	}
}

// databaseURL is the server URL admin with its database replaced by name.
func databaseURL(admin, name string) string {
	u, err := url.Parse(admin)
	if err != nil {
		return admin
	}
	u.Path = "/" + name
	return u.String()
}
