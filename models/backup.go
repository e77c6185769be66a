package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database to dest while the app keeps
// serving: VACUUM INTO reads one snapshot (WAL readers never block the writer)
// and writes a compact database file. The copy is then checked with
// PRAGMA integrity_check. dest must not exist yet, so a backup never
// overwrites an earlier one.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if dest == "" {
		return errors.New("backup: no destination file")
	}
	if s.d.pg {
		return errors.New("backup: on PostgreSQL use pg_dump")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if src, err := filepath.Abs(s.path); err == nil && src == abs {
		return errors.New("backup: the destination is the database itself")
	}
	if _, err := os.Stat(abs); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file name", dest)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	// A connection of its own: the read pool is query-only, and VACUUM INTO
	// counts as a write for that setting even though it only reads this file.
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(s.path)+"?_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", abs); err != nil {
		os.Remove(abs)
		return fmt.Errorf("backup: %w", err)
	}
	if err := CheckIntegrity(ctx, abs); err != nil {
		return fmt.Errorf("backup written to %s but it failed the integrity check: %w", dest, err)
	}
	return nil
}

// CheckIntegrity opens a database file read-only and runs SQLite's full
// integrity check; restore steps and tests use it.
func CheckIntegrity(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var res string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	return nil
}
