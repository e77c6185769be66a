package liveblog

import (
	"slices"
	"sort"
	"strings"
)

// keyedLists is a look-up table from a key (a role's head, a surname) to
// the indexes of the mentions filed under it, in mention order. It is kept
// as sorted runs searched by halves rather than as a map: an entry builds
// three of them, most entries are a few sentences long, and the maps'
// allocations were a noticeable share of scanning a live blog. Only the
// distinct keys are kept, so a long entry's table is as small as its map
// was.
type keyedLists struct {
	runs []keyRun // sorted by key
	all  []int    // the lists one after the other, each in mention order
}

// keyRun is one key of a keyedLists and where its list ends in all; it
// starts where the run before ends.
type keyRun struct {
	key string
	end int
}

// keyedIndex is a mention's index under one of its look-up keys.
type keyedIndex struct {
	key string
	i   int
}

// sortKeyed sorts keyed indexes, given in mention order, by key (mention
// order within a key) and returns how many distinct keys they have.
func sortKeyed(ks []keyedIndex) int {
	slices.SortStableFunc(ks, func(a, b keyedIndex) int { return strings.Compare(a.key, b.key) })
	keys := min(len(ks), 1)
	for k := 1; k < len(ks); k++ {
		if ks[k].key != ks[k-1].key {
			keys++
		}
	}
	return keys
}

// newKeyedLists files the keyed indexes ks, sorted by sortKeyed, which
// found keys distinct keys. The lists are parts of all, which must hold
// len(ks) elements, and the keys go into runs, which must have room for
// keys more; ks is not kept.
func newKeyedLists(ks []keyedIndex, keys int, all []int, runs []keyRun) keyedLists {
	if len(ks) == 0 {
		return keyedLists{}
	}
	runs = runs[:0:keys]
	for k := range ks {
		all[k] = ks[k].i
		if k+1 == len(ks) || ks[k+1].key != ks[k].key {
			runs = append(runs, keyRun{ks[k].key, k + 1})
		}
	}
	return keyedLists{runs: runs, all: all[:len(ks):len(ks)]}
}

// get returns the indexes filed under key, in mention order; nil if none.
func (l keyedLists) get(key string) []int {
	r := sort.Search(len(l.runs), func(k int) bool { return l.runs[k].key >= key })
	if r == len(l.runs) || l.runs[r].key != key {
		return nil
	}
	start := 0
	if r > 0 {
		start = l.runs[r-1].end
	}
	return l.all[start:l.runs[r].end:l.runs[r].end]
}
