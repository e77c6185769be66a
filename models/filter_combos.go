package models

import (
	"net/url"
	"strconv"
	"strings"
)

// DeskFilterCombos lists every combination of one to upTo of the given
// filters (each a query-string pair such as "unconfirmed=1"), skipping
// combinations that set one parameter twice. The query-plan test and the
// load tool walk the same combinations, so what is checked is what is timed.
func DeskFilterCombos(atoms []string, upTo int) []string {
	var out []string
	var walk func(start int, picked []string)
	walk = func(start int, picked []string) {
		if len(picked) > 0 {
			out = append(out, strings.Join(picked, "&"))
		}
		if len(picked) == upTo {
			return
		}
		for i := start; i < len(atoms); i++ {
			if setsSameParam(picked, atoms[i]) {
				continue
			}
			walk(i+1, append(append([]string(nil), picked...), atoms[i]))
		}
	}
	walk(0, nil)
	return out
}

func setsSameParam(picked []string, atom string) bool {
	key := func(s string) string { k, _, _ := strings.Cut(s, "="); return k }
	for _, p := range picked {
		if key(p) == key(atom) {
			return true
		}
	}
	return false
}

// DeskFilterAtoms are the desk's filters, one example value each, for
// DeskFilterCombos: story, source and assignee name the given ids, and
// search looks for word.
func DeskFilterAtoms(story, source, assignee int64, tag, word string) []string {
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	return []string{
		"verdict=unverified,disputed", "verifiability=not_verifiable", "unconfirmed=1", "stale=1",
		"story=" + id(story), "source=" + id(source), "assignee=" + id(assignee), "assignee=none",
		"tag=" + url.QueryEscape(tag), "withdrawn=only", "awaiting_signoff=1", "close_match=1",
		"since=2026-11-01", "until=2026-11-20", "q=" + url.QueryEscape(word),
	}
}
