package models

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Counting from the maintained counts. The claims are counted per
// combination of verdict, verifiability, assignee, withdrawn and signed off
// (claim_counts), the same per day reported (claim_day_counts) and per
// story (claim_story_counts), by triggers in the transaction of every write
// (schema_v17.go). A view whose filters are all among these, with a date
// range or the stale cut-off, is
// counted by summing a few hundred rows: at a million claims, two broad
// filters together ("unassigned" and "awaiting sign-off") took seconds to
// count through the table, and a few hundred microseconds from the counts.
// Nothing is reused: the sum is exact at the moment it is read.
//
// A date range is whole days from claim_day_counts, or everything less the
// days outside it when those are fewer (the stale view is everything but
// the last hours), and the part of a day at each end that is not a whole
// day is counted through the claims table: a day's claims at most.

// facetCountable reports whether the count tables hold every filter of f.
func facetCountable(f ClaimFilter) bool {
	return f.SourceID == 0 && f.Tag == "" && !f.CloseMatch && len(searchWords(f.Query)) == 0
}

// facetVerdictCounts counts f's matches per verdict from the count tables;
// ok is false when they do not hold every filter of f.
func (s *Store) facetVerdictCounts(ctx context.Context, f ClaimFilter, now time.Time) (out map[string]int64, ok bool, err error) {
	if !facetCountable(f) {
		return nil, false, nil
	}
	out = map[string]int64{}
	for _, v := range Verdicts() {
		out[string(v)] = 0
	}
	if f.matchesNothing() {
		return out, true, nil
	}
	parts, ok, err := s.countParts(ctx, f, now)
	if err != nil || !ok || len(parts) == 0 {
		return out, ok, err
	}
	rows := []struct {
		Verdict string
		N       int64
	}{}
	// One part (most views) is its own sum: run it as it is.
	sum := parts[0]
	if len(parts) > 1 {
		sql := make([]string, len(parts))
		args := make([]any, len(parts))
		for i, p := range parts {
			sql[i], args[i] = "SELECT verdict, n FROM (?) p"+strconv.Itoa(i), p
		}
		sum = s.read(ctx).Raw("SELECT verdict, SUM(n) AS n FROM ("+strings.Join(sql, " UNION ALL ")+") parts GROUP BY verdict", args...)
	}
	if err := sum.Scan(&rows).Error; err != nil {
		return nil, true, err
	}
	for _, r := range rows {
		out[r.Verdict] += r.N
	}
	return out, true, nil
}

// countParts are the queries whose counts per verdict (columns verdict
// and n), added up, are f's: sums of the count tables and, for the ends of
// a date range that are not whole days, counts through the claims table.
// ok is false when the tables cannot count f (a story with a short date
// range, see storyCountParts).
func (s *Store) countParts(ctx context.Context, f ClaimFilter, now time.Time) (parts []*gorm.DB, ok bool, err error) {
	lo, hi := f.Since, f.Until
	if f.Stale {
		if cut := now.Add(-s.staleAfter); hi == nil || cut.Before(*hi) {
			hi = &cut
		}
	}
	if lo != nil && hi != nil && !hi.After(*lo) {
		return nil, true, nil
	}
	where, args := f.countWhere(s.d)
	coarse, days, stories := s.countSources()
	sum := func(src, sign string) *gorm.DB {
		return s.read(ctx).Table(src).Select("verdict, "+sign+"SUM(n) AS n").Where(where, args...).Group("verdict")
	}
	// claimsPart counts f's matches reported in [from, to) through the
	// claims table (nil: no bound), added (sign "") or taken away ("-").
	claimsPart := func(from, to *time.Time, sign string) {
		g := f
		g.Unconfirmed, g.Stale = f.Unconfirmed || f.Stale, false
		g.Since, g.Until = from, to
		parts = append(parts, groupByVerdict(g.apply(s.read(ctx).Table("claims"), now, s.staleAfter), sign))
	}
	if f.StoryID > 0 {
		return s.storyCountParts(ctx, now, lo, hi, sum(stories, "").Where("story_id = "+s.d.arg(), f.StoryID), claimsPart, &parts)
	}
	if lo != nil && hi != nil && dayOf(*lo).Equal(dayOf(*hi)) {
		// Within one day: the claims table answers alone.
		claimsPart(lo, hi, "")
		return parts, true, nil
	}
	// Whole days from aDay to bDay (exclusive; nil: unbounded), and the rest
	// of each end through the claims table, on whichever side of the end
	// is the shorter time (claims reported after now are rare).
	var aDay, bDay *time.Time
	if lo != nil {
		d := dayOf(*lo)
		next := d.AddDate(0, 0, 1)
		switch {
		case lo.Equal(d):
			aDay = &d
		case lo.Sub(d) <= timeUpTo(next, now).Sub(*lo):
			aDay = &d
			claimsPart(&d, lo, "-")
		default:
			aDay = &next
			claimsPart(lo, &next, "")
		}
	}
	if hi != nil {
		d := dayOf(*hi)
		next := d.AddDate(0, 0, 1)
		switch {
		case hi.Equal(d):
			bDay = &d
		case hi.Sub(d) <= timeUpTo(next, now).Sub(*hi):
			bDay = &d
			claimsPart(&d, hi, "")
		default:
			bDay = &next
			claimsPart(hi, &next, "-")
		}
	}
	if aDay == nil && bDay == nil {
		return append(parts, sum(coarse, "")), true, nil
	}
	if aDay != nil && bDay != nil && !aDay.Before(*bDay) {
		return parts, true, nil
	}
	// Read whichever is fewer days: those inside the range, or those
	// outside it taken away from everything.
	first, err := s.firstCountedDay(ctx)
	if err != nil {
		return nil, true, err
	}
	last := dayOf(now)
	lower, upper := first, last.AddDate(0, 0, 1)
	if aDay != nil {
		lower = *aDay
	}
	if bDay != nil {
		upper = *bDay
	}
	inside := upper.Sub(lower)
	outside := lower.Sub(first) + last.AddDate(0, 0, 1).Sub(upper)
	if inside <= outside {
		db := sum(days, "")
		if aDay != nil {
			db = db.Where("day >= ?", s.dayArg(*aDay))
		}
		if bDay != nil {
			db = db.Where("day < ?", s.dayArg(*bDay))
		}
		return append(parts, db), true, nil
	}
	var out []string
	var outArgs []any
	if aDay != nil {
		out, outArgs = append(out, "day < ?"), append(outArgs, s.dayArg(*aDay))
	}
	if bDay != nil {
		out, outArgs = append(out, "day >= ?"), append(outArgs, s.dayArg(*bDay))
	}
	return append(parts, sum(coarse, ""), sum(days, "-").Where("("+strings.Join(out, " OR ")+")", outArgs...)), true, nil
}

// storyCountParts are countParts for a view inside a story, whose counts
// have no days: the story's count (story), less its claims before and after
// the date range [lo, hi) when those span less time than the range does (the
// stale view: everything but the last hours). A shorter range is not
// counted from the tables (ok false): its claims are few, and the claims
// table counts them through the story's index by report time.
func (s *Store) storyCountParts(ctx context.Context, now time.Time, lo, hi *time.Time, story *gorm.DB,
	claimsPart func(from, to *time.Time, sign string), parts *[]*gorm.DB) ([]*gorm.DB, bool, error) {
	if lo == nil && hi == nil {
		return []*gorm.DB{story}, true, nil
	}
	first, err := s.firstCountedDay(ctx)
	if err != nil {
		return nil, true, err
	}
	from, to := first, now
	var outside time.Duration
	if lo != nil {
		from = *lo
		outside += max(0, lo.Sub(first))
	}
	if hi != nil {
		to = *hi
		outside += max(0, now.Sub(*hi))
	}
	if outside > to.Sub(from) {
		return nil, false, nil
	}
	if lo != nil {
		claimsPart(nil, lo, "-")
	}
	if hi != nil {
		claimsPart(hi, nil, "-")
	}
	return append(*parts, story), true, nil
}

// countWhere is f's condition on the count tables' columns (compared by
// "=" through arg: see dialect_arg.go).
func (f ClaimFilter) countWhere(d dialect) (string, []any) {
	conds, args := []string{"1 = 1"}, []any{}
	if vs, ok := facetVerdicts(f); ok {
		conds, args = append(conds, "verdict IN ?"), append(args, verdictStrings(vs))
	}
	if len(f.Verifiability) > 0 {
		vs := make([]string, len(f.Verifiability))
		for i, v := range f.Verifiability {
			vs[i] = string(v)
		}
		conds, args = append(conds, "verifiability IN ?"), append(args, vs)
	}
	if f.AssigneeID > 0 {
		conds, args = append(conds, "assignee_id = "+d.arg()), append(args, f.AssigneeID)
	}
	if f.Unassigned {
		conds = append(conds, "assignee_id = 0")
	}
	if f.AwaitingSignOff {
		conds = append(conds, "signed_off = "+d.boolLit(false))
	}
	switch f.Withdrawn {
	case WithdrawnHidden:
		conds = append(conds, "withdrawn = "+d.boolLit(false))
	case WithdrawnOnly:
		conds = append(conds, "withdrawn = "+d.boolLit(true))
	}
	return strings.Join(conds, " AND "), args
}

// countSources names the two count tables to read. On PostgreSQL the
// changes not yet folded into them (claim_count_compact.go) are read in the
// same statement, so the sum is exact at its snapshot.
func (s *Store) countSources() (coarse, days, stories string) {
	if !s.d.pg {
		return "claim_counts c", "claim_day_counts c", "claim_story_counts c"
	}
	cols := countKeyColumns + ", n"
	return "(SELECT " + cols + " FROM claim_counts UNION ALL SELECT " + cols + " FROM claim_count_deltas) c",
		"(SELECT day, " + cols + " FROM claim_day_counts UNION ALL SELECT day, " + cols + " FROM claim_count_deltas) c",
		"(SELECT story_id, " + cols + " FROM claim_story_counts UNION ALL SELECT story_id, " + cols + " FROM claim_count_deltas) c"
}

// firstCountedDay is the earliest day any claim was reported on (today on
// an empty desk); it only weighs which days to read.
func (s *Store) firstCountedDay(ctx context.Context) (time.Time, error) {
	var day []string
	err := s.read(ctx).Raw("SELECT day FROM claim_day_counts ORDER BY day LIMIT 1").Scan(&day).Error
	if err != nil || len(day) == 0 || len(day[0]) < 10 {
		return dayOf(s.Now()), err
	}
	t, err := time.Parse(dayLayout, day[0][:10])
	if err != nil {
		return dayOf(s.Now()), nil
	}
	return t, nil
}

const dayLayout = "2006-01-02"

// dayOf is the start of t's day in UTC.
func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dayArg is day as the count tables hold it: text on SQLite, a date on
// PostgreSQL (passed as a time, which also carries the years before 1 AD
// that a filter may name).
func (s *Store) dayArg(day time.Time) any {
	if s.d.pg {
		return day
	}
	return day.Format(dayLayout)
}

// timeUpTo is t, or now when that is earlier.
func timeUpTo(t, now time.Time) time.Time {
	if now.Before(t) {
		return now
	}
	return t
}
