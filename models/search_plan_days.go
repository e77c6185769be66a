package models

import (
	"context"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Searching inside a date range. On SQLite the search index holds each
// claim's day reported as a facet word (d and eight digits, schemaV20), so
// a search since a date, until a date or among the stale claims asks the
// index for the claims having the search's words and one of the range's
// days (or none of the days outside it, when those are fewer claims), and
// SQLite intersects the lists in the index. A range of days is a handful of
// words: whole months and years are prefixes ("d202611*" is November 2026).
// Where a bound falls inside a day, that day's words match claims on both
// sides of it; the claims of its other side are left out by report time,
// through the reported-time index (a day's claims at most), so that the
// index alone still counts exactly.

// searchSpan is what the day facets of a search need besides the filter:
// the clock, the stale cut-off, the first day any claim was reported on
// (which side of a range is the fewer claims) and, when no claim is
// reported outside them, the years the desk's claims span.
type searchSpan struct {
	now        time.Time
	staleAfter time.Duration
	first      time.Time
	// from and to (yyyymmdd, inclusive) bound the days any claim was
	// reported on, from the first day's year to the end of next year, when
	// spanned is true: a range's words then name no day outside them. Each
	// word costs a lookup in the index, and an open range named up to the
	// year 9999 took some thirty words (about 18 ms at a million claims).
	from, to int
	spanned  bool
}

// searchSpanOf is the span for f's day facets, read from the database only
// when f searches inside a date range. The first day only weighs which
// words to ask for, so a failed read takes today; a failed check of the
// years leaves them unbounded.
func (s *Store) searchSpanOf(ctx context.Context, f ClaimFilter, now time.Time) searchSpan {
	span := searchSpan{now: now, staleAfter: s.staleAfter, first: dayOf(now)}
	if s.d.pg || len(searchWords(f.Query)) == 0 || (f.Since == nil && f.Until == nil && !f.Stale) {
		return span
	}
	if first, err := s.firstCountedDay(ctx); err == nil {
		span.first = first
	}
	from := time.Date(span.first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(now.UTC().Year()+2, 1, 1, 0, 0, 0, 0, time.UTC)
	var outside []bool
	err := s.read(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM claims INDEXED BY claims_reported WHERE reported_at < ?)
		OR EXISTS (SELECT 1 FROM claims INDEXED BY claims_reported WHERE reported_at >= ?)`, from, to).Scan(&outside).Error
	if err == nil && len(outside) == 1 && !outside[0] && dayWordsReach(&from) && dayWordsReach(&to) {
		span.from, span.to, span.spanned = dayNumber(from), dayNumber(to.AddDate(0, 0, -1)), true
	}
	return span
}

// reportedRange is the range of report times [lo, hi) f keeps (nil: no
// bound): its since and until, and the stale cut-off.
func (f ClaimFilter) reportedRange(now time.Time, staleAfter time.Duration) (lo, hi *time.Time) {
	lo, hi = f.Since, f.Until
	if f.Stale {
		if cut := now.Add(-staleAfter); hi == nil || cut.Before(*hi) {
			hi = &cut
		}
	}
	return lo, hi
}

// dayFacets is a date range in the search index's words.
type dayFacets struct {
	// any: the claim's day is one of these words (a prefix ends in *);
	// none: it is none of them. At most one of the two is set.
	any, none []string
	// empty: the range holds no time at all.
	empty bool
	// outside are the parts of the range's end days that lie outside the
	// range: their claims have one of the range's day words.
	outside [][2]time.Time
	// ok is false when the range cannot be put in words (a bound before
	// year 1 or after 9999): the claims are then checked, not the index.
	ok bool
}

// dayFacetsOf puts f's report-time range in the index's words, choosing
// between the range's days and the days outside it by which span fewer
// days of the desk (from span.first to today).
func dayFacetsOf(f ClaimFilter, span searchSpan) dayFacets {
	lo, hi := f.reportedRange(span.now, span.staleAfter)
	out := dayFacets{ok: true}
	if lo == nil && hi == nil {
		return out
	}
	if lo != nil && hi != nil && !hi.After(*lo) {
		out.empty = true
		return out
	}
	if !dayWordsReach(lo) || !dayWordsReach(hi) {
		return dayFacets{}
	}
	// Days as numbers yyyymmdd, from a to b inclusive.
	a, b := 0, 99999999
	today := dayOf(span.now)
	from, to := span.first, today.AddDate(0, 0, 1)
	if lo != nil {
		d := dayOf(*lo)
		a, from = dayNumber(d), d
		if !lo.Equal(d) {
			out.outside = append(out.outside, [2]time.Time{d, *lo})
		}
	}
	if hi != nil {
		d := dayOf(*hi)
		last := d.AddDate(0, 0, -1)
		if !hi.Equal(d) {
			last = d
			out.outside = append(out.outside, [2]time.Time{*hi, d.AddDate(0, 0, 1)})
		}
		b, to = dayNumber(last), last.AddDate(0, 0, 1)
	}
	lowest, highest := 0, 99999999
	if span.spanned {
		// No claim is reported outside these days (see searchSpanOf).
		lowest, highest = span.from, span.to
		a, b = max(a, lowest), min(b, highest)
	}
	if a > b {
		out.empty = true
		return out
	}
	inside := max(0, to.Sub(from))
	outsideDays := max(0, from.Sub(span.first)) + max(0, today.AddDate(0, 0, 1).Sub(to))
	if inside <= outsideDays {
		out.any = dayWords(a, b)
		return out
	}
	if a > lowest {
		out.none = append(out.none, dayWords(lowest, a-1)...)
	}
	if b < highest {
		out.none = append(out.none, dayWords(b+1, highest)...)
	}
	return out
}

// dayWordsReach reports whether the day words can name t's day (nil: no
// bound): years 1 to 9999, as the claims' stored times have four digits.
func dayWordsReach(t *time.Time) bool {
	return t == nil || (t.UTC().Year() >= 1 && t.UTC().Year() <= 9999)
}

// lastOfMonth reports whether the day yyyymmdd is the last of its month.
func lastOfMonth(day int) bool {
	t := time.Date(day/10000, time.Month(day/100%100), day%100, 0, 0, 0, 0, time.UTC)
	return dayNumber(t) == day && t.AddDate(0, 0, 1).Day() == 1
}

// dayNumber is day as yyyymmdd.
func dayNumber(day time.Time) int {
	y, m, d := day.Date()
	return y*10000 + int(m)*100 + d
}

// dayWords are the index words that match exactly the days from a to b
// (yyyymmdd, inclusive): whole runs of the decimal digits become one
// prefix, and prefixes no date can have (a thirteenth month, a 32nd day)
// are left out.
func dayWords(a, b int) []string {
	// No date has day or month 00, nor a day after its month's last or a
	// month after 12: a range from the 1st or to the last of a month (of
	// January, of December) covers the whole month (year) in fewer words.
	if a%100 == 1 {
		a--
		if a%10000 == 100 {
			a -= 100
		}
	}
	if lastOfMonth(b) {
		b = b/100*100 + 99
		if b%10000 == 1299 {
			b += 8700
		}
	}
	var out []string
	var cover func(prefix string, lo, hi, n int)
	cover = func(prefix string, lo, hi, n int) {
		if !datePrefixPossible(prefix) {
			return
		}
		full := pow10(n) - 1
		if lo == 0 && hi == full {
			if n == 0 {
				out = append(out, facetWord("d", prefix))
			} else {
				out = append(out, `"`+facetMark+"d"+prefix+`*"`)
			}
			return
		}
		step := pow10(n - 1)
		for d := lo / step; d <= hi/step; d++ {
			cover(prefix+strconv.Itoa(d), max(lo, d*step)-d*step, min(hi, d*step+step-1)-d*step, n-1)
		}
	}
	cover("", a, b, 8)
	return out
}

func pow10(n int) int {
	p := 1
	for ; n > 0; n-- {
		p *= 10
	}
	return p
}

// datePrefixPossible reports whether some date yyyymmdd begins with p.
func datePrefixPossible(p string) bool {
	if len(p) >= 5 && p[4] > '1' {
		return false
	}
	if len(p) >= 6 {
		if m, _ := strconv.Atoi(p[4:6]); m < 1 || m > 12 {
			return false
		}
	}
	if len(p) >= 7 && p[6] > '3' {
		return false
	}
	if len(p) >= 8 {
		if d, _ := strconv.Atoi(p[6:8]); d < 1 || d > 31 {
			return false
		}
	}
	return true
}

// withDays adds the day words to arg, a search argument of filterSearchArg.
func (d dayFacets) withDays(arg string) string {
	switch {
	case arg == "" || !d.ok:
		return arg
	case d.empty:
		return "(" + arg + ") " + facetWord("v", "none")
	case len(d.any) > 0:
		return "(" + arg + ") (" + strings.Join(d.any, " OR ") + ")"
	case len(d.none) > 0:
		// One NOT of a group: the index's parser limits how deeply its
		// operators nest, and a chain of NOTs nests one level each.
		return "(" + arg + ") NOT (" + strings.Join(d.none, " OR ") + ")"
	}
	return arg
}

// searchFacetArg is the search argument for f with its day words: it
// matches every claim f matches and perhaps claims of a range's end days
// outside the range, which whoever reads the claims leaves out.
func (s *Store) searchFacetArg(ctx context.Context, f ClaimFilter, now time.Time) string {
	arg := s.d.filterSearchArg(f)
	if s.d.pg {
		return arg
	}
	return dayFacetsOf(f, s.searchSpanOf(ctx, f, now)).withDays(arg)
}

// searchIndexOnly selects f's matches from the search index alone (rows of
// claim_search), for a search whose filters are all facets (facetsCover):
// the end days' claims outside the range are left out by their ids.
func (s *Store) searchIndexOnly(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	arg := s.d.filterSearchArg(f)
	if s.d.pg {
		return s.read(ctx).Table("claim_search").Where(s.d.searchMatch(), arg)
	}
	days := dayFacetsOf(f, s.searchSpanOf(ctx, f, now))
	db := s.read(ctx).Table("claim_search").Where(s.d.searchMatch(), days.withDays(arg))
	for _, o := range days.outside {
		db = db.Where("claim_search.docid NOT IN (SELECT id FROM claims INDEXED BY claims_reported WHERE reported_at >= ? AND reported_at < ?)", o[0].UTC(), o[1].UTC())
	}
	return db
}
