package models

import (
	"errors"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"
)

// StorageError is a write refused because the database's storage cannot take
// it: the disk is full, the database has become read-only, or the disk fails.
// Nothing of the write was kept (the transaction rolled back), reads go on
// working, and the same write succeeds once the storage is writable again,
// without a restart. The HTTP layer answers it with 503.
type StorageError struct {
	// Kind is StorageFull, StorageReadOnly or StorageFailing.
	Kind string
	Err  error
}

// The kinds of StorageError.
const (
	StorageFull     = "storage full"
	StorageReadOnly = "storage read-only"
	StorageFailing  = "storage error"
)

// Error says what happened and that nothing was saved, for the person
// whose write it was.
func (e *StorageError) Error() string {
	switch e.Kind {
	case StorageFull:
		return "storage full: the disk that holds the database is full, so nothing was saved. Reading still works; try again once space has been freed."
	case StorageReadOnly:
		return "storage read-only: the database cannot be written at the moment, so nothing was saved. Reading still works; try again once it is writable."
	}
	return "storage error: the database's disk could not be written, so nothing was saved. Reading still works; try again later."
}

// Unwrap gives the database's own error, for logs.
func (e *StorageError) Unwrap() error { return e.Err }

// storageError turns a database error that means the storage cannot take
// writes into a StorageError; any other error is returned as it is.
func storageError(err error) error {
	if err == nil {
		return nil
	}
	var se *StorageError
	if errors.As(err, &se) {
		return err
	}
	if kind := storageKind(err); kind != "" {
		return &StorageError{Kind: kind, Err: err}
	}
	return err
}

// storageKind classifies err: SQLite's result codes, PostgreSQL's error
// classes, and the operating system's own errors; "" when it is none of them.
func storageKind(err error) string {
	var le sqlite3.Error
	if errors.As(err, &le) {
		switch le.Code {
		case sqlite3.ErrFull:
			return StorageFull
		case sqlite3.ErrReadonly:
			return StorageReadOnly
		case sqlite3.ErrIoErr:
			return StorageFailing
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "53100": // disk_full
			return StorageFull
		case "25006": // read_only_sql_transaction: a standby, or the database set read-only
			return StorageReadOnly
		case "58030": // io_error
			return StorageFailing
		}
	}
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return StorageFull
	case errors.Is(err, syscall.EROFS):
		return StorageReadOnly
	case errors.Is(err, syscall.EIO):
		return StorageFailing
	}
	return ""
}
