package models

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-sqlite3"

	"claimdesk/models/dbtest"
)

func TestStorageErrorsAreRecognised(t *testing.T) {
	for _, tc := range []struct {
		err  error
		kind string
	}{
		{sqlite3.Error{Code: sqlite3.ErrFull}, StorageFull},
		{fmt.Errorf("commit: %w", sqlite3.Error{Code: sqlite3.ErrReadonly}), StorageReadOnly},
		{sqlite3.Error{Code: sqlite3.ErrIoErr}, StorageFailing},
		{&pgconn.PgError{Code: "53100"}, StorageFull},
		{&pgconn.PgError{Code: "25006"}, StorageReadOnly},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, StorageFull},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, StorageReadOnly},
		{sqlite3.Error{Code: sqlite3.ErrConstraint}, ""},
		{&pgconn.PgError{Code: "23505"}, ""},
		{errors.New("something else"), ""},
	} {
		err := storageError(tc.err)
		var se *StorageError
		if got := errors.As(err, &se); got != (tc.kind != "") || (got && se.Kind != tc.kind) {
			t.Errorf("%v: %v, want kind %q", tc.err, err, tc.kind)
		}
	}
}

// storageDrill is a way of making the real SQLite writer connection refuse
// writes, and of undoing it, while the store keeps running.
type storageDrill struct {
	name, kind  string
	break_, fix string
}

// On the store's own writer connection: max_page_count stops the database
// file from growing (SQLite then reports SQLITE_FULL, exactly as for a full
// disk), query_only makes it refuse every write (SQLITE_READONLY, as for a
// read-only file). The store is not told; it must find out from the errors.
var storageDrills = []storageDrill{
	{"full", StorageFull, "PRAGMA max_page_count = %d", "PRAGMA max_page_count = 1073741823"},
	{"read-only", StorageReadOnly, "PRAGMA query_only = 1", "PRAGMA query_only = 0"},
}

func TestWritesRefusedWhileStorageCannotTakeThem(t *testing.T) {
	dbtest.SkipOnPostgres(t, "drives SQLite's writer connection directly")
	for _, d := range storageDrills {
		t.Run(d.name, func(t *testing.T) {
			f := newFixture(t)
			ctx := context.Background()
			var acked []int64
			create := func(i int) error {
				text := fmt.Sprintf("claim %d: %s", i, bytes.Repeat([]byte("x"), 3000))
				c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text})
				if err == nil {
					acked = append(acked, c.ID)
				}
				return err
			}
			for i := range 5 {
				if err := create(i); err != nil {
					t.Fatal(err)
				}
			}
			var pages int
			if err := f.s.w.Raw("PRAGMA page_count").Scan(&pages).Error; err != nil {
				t.Fatal(err)
			}
			brk := d.break_
			if d.kind == StorageFull {
				brk = fmt.Sprintf(d.break_, pages)
			}
			if err := f.s.w.Exec(brk).Error; err != nil {
				t.Fatal(err)
			}
			refused := 0
			for i := 5; i < 40; i++ {
				err := create(i)
				var se *StorageError
				switch {
				case err == nil:
				case errors.As(err, &se) && se.Kind == d.kind:
					refused++
				default:
					t.Fatalf("write %d: %v (%T), want a %s StorageError", i, err, err, d.kind)
				}
			}
			// An upload that cannot be stored leaves nothing behind.
			_, err := f.s.AddEvidence(ctx, f.fc, acked[0], EvidenceInput{Kind: "document", Stance: "supports",
				File: bytes.NewReader(bytes.Repeat([]byte("%PDF-1.4 "), 20000)), FileName: "report.pdf"})
			var se *StorageError
			if !errors.As(err, &se) {
				t.Fatalf("upload: %v", err)
			}
			if refused == 0 {
				t.Fatal("no write was refused")
			}
			// Reads go on.
			page, err := f.s.Claims(ctx, ClaimFilter{PerPage: 100})
			if err != nil || page.Total != int64(len(acked)) {
				t.Fatalf("reading while writes are refused: %v, %d claims, want %d", err, page.Total, len(acked))
			}
			// Writes work again once the storage does, without reopening.
			if err := f.s.w.Exec(d.fix).Error; err != nil {
				t.Fatal(err)
			}
			if err := create(99); err != nil {
				t.Fatalf("write after the storage recovered: %v", err)
			}
			evs, err := f.s.ClaimEvidence(ctx, acked[0])
			if err != nil || len(evs) != 0 {
				t.Fatalf("the refused upload left %d evidence items (%v)", len(evs), err)
			}
			var files int64
			if err := f.s.r.Raw("SELECT COUNT(*) FROM files").Scan(&files).Error; err != nil || files != 0 {
				t.Fatalf("the refused upload left %d stored files (%v)", files, err)
			}
			for _, id := range acked {
				if _, err := f.s.Claim(ctx, id); err != nil {
					t.Fatalf("acknowledged claim %d: %v", id, err)
				}
			}
			var ic string
			if err := f.s.w.Raw("PRAGMA integrity_check").Scan(&ic).Error; err != nil || ic != "ok" {
				t.Fatalf("integrity_check: %q %v", ic, err)
			}
		})
	}
}
