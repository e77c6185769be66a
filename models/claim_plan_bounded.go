package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// A view cut by report time (a date range, or the stale view) sorted by
// when claims were entered or changed, or by id, is where walking the
// sort's index goes wrong: claims are entered and changed while the blogs
// that report them run, so the order of entry follows the order of report,
// and the range's claims sit together at one place of the sort's index
// rather than spread through it. walkSortIndex expects to read
// wanted×rows/total entries and reads every entry before the range instead:
// at a million claims `unconfirmed=1&since=2026-11-01&sort=updated` walked
// 911,000 entries (0.25 s of CPU) to find 50 claims that the unconfirmed
// index's range hands over and sorts in 0.03 s. So such a walk is tried
// first within a bound: if the matches it needs lie within the first
// walkBound entries, the walk reads exactly those; if not, the view's
// matches are sorted instead. The answer is the same either way: both read
// the same rows in the same order, only the index that finds them differs.

// walkBound is how many entries of the sort's index a walk may read before
// the matches are sorted instead: as many as there are matches, which
// sorting them reads anyway, so a view costs at most about twice the
// cheaper of the two ways whichever it turns out to be. (A tighter bound,
// four times the entries a walk expects, sent views whose range skips only
// the last days, such as `until` sorted newest first, from a walk of tens
// of thousands of entries to a sort of hundreds of thousands of matches.)
func walkBound(total int64) int64 {
	return total
}

// cutByReportTime reports whether f keeps claims by their report time on
// the side where a walk in f's order meets the kept claims late: reported
// since a time, sorted oldest first (the range is at the far end), or
// reported until a time or stale, sorted newest first (the walk first meets
// the claims reported after it). Sorted the other way, the walk starts
// inside the range and is left alone.
func cutByReportTime(f ClaimFilter) bool {
	by := strings.TrimPrefix(f.Sort, "-")
	if by == "reported" {
		return false
	}
	if strings.HasPrefix(f.Sort, "-") {
		return f.Until != nil || f.Stale
	}
	return f.Since != nil
}

// walkFindsPage reports whether walking walk (a sortWalks entry) in f's
// order finds the page's need matches within the index's first walkBound
// entries (after the cursor, if any). A walk that cannot run past the bound
// (fewer entries are left) counts as finding them. An error reading the
// bound or the matches leaves the choice to the walk: the page query then
// meets the error itself.
func (s *Store) walkFindsPage(ctx context.Context, f ClaimFilter, now time.Time, walk, order string, need, bound int64) bool {
	col := cursorColumns[strings.TrimPrefix(f.Sort, "-")]
	cols := "claims.id"
	if col != "" {
		cols = col + ", claims.id"
	}
	edge := s.read(ctx).Table(walk)
	if c := f.cursor(); c != nil {
		edge = c.after(edge)
	}
	var at time.Time
	var id int64
	row := edge.Select(cols).Order(order).Limit(1).Offset(int(bound)).Row()
	var err error
	if col != "" {
		err = row.Scan(&at, &id)
	} else {
		err = row.Scan(&id)
	}
	if err != nil {
		// No entry at the bound (sql.ErrNoRows): the walk ends before it.
		return true
	}
	op := "<="
	if strings.HasPrefix(f.Sort, "-") {
		op = ">="
	}
	db := f.apply(s.read(ctx).Table(walk), now, s.staleAfter)
	if c := f.cursor(); c != nil {
		db = c.after(db)
	}
	if col != "" {
		db = db.Where(fmt.Sprintf("(%s, claims.id) %s (?, ?)", col, op), at.UTC(), id)
	} else {
		db = db.Where(fmt.Sprintf("claims.id %s ?", op), id)
	}
	var found []int64
	if err := db.Order(order).Limit(int(need)).Pluck("claims.id", &found).Error; err != nil {
		return true
	}
	return int64(len(found)) >= need
}

// sortedMatches reads f's matches from the filters' indexes and sorts
// them: the order's first column is written +col so that SQLite does not
// take the sort's index for it.
func (s *Store) sortedMatches(ctx context.Context, f ClaimFilter, now time.Time, order string) (*gorm.DB, string) {
	order = "+" + order
	if s.d.searchArg(f.Query) != "" {
		return s.searchJoin(ctx, f, now), order
	}
	table := "claims"
	if onlyDateRange(f) {
		// As in pageRows: SQLite cannot tell how narrow a range is.
		table = "claims INDEXED BY claims_reported"
	}
	return f.apply(s.read(ctx).Table(table), now, s.staleAfter), order
}
