package models

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"claimdesk/models/dbtest"
)

// A kept read is reused until the next commit of this process, and a
// commit's writer hears of it only after the reads from before are dropped.
func TestCachedReadUntilCommit(t *testing.T) {
	dbtest.SkipOnPostgres(t, "reads are not reused on PostgreSQL yet")
	f := newFixture(t)
	ctx := context.Background()
	claim := f.claim(t, "Two women were killed")
	var reads atomic.Int64
	read := func(context.Context) ([]byte, error) { return []byte{byte(reads.Add(1))}, nil }
	get := func() byte {
		t.Helper()
		b, err := f.s.CachedRead(ctx, "k", read)
		if err != nil {
			t.Fatal(err)
		}
		return b[0]
	}
	if a, b := get(), get(); a != 1 || b != 1 {
		t.Fatalf("second read not reused: %d %d", a, b)
	}
	if _, err := f.s.AddNote(ctx, f.fc, claim.ID, "called the governor's office"); err != nil {
		t.Fatal(err)
	}
	if got := get(); got != 2 {
		t.Fatalf("after a commit got read %d, want a new read (2)", got)
	}
	if other, _ := f.s.CachedRead(ctx, "other key", read); other[0] != 3 {
		t.Fatalf("another key got read %d, want its own (3)", other[0])
	}
}

// With Config.NoReuse every read is made afresh, even with no commit
// between two.
func TestCachedReadOff(t *testing.T) {
	cfg := testConfig(t)
	cfg.NoReuse = true
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var reads atomic.Int64
	read := func(context.Context) ([]byte, error) { return []byte{byte(reads.Add(1))}, nil }
	for want := byte(1); want <= 3; want++ {
		b, err := s.CachedRead(context.Background(), "k", read)
		if err != nil || b[0] != want {
			t.Fatalf("read %d: got %v %v, want a new read", want, b, err)
		}
	}
}

// A kept read is not reused past ReuseMaxAge, so that writes by other
// processes, which bump nothing here, show up within it.
func TestCachedReadAgeBound(t *testing.T) {
	dbtest.SkipOnPostgres(t, "reads are not reused on PostgreSQL yet")
	f := newFixture(t)
	ctx := context.Background()
	var reads atomic.Int64
	read := func(context.Context) ([]byte, error) { return []byte{byte(reads.Add(1))}, nil }
	if _, err := f.s.CachedRead(ctx, "k", read); err != nil {
		t.Fatal(err)
	}
	c := &f.s.cache.results
	c.mu.Lock()
	c.m["k"].started = time.Now().Add(-ReuseMaxAge - time.Millisecond)
	c.mu.Unlock()
	if b, _ := f.s.CachedRead(ctx, "k", read); b[0] != 2 {
		t.Fatalf("a read older than %s was reused", ReuseMaxAge)
	}
}

// Callers asking for the same key while its read runs share that read; a
// failed read is not kept, and its waiters read for themselves.
func TestCachedReadSharesOneRead(t *testing.T) {
	dbtest.SkipOnPostgres(t, "reads are not reused on PostgreSQL yet")
	f := newFixture(t)
	ctx := context.Background()
	release := make(chan struct{})
	var reads atomic.Int64
	slow := func(context.Context) ([]byte, error) {
		reads.Add(1)
		<-release
		return []byte("page"), nil
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if b, err := f.s.CachedRead(ctx, "k", slow); err != nil || string(b) != "page" {
				t.Errorf("shared read: %q %v", b, err)
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := reads.Load(); n != 1 {
		t.Fatalf("%d reads for one key, want 1", n)
	}

	failing := func(context.Context) ([]byte, error) { return nil, errors.New("database went away") }
	if _, err := f.s.CachedRead(ctx, "bad", failing); err == nil {
		t.Fatal("error not passed on")
	}
	if b, err := f.s.CachedRead(ctx, "bad", func(context.Context) ([]byte, error) { return []byte("ok"), nil }); err != nil || string(b) != "ok" {
		t.Fatalf("a failed read was kept: %q %v", b, err)
	}
}

// The cache stays within its bounds however many keys are asked for.
func TestCachedReadBounded(t *testing.T) {
	dbtest.SkipOnPostgres(t, "reads are not reused on PostgreSQL yet")
	f := newFixture(t)
	ctx := context.Background()
	big := make([]byte, 1<<20)
	for i := range 3 * reuseMaxEntries {
		key := string(rune('a'+i%26)) + time.Duration(i).String()
		if _, err := f.s.CachedRead(ctx, key, func(context.Context) ([]byte, error) { return big, nil }); err != nil {
			t.Fatal(err)
		}
		c := &f.s.cache.results
		c.mu.Lock()
		n, bytes := len(c.m), c.bytes
		c.mu.Unlock()
		if n > reuseMaxEntries || bytes > reuseMaxBytes+len(big) {
			t.Fatalf("after %d keys: %d entries, %d bytes", i+1, n, bytes)
		}
	}
}
