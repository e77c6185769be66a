package models

import (
	"errors"
	"testing"
	"time"
)

func TestCountCacheAges(t *testing.T) {
	var c countCache
	if _, _, ok := c.get("k"); ok {
		t.Fatal("empty cache answered")
	}
	c.put("k", countEntry{n: 600000})
	if e, fresh, ok := c.get("k"); !ok || !fresh || e.n != 600000 {
		t.Fatalf("new entry: %v %v %v", e, fresh, ok)
	}
	c.mu.Lock()
	e := c.m["k"]
	e.at = time.Now().Add(-countTTL - time.Second)
	c.m["k"] = e
	c.mu.Unlock()
	if e, fresh, ok := c.get("k"); !ok || fresh || e.n != 600000 {
		t.Fatalf("aged entry: %v %v %v", e, fresh, ok)
	}
	done := make(chan struct{})
	calls := 0
	c.refresh("k", func() (countEntry, error) { calls++; <-done; return countEntry{n: 600001}, nil })
	c.refresh("k", func() (countEntry, error) { calls++; return countEntry{}, errors.New("second refresh ran") })
	close(done)
	deadline := time.Now().Add(5 * time.Second)
	for {
		if e, fresh, _ := c.get("k"); fresh && e.n == 600001 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("background refresh never landed")
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.mu.Lock()
	e = c.m["k"]
	e.at = time.Now().Add(-countMaxAge - time.Second)
	c.m["k"] = e
	c.mu.Unlock()
	if _, _, ok := c.get("k"); ok {
		t.Fatal("an entry older than countMaxAge was served")
	}
	if calls != 1 {
		t.Fatalf("%d refreshes ran at once, want 1", calls)
	}
}

// A costly count is refreshed less often, within bounds.
func TestCountFreshForFollowsCost(t *testing.T) {
	for _, c := range []struct {
		cost, want time.Duration
	}{
		{0, countTTL}, {100 * time.Millisecond, countTTL}, {time.Second, 20 * time.Second}, {10 * time.Second, countMaxFresh},
	} {
		if got := (countEntry{cost: c.cost}).freshFor(); got != c.want {
			t.Errorf("a count that took %s stays fresh for %s, want %s", c.cost, got, c.want)
		}
	}
}
