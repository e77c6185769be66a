package liveblog

import (
	"slices"
	"sort"
	"strings"
)

// keyedLists is a look-up table from a key (a role's head, a surname) to
// the indexes of the mentions filed under it, in mention order. It is kept
// as one sorted array searched by halves rather than as a map: an entry
// builds three of them, most entries are a few sentences long, and the
// maps' allocations were a noticeable share of scanning a live blog.
type keyedLists struct {
	ks  []keyedIndex // sorted by key, mention order within a key
	all []int        // all[k] is ks[k].i, so a key's list is a slice of it
}

// keyedIndex is a mention's index under one of its look-up keys.
type keyedIndex struct {
	key string
	i   int
}

// newKeyedLists files the keyed indexes ks, given in mention order; the
// lists are parts of all, which must hold len(ks) elements. ks is sorted in
// place and kept.
func newKeyedLists(ks []keyedIndex, all []int) keyedLists {
	if len(ks) == 0 {
		return keyedLists{}
	}
	slices.SortStableFunc(ks, func(a, b keyedIndex) int { return strings.Compare(a.key, b.key) })
	for k := range ks {
		all[k] = ks[k].i
	}
	return keyedLists{ks: ks, all: all[:len(ks):len(ks)]}
}

// get returns the indexes filed under key, in mention order; nil if none.
func (l keyedLists) get(key string) []int {
	lo := sort.Search(len(l.ks), func(k int) bool { return l.ks[k].key >= key })
	if lo == len(l.ks) || l.ks[lo].key != key {
		return nil
	}
	// By halves again: a long wire report files thousands of mentions
	// under one head.
	hi := lo + sort.Search(len(l.ks)-lo, func(k int) bool { return l.ks[lo+k].key != key })
	return l.all[lo:hi:hi]
}
