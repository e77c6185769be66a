package models

import (
	"slices"
	"strconv"
	"strings"
)

// Searching inside a filter. On SQLite the search index holds, beside each
// claim's words, its story, source and verdict and whether it is withdrawn
// (the facets column, see schemaV16), as words that begin with facetMark. A
// search inside a story asks the index for the claims having both the
// search's words and the story's word, and SQLite intersects the two lists
// of claims in the index: no claim is read from the claims table to find out
// whether it belongs to the story. The filters are still applied to the
// claims themselves wherever claims are read, so the facets only ever narrow
// what the index hands over.

// facetMark begins every facet word. It is a private-use character: part of
// a word for the unicode61 tokenizer, never part of a search word (see
// searchWords), so nothing a person types can match a facet.
const facetMark = "\uE000"

// facetWord is the index's word for one facet: kind t (story), s (source),
// v (verdict), f (verifiability), a (assignee, or "none"), w (withdrawn),
// o (signed off) or d (day reported, see search_plan_days.go), then its
// value without underscores.
func facetWord(kind, value string) string {
	return `"` + facetMark + kind + strings.ReplaceAll(value, "_", "") + `"`
}

// filterSearchArg is the search argument for f: its words (searchArg) and,
// on SQLite, the facets of its filters. "" when f searches nothing.
func (d dialect) filterSearchArg(f ClaimFilter) string {
	return d.facetSearchArg(f, true)
}

// facetSearchArg is filterSearchArg, asking for two broad filters' pair
// words when pairs is true, else for each filter's own words (see
// searchRankArg).
func (d dialect) facetSearchArg(f ClaimFilter, pairs bool) string {
	arg := d.searchArg(f.Query)
	if arg == "" || d.pg {
		return arg
	}
	parts, not := []string{arg}, []string{}
	if f.StoryID > 0 {
		parts = append(parts, facetWord("t", strconv.FormatInt(f.StoryID, 10)))
	}
	if f.SourceID > 0 {
		parts = append(parts, facetWord("s", strconv.FormatInt(f.SourceID, 10)))
	}
	switch f.Withdrawn {
	case WithdrawnOnly:
		parts = append(parts, facetWord("w", ""))
	case WithdrawnHidden:
		not = append(not, facetWord("w", ""))
	}
	if words, ok := pairFacets(f); ok && pairs {
		// Two broad filters together: their pairs' shorter lists (see
		// search_facet_pairs.go).
		parts = append(parts, words...)
	} else {
		parts, not = broadFacets(f, parts, not)
	}
	if len(not) == 0 {
		return strings.Join(parts, " ")
	}
	return "(" + strings.Join(parts, " ") + ") NOT " + strings.Join(not, " NOT ")
}

// broadFacets adds the words of f's verdict, verifiability, assignee and
// sign-off filters to parts (words every match has) and not (words none
// has), each filter by its own words.
func broadFacets(f ClaimFilter, parts, not []string) ([]string, []string) {
	if f.AssigneeID > 0 {
		parts = append(parts, facetWord("a", strconv.FormatInt(f.AssigneeID, 10)))
	}
	if f.Unassigned {
		parts = append(parts, facetWord("a", "none"))
	}
	if len(f.Verifiability) > 0 {
		words := make([]string, len(f.Verifiability))
		for i, v := range f.Verifiability {
			words[i] = facetWord("f", string(v))
		}
		parts = append(parts, "("+strings.Join(words, " OR ")+")")
	}
	if f.AwaitingSignOff {
		not = append(not, facetWord("o", ""))
	}
	if in, ok := facetVerdicts(f); ok {
		var out []string
		for _, v := range Verdicts() {
			if !slices.Contains(in, v) {
				out = append(out, facetWord("v", string(v)))
			}
		}
		switch {
		case len(in) == 0:
			// The filters exclude each other: a word no claim has.
			parts = append(parts, facetWord("v", "none"))
		case len(out) < len(in):
			// Fewer verdicts left out than kept (the unconfirmed ones):
			// the index reads the shorter lists.
			not = append(not, out...)
		case len(in) == 1:
			parts = append(parts, facetWord("v", string(in[0])))
		default:
			words := make([]string, len(in))
			for i, v := range in {
				words[i] = facetWord("v", string(v))
			}
			parts = append(parts, "("+strings.Join(words, " OR ")+")")
		}
	}
	return parts, not
}

// facetVerdicts is the set of verdicts f allows, from its verdict,
// unconfirmed, stale and awaiting sign-off filters (a claim is unconfirmed
// exactly when its verdict is one of unconfirmedVerdicts: the claims table
// checks it). ok is false when f does not restrict the verdict.
func facetVerdicts(f ClaimFilter) (in []Verdict, ok bool) {
	var sets [][]Verdict
	if len(f.Verdicts) > 0 {
		sets = append(sets, f.Verdicts)
	}
	if f.Unconfirmed || f.Stale {
		sets = append(sets, unconfirmedVerdicts)
	}
	if f.AwaitingSignOff {
		sets = append(sets, []Verdict{Verified, False, Misleading})
	}
	if len(sets) == 0 {
		return nil, false
	}
	for _, v := range Verdicts() {
		all := true
		for _, s := range sets {
			all = all && slices.Contains(s, v)
		}
		if all {
			in = append(in, v)
		}
	}
	return in, true
}

// unconfirmedVerdicts are the verdicts of unconfirmed claims.
var unconfirmedVerdicts = []Verdict{Unreviewed, InReview, Unverified, Disputed}

// facetsCover reports whether the search index alone can count f's
// matches on SQLite: a search whose other filters are all facets.
func (d dialect) facetsCover(f ClaimFilter) bool {
	g := f
	g.Query, g.Sort, g.Page, g.PerPage, g.After = "", "", 0, 0, ""
	g.StoryID, g.SourceID, g.Verdicts, g.Unconfirmed = 0, 0, nil, false
	g.Verifiability, g.AssigneeID, g.Unassigned = nil, 0, false
	g.Withdrawn = WithdrawnIncluded
	// Since schema 20: the day reported and the sign-off.
	g.Since, g.Until, g.Stale, g.AwaitingSignOff = nil, nil, false, false
	return !d.pg && len(searchWords(f.Query)) > 0 && g.isEmpty() && dayWordsReach(f.Since) && dayWordsReach(f.Until)
}

// withoutBroadFacets is f without the filters that most claims may pass
// (verdict, verifiability, assignee), for the search argument of a walk that
// checks them on the claims it reads.
func withoutBroadFacets(f ClaimFilter) ClaimFilter {
	f.Verdicts, f.Unconfirmed, f.Stale, f.AwaitingSignOff = nil, false, false, false
	f.Verifiability, f.AssigneeID, f.Unassigned = nil, 0, false
	return f
}
