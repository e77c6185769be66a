package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// A view of the claims reported since a time, sorted oldest entered or
// changed first, or by id, is where walking the sort's index goes wrong:
// claims are entered and changed while the blogs that report them run, so
// the order of entry follows the order of report, and the range's claims
// sit together at the far end of the sort's index rather than spread
// through it. walkSortIndex expects to read wanted×rows/total entries; the
// walk reads every entry before the range first: at a million claims
// `unconfirmed=1&since=2026-11-01&sort=updated` walked 911,000 entries
// (0.25 s of CPU) to find 50 claims that the unconfirmed index's range
// hands over and sorts in 0.03 s. So for such a view the walk's cost also
// counts the claims reported before the range (exact and cheap from the
// counts per day, see claim_facet_counts.go, weighed by skipPerSorted),
// and the matches are sorted when that is more than the matches. The
// answer is the same either way: only the index that finds the rows
// differs.

// outsideRange is the filter of the claims a walk in f's order meets
// before f's report-time range: reported before the range's start, for a
// view with a start sorted oldest first. ok is false otherwise: sorted
// newest first, a walk passes over the claims reported after the range's
// end (or the stale view's cut-off), which at a million claims were the
// last days' few tens of thousands, read in 10 to 25 ms, where sorting a
// range's matches instead took up to three times as long; and the sort by
// report time seeks the range in its own index. (A view with few matches is
// sorted anyway; SQLite's planner, left to choose, walked the sort's index
// from the start instead: `unconfirmed=1&assignee=1&since=…&sort=updated`
// took 0.68 s, its assignee's index and a sort 3 ms.)
func outsideRange(f ClaimFilter) (ClaimFilter, bool) {
	out := ClaimFilter{Withdrawn: WithdrawnIncluded, Until: f.Since}
	return out, f.Since != nil && sortWalks[f.Sort] != "" && f.Sort != "reported"
}

// skipPerSorted is how many entries a walk passes over in the time sorting
// costs per match, measured at a million claims: the walk by id over the
// 911,000 claims reported before November took 0.34 s (0.37 µs an entry,
// the claims being read in the order they are stored), sorting the 85,000
// reported since 0.14 s (1.6 µs a match).
const skipPerSorted = 4

// walkMeetsRangeLate reports whether walking f's sort index to the page's
// wanted matches costs more than sorting f's total matches, counting the
// claims the walk meets before f's report-time range (for a view the order
// indexes hold, see coveredRangeLate). A page after a
// cursor continues from a claim of the view, inside the range already, so
// its walk is left alone. A failed count leaves the walk chosen: the page
// query then meets the error itself.
func (s *Store) walkMeetsRangeLate(ctx context.Context, f ClaimFilter, now time.Time, wanted, total, rows int64) bool {
	out, ok := outsideRange(f)
	if !ok || total <= 0 || f.cursor() != nil {
		return false
	}
	skipped, err := s.countClaims(ctx, out, now)
	if err != nil {
		return false
	}
	if walkCovered(f) && !s.d.pg {
		return s.coveredRangeLate(ctx, f, now, skipped, wanted, total, rows)
	}
	return float64(skipped)/skipPerSorted+float64(wanted)*float64(rows)/float64(total) > float64(total)
}

// sortedMatches reads f's matches from the filters' indexes (the narrowest
// by the counts where the order indexes hold f, see narrowestIndex) and
// sorts them: the order's first column is written +col so that SQLite does
// not take the sort's index for it.
func (s *Store) sortedMatches(ctx context.Context, f ClaimFilter, now time.Time, order string) (*gorm.DB, string) {
	order = "+" + order
	if s.d.searchArg(f.Query) != "" {
		return s.searchJoin(ctx, f, now), order
	}
	table := "claims"
	if name, _, _ := s.narrowestIndex(ctx, f, now); name != "" {
		table = "claims INDEXED BY " + name
	} else if onlyDateRange(f) {
		// As in pageRows: SQLite cannot tell how narrow a range is.
		table = "claims INDEXED BY claims_reported"
	}
	return f.apply(s.read(ctx).Table(table), now, s.staleAfter), order
}
