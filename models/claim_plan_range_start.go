package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Starting and ending a walk where a date range does. A view of the claims
// reported since a day, sorted oldest entered or changed first or by id,
// finds its claims together at the far end of the order
// (claim_plan_range.go): a walk from the start of the order's index passed
// over every claim reported before the range, and sorting the range's
// matches instead read each of their rows (at a million claims,
// `unconfirmed=1&since=2026-11-01&sort=updated`: 54,563 matches read and
// sorted, 50–60 ms of CPU). Newest first, a range ending before today
// passed over every claim reported since its end. claim_day_bounds
// (schemaV21) holds, for each day reported, bounds of the ids, entry times
// and last changes of that day's claims: the widest over the range's days
// are values no claim of the range lies outside, so the walk starts and
// ends there (a seek) and gives the same claims in the same order. Claims
// are entered in id order, so the walk then passes over about the claims
// entered between the range's first and last (hi − lo + 1 of the ids)
// instead of every claim; by last change (no highest kept) the same from
// the lowest, an estimate: claims entered before the range but changed
// since it began are passed over too and not counted, at worst the walk of
// the whole order that it replaces.

// rangeStart is where a walk in a view's order may start and end: the
// conditions on the order's column, and the ids bounding the range's days
// for the walk's estimate (lo 1 and hi 0 where unbounded). ok is false
// where no bound applies.
type rangeStart struct {
	ok     bool
	conds  []string
	args   [][]any
	lo, hi int64
}

// rangeBoundColumns maps each order whose walk a range can bound to the
// claims' column and claim_day_bounds' lowest and highest of it ("": none).
var rangeBoundColumns = map[string][3]string{
	"id":      {"claims.id", "first_id", "last_id"},
	"created": {"claims.created_at", "first_created", "last_created"},
	"updated": {"claims.updated_at", "first_updated", ""},
}

// rangeStartOf is f's rangeStart on SQLite, for a view with a date range
// in an order rangeBoundColumns names (not after a cursor, which seeks its
// own start). A failed read leaves no bound: the walk over the whole order
// is still right.
func (s *Store) rangeStartOf(ctx context.Context, f ClaimFilter) rangeStart {
	cols, ok := rangeBoundColumns[strings.TrimPrefix(f.Sort, "-")]
	if s.d.pg || !ok || (f.Since == nil && f.Until == nil) || f.cursor() != nil {
		return rangeStart{}
	}
	var days []string
	var args []any
	if f.Since != nil {
		days = append(days, "day >= "+s.d.arg())
		args = append(args, f.Since.UTC().Format(time.DateOnly))
	}
	if f.Until != nil {
		// reported_at < until: the until's day at most.
		days = append(days, "day <= "+s.d.arg())
		args = append(args, f.Until.UTC().Format(time.DateOnly))
	}
	where := strings.Join(days, " AND ")
	var ids struct{ Lo, Hi *int64 }
	if err := s.read(ctx).Raw("SELECT MIN(first_id) AS lo, MAX(last_id) AS hi FROM claim_day_bounds WHERE "+where, args...).Scan(&ids).Error; err != nil || ids.Lo == nil {
		return rangeStart{}
	}
	r := rangeStart{ok: true, lo: 1}
	if f.Since != nil {
		r.lo = *ids.Lo
		r.conds = append(r.conds, cols[0]+" >= (SELECT MIN("+cols[1]+") FROM claim_day_bounds WHERE "+where+")")
		r.args = append(r.args, args)
	}
	if f.Until != nil && cols[2] != "" {
		r.hi = *ids.Hi
		r.conds = append(r.conds, cols[0]+" <= (SELECT MAX("+cols[2]+") FROM claim_day_bounds WHERE "+where+")")
		r.args = append(r.args, args)
	}
	if len(r.conds) == 0 {
		return rangeStart{}
	}
	return r
}

// span is how many entries of the order's index a walk within r passes
// over at most (estimated, see above) out of rows.
func (r rangeStart) span(rows int64) int64 {
	if !r.ok {
		return rows
	}
	hi := rows
	if r.hi > 0 {
		hi = min(rows, r.hi)
	}
	return max(1, hi-r.lo+1)
}

// from keeps db's walk within r (the bounds are read in the page's
// statement, so they are the bounds of the page's snapshot).
func (r rangeStart) from(db *gorm.DB) *gorm.DB {
	for i, c := range r.conds {
		db = db.Where(c, r.args[i]...)
	}
	return db
}
