package models

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// Pairs of broad filters in the search index (schemaV22). A verdict, a
// verifiability, an assignee or the sign-off queue each keeps a quarter to
// two thirds of the desk, and the index reads the whole list of each word
// it is asked for: a search inside two of them read both long lists. Each
// claim also has a word for each pair of its verdict-and-sign-off (its
// state, see claimState), its verifiability and its assignee, whose list
// holds the claims having both, so such a search asks for the pairs the
// filters allow (the unconfirmed claims nobody is assigned: four words,
// one per unconfirmed verdict, each with "none", together a third of the
// desk instead of the unconfirmed two thirds and the unassigned two thirds).
// The sign-off queue alone is the final verdicts' states without a
// sign-off, instead of the final verdicts less the signed-off claims.

// pairFacets is f's verdict, verifiability, assignee and sign-off filters
// as words of the pairs, each part a group of alternatives every match has
// one of; ok is false when f has fewer than two of them (the sign-off queue
// alone counts as two: a verdict and a sign-off).
func pairFacets(f ClaimFilter) (parts []string, ok bool) {
	states, restricted := claimStates(f)
	if len(states) == 0 && restricted {
		return nil, false
	}
	assignee := ""
	switch {
	case f.AssigneeID > 0:
		assignee = strconv.FormatInt(f.AssigneeID, 10)
	case f.Unassigned:
		assignee = "none"
	}
	verifs := make([]string, len(f.Verifiability))
	for i, v := range f.Verifiability {
		verifs[i] = string(v)
	}
	switch {
	case restricted && len(verifs) > 0:
		parts = append(parts, anyOf("x", states, verifs))
		if assignee != "" {
			parts = append(parts, anyOf("y", states, []string{assignee}))
		}
	case restricted && assignee != "":
		parts = append(parts, anyOf("y", states, []string{assignee}))
	case len(verifs) > 0 && assignee != "":
		parts = append(parts, anyOf("z", verifs, []string{assignee}))
	case restricted && f.AwaitingSignOff:
		parts = append(parts, anyOf("e", states, nil))
	default:
		return nil, false
	}
	return parts, true
}

// claimStates are the verdict-and-sign-off states f's verdict, unconfirmed,
// stale and sign-off filters allow: each verdict, with and without a
// sign-off (s), or without one only in the sign-off queue. restricted is
// false when f does not restrict them; none are allowed when the filters
// exclude each other.
func claimStates(f ClaimFilter) (states []string, restricted bool) {
	in, ok := facetVerdicts(f)
	if !ok {
		return nil, false
	}
	for _, v := range in {
		states = append(states, string(v))
		if !f.AwaitingSignOff {
			states = append(states, string(v)+"s")
		}
	}
	return states, true
}

// anyOf is the group of pair words of kind for every first with every
// second (none: the first alone), as alternatives.
func anyOf(kind string, first, second []string) string {
	var words []string
	for _, a := range first {
		if len(second) == 0 {
			words = append(words, facetWord(kind, a))
		}
		for _, b := range second {
			words = append(words, pairWord(kind, a, b))
		}
	}
	return "(" + strings.Join(words, " OR ") + ")"
}

// pairWord is the index's word for a pair of facet values: kind, the first
// value, 0 and the second (no value holds a digit before the 0: verdicts
// and verifiabilities are letters, an assignee is "none" or its id after
// the 0), underscores left out, as facetsV22SQL writes it.
func pairWord(kind, a, b string) string {
	return facetWord(kind, a+"0"+b)
}

// searchRankArg is the search argument of a search ranked by relevance
// (claimPlan's few matches): each filter's own words, not their pairs. The
// rank is the length of the index's offsets of every word asked for, the
// facets' words among them, so asking for a pair instead of two words
// would reorder claims of equal rank.
func (s *Store) searchRankArg(ctx context.Context, f ClaimFilter, now time.Time) string {
	arg := s.d.facetSearchArg(f, false)
	if s.d.pg {
		return arg
	}
	return dayFacetsOf(f, s.searchSpanOf(ctx, f, now)).withDays(arg)
}
