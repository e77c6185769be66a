package models

import (
	"claimdesk/models/dbtest"
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

// A backup taken while writers are busy is a consistent database that holds
// at least every claim committed before it started.
func TestBackupWhileWriting(t *testing.T) {
	dbtest.SkipOnPostgres(t, "backup copies the SQLite file; PostgreSQL is backed up with pg_dump")
	f := newFixture(t)
	ctx := context.Background()
	for i := 0; i < 50; i++ {
		f.claim(t, fmt.Sprintf("before backup %d", i))
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var written atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				f.claim(t, fmt.Sprintf("during backup %d/%d", w, i))
				written.Add(1)
			}
		}(w)
	}
	dest := filepath.Join(t.TempDir(), "backups", "nightly", "backup.db") // folders are created
	err := f.s.Backup(ctx, dest)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.Backup(ctx, dest); err == nil {
		t.Fatal("a second backup overwrote the first")
	}
	b, err := Open(Config{Path: dest})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Claims(ctx, ClaimFilter{Query: "before backup", PerPage: 200})
	if err != nil || p.Total != 50 {
		t.Fatalf("restored copy: %v, %d claims from before the backup", err, p.Total)
	}
	all, _ := b.Claims(ctx, ClaimFilter{})
	var acts int64
	b.r.Table("activities").Count(&acts)
	if acts != all.Total {
		t.Fatalf("restored copy has %d claims but %d activity rows: not one snapshot", all.Total, acts)
	}
	t.Logf("backup taken while %d claims were written concurrently; copy holds %d", written.Load(), all.Total)
}
