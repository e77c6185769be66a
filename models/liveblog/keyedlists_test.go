package liveblog

import (
	"slices"
	"testing"
)

// TestKeyedListsGivesEachKeysMentionsInOrder checks the sorted table
// against the map it replaced: every key's indexes in mention order, nil
// for a key filed under nothing.
func TestKeyedListsGivesEachKeysMentionsInOrder(t *testing.T) {
	keys := []string{"minister", "kellner", "minister", "army", "kellner", "minister", "zed", "army"}
	ks := make([]keyedIndex, len(keys))
	want := map[string][]int{}
	for i, k := range keys {
		ks[i] = keyedIndex{k, i}
		want[k] = append(want[k], i)
	}
	n := sortKeyed(ks)
	if n != len(want) {
		t.Errorf("sortKeyed found %d keys, want %d", n, len(want))
	}
	l := newKeyedLists(ks, n, make([]int, len(ks)), make([]keyRun, n))
	for k, idx := range want {
		if got := l.get(k); !slices.Equal(got, idx) {
			t.Errorf("get(%q) = %v, want %v", k, got, idx)
		}
	}
	for _, k := range []string{"", "a", "governor", "zz"} {
		if got := l.get(k); got != nil {
			t.Errorf("get(%q) = %v, want nil", k, got)
		}
	}
	if got := (keyedLists{}).get("army"); got != nil {
		t.Errorf("empty table: get = %v, want nil", got)
	}
}
