package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"
)

// FollowerConfig is what the scheduler of followed blogs needs.
type FollowerConfig struct {
	Fetcher PageFetcher
	// Tick is how often it looks for due follows (default 1 s).
	Tick time.Duration
	// Parallel bounds the checks running at once (default 4).
	Parallel int
	Logger   *slog.Logger
}

// Follower checks the followed blogs whose time has come, in the server.
// Several servers on one PostgreSQL database each run one: a follow's lease
// row lets only one of them check it, and its next check time moves on for
// all of them, so each URL is fetched once per interval. Everything it needs
// is in the database, so after a restart it carries on where it stopped.
type Follower struct {
	store *Store
	cfg   FollowerConfig
	owner string
}

// NewFollower makes the scheduler; Run starts it.
func NewFollower(s *Store, cfg FollowerConfig) *Follower {
	if cfg.Tick <= 0 {
		cfg.Tick = time.Second
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = 4
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Follower{store: s, cfg: cfg, owner: leaseOwnerName()}
}

// leaseOwnerName names this process in lease rows: host, pid and a random
// part, so two processes never take each other's lease for their own.
func leaseOwnerName() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return host + ":" + strconv.Itoa(os.Getpid()) + ":" + hex.EncodeToString(b[:])
}

// Run checks due follows until ctx is cancelled, then waits for the checks
// in flight to finish.
func (f *Follower) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	sem := make(chan struct{}, f.cfg.Parallel)
	var mu sync.Mutex
	running := map[int64]bool{}
	t := time.NewTicker(f.cfg.Tick)
	defer t.Stop()
	for {
		ids, err := f.store.dueFollows(ctx, f.cfg.Parallel*2)
		if err != nil && ctx.Err() == nil {
			f.cfg.Logger.Error("listing due follows", "err", err)
		}
		for _, id := range ids {
			mu.Lock()
			busy := running[id]
			mu.Unlock()
			if busy {
				continue
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			mu.Lock()
			running[id] = true
			mu.Unlock()
			wg.Add(1)
			go func(id int64) {
				defer wg.Done()
				defer func() { <-sem }()
				defer func() {
					mu.Lock()
					delete(running, id)
					mu.Unlock()
				}()
				f.check(ctx, id)
			}(id)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// check runs one check and logs what went wrong; a follow another server
// took meanwhile is not an error.
func (f *Follower) check(ctx context.Context, id int64) {
	res, err := f.store.checkFollow(ctx, id, f.cfg.Fetcher, f.owner, false)
	switch {
	case errors.Is(err, errLeaseTaken):
	case err != nil:
		f.cfg.Logger.Warn("checking a followed live blog", "follow", id, "err", err)
	case len(res.CandidateIDs) > 0 || res.EntriesNew > 0:
		f.cfg.Logger.Info("followed live blog changed", "follow", id, "entries_new", res.EntriesNew,
			"entries_updated", res.EntriesUpdated, "candidates", len(res.CandidateIDs))
	}
}
