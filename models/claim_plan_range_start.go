package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Starting a walk where a date range starts. A view of the claims reported
// since a day, sorted oldest entered or changed first or by id, finds its
// claims together at the far end of the order (claim_plan_range.go): a walk
// from the start of the order's index passed over every claim reported
// before the range, and sorting the range's matches instead read each of
// their rows (at a million claims, `unconfirmed=1&since=2026-11-01&sort=updated`:
// 54,563 matches read and sorted, 50–60 ms of CPU). claim_day_firsts
// (schemaV21) holds, for each day reported, a lower bound of the id, entry
// time and last change of that day's claims: the least over the range's
// days is a value no claim of the range lies below, so the walk starts
// there (one seek) and gives the same claims in the same order. Claims
// are entered in id order, so the walk then passes over the claims entered
// since the range's first, about rows − first id + 1 of them, instead of
// every claim; by last change the estimate is the same (claims entered
// before the range but changed since it began are passed over too, and not
// counted: at worst the walk is the walk from the start it replaces).

// rangeStart is where a walk in a view's order may start: the condition on
// the order's column, and the least first id of the range's days for the
// walk's estimate. ok is false where no bound applies.
type rangeStart struct {
	ok      bool
	cond    string
	args    []any
	firstID int64
}

// rangeStartColumns maps each order whose walk can start at the range's
// bound to the claims' column and claim_day_firsts' bound of it.
var rangeStartColumns = map[string][2]string{
	"id":      {"claims.id", "first_id"},
	"created": {"claims.created_at", "first_created"},
	"updated": {"claims.updated_at", "first_updated"},
}

// rangeStartOf is f's rangeStart on SQLite, for a view with a start (not
// after a cursor, which seeks its own start). Sorted newest first, the walk
// meets the range's claims first and ends at the bound: it too passes over
// about the entries past the bound, not the whole order. A failed read
// leaves no bound: the walk over the whole order is still right.
func (s *Store) rangeStartOf(ctx context.Context, f ClaimFilter) rangeStart {
	cols, ok := rangeStartColumns[strings.TrimPrefix(f.Sort, "-")]
	if s.d.pg || !ok || f.Since == nil || f.cursor() != nil {
		return rangeStart{}
	}
	days := "day >= " + s.d.arg()
	args := []any{f.Since.UTC().Format(time.DateOnly)}
	if f.Until != nil {
		// reported_at < until: the until's day at most.
		days += " AND day <= " + s.d.arg()
		args = append(args, f.Until.UTC().Format(time.DateOnly))
	}
	var first *int64
	if err := s.read(ctx).Raw("SELECT MIN(first_id) FROM claim_day_firsts WHERE "+days, args...).Scan(&first).Error; err != nil || first == nil {
		return rangeStart{}
	}
	return rangeStart{
		ok:      true,
		cond:    cols[0] + " >= (SELECT MIN(" + cols[1] + ") FROM claim_day_firsts WHERE " + days + ")",
		args:    args,
		firstID: *first,
	}
}

// span is how many entries of the order's index a walk from r passes over
// at most (estimated, see above) out of rows.
func (r rangeStart) span(rows int64) int64 {
	if !r.ok {
		return rows
	}
	return max(1, min(rows, rows-r.firstID+1))
}

// from starts db's walk at r (the bound is read in the page's statement,
// so it is the bound of the page's snapshot).
func (r rangeStart) from(db *gorm.DB) *gorm.DB {
	if !r.ok {
		return db
	}
	return db.Where(r.cond, r.args...)
}
