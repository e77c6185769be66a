package models

import (
	"fmt"
	"sync"
	"time"
)

// Counting: a page of the desk needs the total number of matches, and a
// COUNT over hundreds of thousands of rows on every page turn would dominate
// the page's cost. Counts up to exactCountLimit are always exact (they stop
// after that many rows). Larger totals are counted once and reused for
// countTTL, so paging through a big list counts it once; such a total can be
// up to countTTL old, which the desk can live with for "about 600,000".
const (
	exactCountLimit = 10000
	countTTL        = 10 * time.Second
	countCacheSize  = 512
)

// countCache keeps large totals per filter for a short while. It belongs to a
// Store; nothing here is global.
type countCache struct {
	mu sync.Mutex
	m  map[string]countEntry
}

type countEntry struct {
	n      int64
	counts map[string]int64
	at     time.Time
}

func (c *countCache) get(key string) (countEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[key]
	if !ok || time.Since(e.at) > countTTL {
		return countEntry{}, false
	}
	return e, true
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
func (f ClaimFilter) countKey(now time.Time) string {
	g := f
	g.Sort, g.Page, g.PerPage = "", 0, 0
	stale := ""
	if f.Stale {
		// The stale cut-off moves with the clock; round it to the TTL.
		stale = now.Truncate(countTTL).String()
	}
	return fmt.Sprintf("%v|%v|%v|%v|%v|%v|%v|%v|%q|%v|%v|%s", g.Verdicts, g.Verifiability, g.Unconfirmed, g.Stale,
		g.StoryID, g.SourceID, g.AssigneeID, g.Unassigned, g.Query, timeKey(g.Since), timeKey(g.Until), stale)
}

func timeKey(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
