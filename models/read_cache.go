package models

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Reads that many requests repeat — the desk's list views, the owner of an
// API token — are answered again from memory while nothing has changed. The
// store counts its commits: the writer bumps the generation after every
// commit and before it tells anyone that their write is done, so a read that
// started at the current generation holds every write this process has
// acknowledged, and whoever writes and then reads sees their own write.
// Writes by other processes on the same database (the import command, a
// second server) bump nothing here, so a reused answer is also bounded in
// age: such writes show up within ReuseMaxAge.

// ReuseMaxAge bounds how old a reused read may be.
const ReuseMaxAge = time.Second

// Bounds of the reused results: beyond them the oldest go first, then all.
const (
	reuseMaxEntries = 1024
	reuseMaxBytes   = 32 << 20
)

// readCache is what the store reuses between commits. Its zero value is
// ready; it belongs to one Store.
type readCache struct {
	gen     atomic.Uint64
	tokens  tokenCache
	results resultCache
	// claimPage loads one claim with its names, claimList the claims of a
	// list page with their tags and links (see prepared.go), tokenOwner the
	// owner of an API token, storyOptions the desk's story picker,
	// claimRows the size of the claims table (see claim_plan.go).
	claimPage, claimList, tokenOwner, storyOptions, claimRows readerStmt
	// openings are claimants' attribution openings (attribution_memo.go).
	openings openingMemo
}

// committed bumps the generation. The writer calls it after every commit,
// before it reports the outcome to the writes in that commit.
func (s *Store) committed() { s.cache.gen.Add(1) }

// reusable reports whether reads may be reused: unless Config.NoReuse says
// not to, and not on PostgreSQL yet, where writes do not pass through the
// writer goroutine, so nothing counts them.
func (s *Store) reusable() bool { return !s.d.pg && !s.noReuse }

// ReusesAnswers reports whether CachedRead keeps what it reads. When it
// does not, nothing refers to an answer's bytes once they are sent, and the
// caller may write its next answer into the same buffer.
func (s *Store) ReusesAnswers() bool { return s.reusable() }

// resultCache holds the results of CachedRead, all of one generation.
type resultCache struct {
	mu    sync.Mutex
	gen   uint64
	m     map[string]*result
	bytes int
}

// result is one read, shared by the requests that ask for it while it runs.
type result struct {
	started time.Time
	done    chan struct{}
	body    []byte
	err     error
}

// CachedRead returns what read returned for the same key, if that read
// started after this process's latest commit and at most ReuseMaxAge ago;
// otherwise it runs read, once for all the callers asking for key meanwhile,
// and keeps the result. read must depend on nothing but key and the
// database. Errors are not kept.
func (s *Store) CachedRead(ctx context.Context, key string, read func(context.Context) ([]byte, error)) ([]byte, error) {
	if !s.reusable() {
		return read(ctx)
	}
	c := &s.cache.results
	gen := s.cache.gen.Load()
	now := time.Now()
	c.mu.Lock()
	switch {
	case c.m == nil || gen > c.gen:
		c.m, c.gen, c.bytes = map[string]*result{}, gen, 0
	case gen < c.gen:
		// A commit landed between reading the generation and taking the
		// lock, and another request already moved on: read alone.
		c.mu.Unlock()
		return read(ctx)
	}
	if r, ok := c.m[key]; ok && now.Sub(r.started) <= ReuseMaxAge {
		c.mu.Unlock()
		select {
		case <-r.done:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		if r.err != nil {
			// The shared read failed (its caller may have left): try alone.
			return read(ctx)
		}
		return r.body, nil
	}
	c.makeRoom(now)
	r := &result{started: now, done: make(chan struct{})}
	c.m[key] = r
	c.mu.Unlock()

	r.body, r.err = read(ctx)
	close(r.done)
	c.mu.Lock()
	if c.m[key] == r {
		if r.err != nil {
			delete(c.m, key)
		} else {
			c.bytes += len(r.body)
		}
	}
	c.mu.Unlock()
	return r.body, r.err
}

// makeRoom keeps the cache within its bounds before a new entry: first the
// results too old to reuse go, then, if that is not enough, all of them.
// c.mu is held.
func (c *resultCache) makeRoom(now time.Time) {
	if len(c.m) < reuseMaxEntries && c.bytes < reuseMaxBytes {
		return
	}
	for k, r := range c.m {
		if now.Sub(r.started) > ReuseMaxAge {
			select {
			case <-r.done:
				c.bytes -= len(r.body)
			default:
			}
			delete(c.m, k)
		}
	}
	if len(c.m) >= reuseMaxEntries || c.bytes >= reuseMaxBytes {
		c.m, c.bytes = map[string]*result{}, 0
	}
}
