package models

import (
	"context"
	"strings"
	"time"
)

// Walking one story's or one assignee's claims in order. A view of a story
// (or an assignee) with other filters, sorted by when its claims were
// entered or last changed or by id, had no index giving that order with
// the filter: page 200 walked the whole order's index (about wanted × a
// million / matches entries: 900,000 for `verifiability=not_verifiable&story=2&assignee=none&sort=-updated`,
// 85–105 ms of CPU), or read the story's 67,000 claims to sort them. Since
// schema step 21 an index per such filter and order holds the filter's
// claims in the order with the filter columns beside (schemaV21): the walk
// passes over about wanted × the filter's claims / matches entries, each
// checked in the index, 11,000×67,000/11,146 ≈ 60,000 for that view.

// filterOrderIndexes names, by the filter's column and the order (without
// its direction), the index that walks that filter's claims in the order.
var filterOrderIndexes = map[string]string{
	"story created":    "claims_story_created",
	"story updated":    "claims_story_updated",
	"assignee created": "claims_assignee_created",
	"assignee updated": "claims_assignee_updated",
	"story id":         "claims_story_id",
	"assignee id":      "claims_assignee_id",
}

// filterOrderWalk names the index among f's story's and assignee's (see
// filterOrderIndexes) whose walk to the page's wanted matches passes over
// fewest entries, and that number; name is "" where none applies: a view
// the indexes do not hold (walkCovered), PostgreSQL (whose planner picks
// its own), or a failed count (the page query then meets the error).
func (s *Store) filterOrderWalk(ctx context.Context, f ClaimFilter, now time.Time, wanted, total int64) (name string, entries float64) {
	if s.d.pg || !walkCovered(f) || total <= 0 {
		return "", 0
	}
	by := strings.TrimPrefix(f.Sort, "-")
	all := ClaimFilter{Withdrawn: WithdrawnIncluded}
	var candidates []ClaimFilter
	if f.StoryID > 0 {
		g := all
		g.StoryID = f.StoryID
		candidates = append(candidates, g)
	}
	if f.AssigneeID > 0 || f.Unassigned {
		g := all
		g.AssigneeID, g.Unassigned = f.AssigneeID, f.Unassigned
		candidates = append(candidates, g)
	}
	for _, g := range candidates {
		col := "story"
		if g.StoryID == 0 {
			col = "assignee"
		}
		index := filterOrderIndexes[col+" "+by]
		if index == "" {
			continue
		}
		n, err := s.countClaims(ctx, g, now)
		if err != nil {
			return "", 0
		}
		// The walk passes over the filter's claims until it has found
		// the wanted matches, spread through them; never more than all.
		cost := min(float64(n), float64(wanted)*float64(n)/float64(total))
		if name == "" || cost < entries {
			name, entries = index, cost
		}
	}
	return name, entries
}

// walksFilterOrder reports whether f's page is read by walking the index
// filterOrderWalk names (returned) rather than the order's own index (a
// walk over about wanted × span / total entries) or a sort of the matches
// from their narrowest index (see narrowestIndex).
func (s *Store) walksFilterOrder(ctx context.Context, f ClaimFilter, now time.Time, wanted, total, span int64) (string, bool) {
	name, cost := s.filterOrderWalk(ctx, f, now, wanted, total)
	if name == "" || cost > float64(wanted)*float64(span)/float64(total) {
		return "", false
	}
	if sortedBy, sorted := s.sortedCost(ctx, f, now, wanted, total); sortedBy != "" && sorted < cost {
		return "", false
	}
	return name, true
}
