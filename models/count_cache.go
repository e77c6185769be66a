package models

import (
	"fmt"
	"sync"
	"time"
)

// Counting: a page of the desk needs the total number of matches, and a
// COUNT over hundreds of thousands of rows on every page turn would dominate
// the page's cost. Counts up to exactCountLimit are always exact (they stop
// after that many rows). Larger totals are counted once and reused; after
// countTTL the recent total is still served while a fresh count runs in the
// background, and after countMaxAge it is counted again before answering. A
// large total is thus seconds behind, up to a minute when counting it is
// costly (see freshFor), which the desk can live with for "about 600,000".
const (
	exactCountLimit = 10000
	countTTL        = 10 * time.Second
	countMaxAge     = 5 * time.Minute
	countCacheSize  = 512
)

// countCache keeps large totals per filter for a short while. It belongs to a
// Store; nothing here is global.
type countCache struct {
	mu         sync.Mutex
	m          map[string]countEntry
	refreshing map[string]bool
	// recounting holds a token while a background recount runs.
	recounting chan struct{}
}

type countEntry struct {
	n      int64
	counts map[string]int64
	at     time.Time
	// cost is how long the background count that made the entry took (0
	// for a count made while a request waited).
	cost time.Duration
}

// A count that takes longer is refreshed less often: its entry stays fresh
// for countCostFactor times what it took, when that is longer than
// countTTL, up to countMaxFresh. Counting in the background then takes at
// most a twentieth of the time for each large view in use (at a million
// claims, the desk's counts per verdict of the unconfirmed claims took
// 0.3–1 s each, every ten seconds, which was most of the server's CPU on a
// busy desk), and on a busy machine, where counting takes longer, it
// backs off further.
const (
	countCostFactor = 20
	countMaxFresh   = time.Minute
)

// freshFor is how long e is served without a recount.
func (e countEntry) freshFor() time.Duration {
	return max(countTTL, min(countCostFactor*e.cost, countMaxFresh))
}

// get returns the entry for key; fresh is false once it is older than
// its freshFor.
func (c *countCache) get(key string) (e countEntry, fresh, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok = c.m[key]
	if !ok || time.Since(e.at) > countMaxAge {
		return countEntry{}, false, false
	}
	return e, time.Since(e.at) <= e.freshFor(), true
}

// refresh recounts key in the background, once at a time per key, and one
// key at a time: a recount holds one of the few read connections for as
// long as it takes, and several at once left requests waiting for one
// (seconds, at a million claims on a busy machine).
func (c *countCache) refresh(key string, count func() (countEntry, error)) {
	c.mu.Lock()
	if c.refreshing == nil {
		c.refreshing = map[string]bool{}
		c.recounting = make(chan struct{}, 1)
	}
	if c.refreshing[key] {
		c.mu.Unlock()
		return
	}
	c.refreshing[key] = true
	c.mu.Unlock()
	go func() {
		c.recounting <- struct{}{}
		defer func() { <-c.recounting }()
		started := time.Now()
		e, err := count()
		e.cost = time.Since(started)
		if err == nil {
			c.put(key, e)
		}
		c.mu.Lock()
		delete(c.refreshing, key)
		c.mu.Unlock()
	}()
}

func (c *countCache) put(key string, e countEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= countCacheSize {
		// Dropping everything is crude but bounded, and a full cache only
		// happens when many distinct large filters are in use at once.
		c.m = make(map[string]countEntry, 64)
	}
	e.at = time.Now()
	c.m[key] = e
}

// countKey identifies what a filter counts: everything but sort and paging.
// The stale cut-off moves with the clock, but it is not part of the key: a
// key that changed every countTTL made the stale view count a few hundred
// thousand claims afresh, on a request, every ten seconds. Like any large
// total, the stale one is instead served while a recount with the current
// cut-off runs in the background, so it is at most a few seconds behind.
func (f ClaimFilter) countKey(now time.Time) string {
	return f.rowsKey()
}

// Key identifies one page of the list: two filters with the same key select
// the same claims in the same order, at the same moment. Call it on a
// validated filter, so that defaults are filled in. The stale cut-off is not
// part of it: it moves with the clock, so whoever keeps pages by this key
// must bound their age.
func (f ClaimFilter) Key() string {
	return fmt.Sprintf("%s|%q|%d|%d|%q", f.rowsKey(), f.Sort, f.Page, f.PerPage, f.After)
}

// rowsKey identifies which claims a filter selects, whatever the order.
func (f ClaimFilter) rowsKey() string {
	return fmt.Sprintf("%v|%v|%v|%v|%v|%v|%v|%v|%q|%v|%v|%d|%q|%v", f.Verdicts, f.Verifiability, f.Unconfirmed, f.Stale,
		f.StoryID, f.SourceID, f.AssigneeID, f.Unassigned, f.Query, timeKey(f.Since), timeKey(f.Until),
		f.Withdrawn, f.Tag, f.AwaitingSignOff) + closeMatchKey(f)
}

func timeKey(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
