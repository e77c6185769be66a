package models

import (
	"context"
	"strings"
	"time"
)

// Sorting a view's matches from its narrowest index. When a view's matches
// are sorted rather than walked, SQLite's planner picks which filter's index
// reads them, and it cannot tell how many claims each holds: at a million
// claims, the unconfirmed unassigned claims of one story (28,000) were read
// through the index of unassigned unconfirmed claims (425,000 entries, each
// claim read to check its story: 0.4–0.8 s) where the story's unconfirmed
// claims are 42,000. The count tables give each candidate's size exactly
// (claim_facet_counts.go), so for a view they hold the list names the index
// itself: the candidate whose range costs least, a claim read from a
// filter's index costing coveredWalkPerSorted entries of an index that
// holds the filters and the order's column (schemaV19, see holdsOrder),
// read without the claims. The same cost decides between that sort and a walk
// of the order's index (walkBeatsSort). Sorting the matches themselves is
// left out of the cost: the ids and their order's column, a few hundred
// nanoseconds a match, about what the entry cost to read.

// rangeIndex is a filter index the matches may be read from, and the part
// of a view its range holds.
type rangeIndex struct {
	name  string
	holds ClaimFilter
}

// rangeIndexes lists the indexes whose range holds some of f's filters,
// each with the filter its range reads (withdrawn claims included: no
// filter index leaves them out). The report-time index comes first.
func rangeIndexes(f ClaimFilter) []rangeIndex {
	// Every filter index but the withdrawn claims' has the report time
	// after its filter columns: its range is cut by the view's report-time
	// range too (the verdicts' index holds 205,000 unverified or disputed
	// claims, 18,000 of them reported since 1 November).
	all := ClaimFilter{Withdrawn: WithdrawnIncluded, Since: f.Since, Until: f.Until}
	unconfirmed := f.Unconfirmed || f.Stale
	var out []rangeIndex
	add := func(name string, set func(g *ClaimFilter)) {
		g := all
		set(&g)
		out = append(out, rangeIndex{name, g})
	}
	if f.Since != nil || f.Until != nil {
		add("claims_reported", func(g *ClaimFilter) { g.Since, g.Until = f.Since, f.Until })
	}
	if f.Withdrawn == WithdrawnOnly {
		add("claims_withdrawn", func(g *ClaimFilter) { g.Withdrawn, g.Since, g.Until = WithdrawnOnly, nil, nil })
	}
	if f.StoryID > 0 {
		add("claims_story", func(g *ClaimFilter) { g.StoryID = f.StoryID })
		if unconfirmed {
			add("claims_story_unconfirmed", func(g *ClaimFilter) { g.StoryID, g.Unconfirmed = f.StoryID, true })
		}
	}
	assignee := func(g *ClaimFilter) { g.AssigneeID, g.Unassigned = f.AssigneeID, f.Unassigned }
	if f.AssigneeID > 0 || f.Unassigned {
		add("claims_assignee", assignee)
		if unconfirmed {
			add("claims_assignee_unconfirmed", func(g *ClaimFilter) { assignee(g); g.Unconfirmed = true })
		}
	}
	switch {
	case len(f.Verifiability) > 0 && unconfirmed:
		add("claims_verifiability_unconfirmed", func(g *ClaimFilter) { g.Verifiability, g.Unconfirmed = f.Verifiability, true })
	case len(f.Verifiability) > 0:
		add("claims_verifiability", func(g *ClaimFilter) { g.Verifiability = f.Verifiability })
	}
	if vs, ok := facetVerdicts(f); ok {
		add("claims_verdict", func(g *ClaimFilter) { g.Verdicts = vs })
	}
	if unconfirmed {
		add("claims_unconfirmed", func(g *ClaimFilter) { g.Unconfirmed = true })
	}
	return out
}

// reportRangeLookups is what reading each claim of a report-time range
// costs, in entries of a walk inside an index: claims reported together
// were entered together, so the range's rows sit together in the claims
// table, and reading them is cheaper than reading a story's, spread over
// the year. At a million claims (sqlite3, CPU time, load 13), the
// unconfirmed claims reported since 1 November, oldest entered first:
// reading the range's 89,000 entries and its 57,000 matches' rows and
// sorting them took 60–64 ms, walking 911,000 entries of the entry-time
// index to the range 124–140 ms (0.14–0.15 µs an entry): 0.7 µs a claim of
// the range, about five entries.
const reportRangeLookups = 5

// holdsOrder reports whether the index holds, beside its filters' columns,
// the column of sort (schemaV19), so that its matches are sorted without
// reading the claims: the report time and the id (every index holds the
// id) for the report-time index, and the entry time too for a story's or an
// assignee's.
func holdsOrder(index, sort string) bool {
	by := strings.TrimPrefix(sort, "-")
	switch index {
	case "claims_reported":
		return by == "reported" || by == "id"
	case "claims_story", "claims_assignee":
		return by == "reported" || by == "id" || by == "created"
	}
	return false
}

// narrowestIndex names the index to read f's matches from, and their cost
// in entries of an index read alone; name is "" to leave the choice to
// SQLite: a view the order indexes do not hold (walkCovered), one with no
// filter index, or a failed count (the page query then meets the error
// itself). inOrder is whether that index hands the matches over in f's
// order already (one value of each of its columns, sorted by report
// time), so that they need no sort.
func (s *Store) narrowestIndex(ctx context.Context, f ClaimFilter, now time.Time) (name string, cost float64, inOrder bool) {
	if s.d.pg || !walkCovered(f) {
		return "", 0, false
	}
	memo, known := narrowestMemoOf(ctx, f, now)
	if known {
		return memo.name, memo.cost, memo.inOrder
	}
	var best rangeIndex
	for _, c := range rangeIndexes(f) {
		n, err := s.countClaims(ctx, c.holds, now)
		if err != nil {
			return "", 0, false
		}
		entries := float64(n)
		switch {
		case holdsOrder(c.name, f.Sort):
		case c.name == "claims_reported":
			entries *= reportRangeLookups
		default:
			entries *= coveredWalkPerSorted
		}
		if best.name == "" || entries < cost {
			best, cost = c, entries
		}
	}
	h := best.holds
	inOrder = best.name != "" && best.name != "claims_withdrawn" && len(h.Verdicts) <= 1 && len(h.Verifiability) <= 1 &&
		(f.Sort == "reported" || f.Sort == "-reported")
	if memo != nil {
		memo.name, memo.cost, memo.inOrder = best.name, cost, inOrder
	}
	return best.name, cost, inOrder
}

// deepSortPerMatch is what sorting costs per match, in entries of a walk
// inside an index, when a page deep by offset keeps many of them: at a
// million claims (sqlite3, CPU time) one story's 67,000 claims were read
// from its covering index in 9 ms, and read and sorted for page 200 (the
// sort keeping 10,000) in 46–53 ms, about 0.55 µs more a match, four
// entries' worth; for a first page (keeping 50) the sort cost nothing
// measurable beside the reading.
const deepSortPerMatch = 4

// sortedCost is narrowestIndex with the cost of sorting f's total matches
// to keep the page's wanted first (nothing when the index hands them over
// in order, or keeps a first page's few).
func (s *Store) sortedCost(ctx context.Context, f ClaimFilter, now time.Time, wanted, total int64) (name string, cost float64) {
	name, cost, inOrder := s.narrowestIndex(ctx, f, now)
	if !inOrder && wanted > 1000 {
		cost += deepSortPerMatch * float64(total)
	}
	return name, cost
}

// sortedFromNarrowest is the table and order that read f's matches from
// their narrowest index (see narrowestIndex), or table and order as given
// when SQLite is left to choose. An order the index does not give is
// written +col, which marks the page as sorted (see claimPageAtOnce).
func (s *Store) sortedFromNarrowest(ctx context.Context, f ClaimFilter, now time.Time, table, order string) (string, string) {
	name, _, inOrder := s.narrowestIndex(ctx, f, now)
	if name == "" {
		return table, order
	}
	if !inOrder {
		order = "+" + order
	}
	return "claims INDEXED BY " + name, order
}
