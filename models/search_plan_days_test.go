package models

import (
	"context"
	"fmt"
	"maps"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"time"
)

// dayWordsMatch reports whether the day yyyymmdd has one of words, as the
// search index matches them (a word ending in * is a prefix).
func dayWordsMatch(words []string, day int) bool {
	s := fmt.Sprintf("%08d", day)
	for _, w := range words {
		w = strings.TrimPrefix(strings.Trim(w, `"`), facetMark+"d")
		if p, ok := strings.CutSuffix(w, "*"); ok && strings.HasPrefix(s, p) || w == s {
			return true
		}
	}
	return false
}

// The day words of a range match exactly its days, for every day of the
// years around the desk's and random ranges, bounded or not, in both forms.
func TestDayWordsMatchExactlyTheRange(t *testing.T) {
	var days []int
	for d := time.Date(1998, 12, 25, 0, 0, 0, 0, time.UTC); d.Year() < 2031; d = d.AddDate(0, 0, 1) {
		days = append(days, dayNumber(d))
	}
	days = append(days, 10101, 9991231, 99991231, 30000101)
	rng := rand.New(rand.NewSource(20))
	ranges := [][2]int{{0, 99999999}, {20261101, 99999999}, {0, 20261119}, {20260101, 20261231}, {20261231, 20270101}, {20240229, 20240229}}
	for i := 0; i < 120; i++ {
		a, b := days[rng.Intn(len(days))], days[rng.Intn(len(days))]
		ranges = append(ranges, [2]int{min(a, b), max(a, b)})
	}
	for _, r := range ranges {
		words := dayWords(r[0], r[1])
		if len(words) > 80 {
			t.Errorf("%v: %d words", r, len(words))
		}
		for _, d := range days {
			if got, want := dayWordsMatch(words, d), d >= r[0] && d <= r[1]; got != want {
				t.Fatalf("range %v, day %d: matched %v, want %v (words %v)", r, d, got, want, words)
			}
		}
	}
	// A month is one word, a year too.
	if w := dayWords(20261101, 20261130); len(w) != 1 || w[0] != `"`+facetMark+`d202611*"` {
		t.Errorf("November 2026 is %v", w)
	}
	if w := dayWords(20260101, 20261231); len(w) != 1 || w[0] != `"`+facetMark+`d2026*"` {
		t.Errorf("2026 is %v", w)
	}
}

// Both forms of a range's words (its days, or none of the days outside it)
// with the parts of the end days outside it, for ranges on and off midnight.
func TestDayFacetsOfRanges(t *testing.T) {
	now := time.Date(2026, 12, 3, 10, 30, 0, 0, time.UTC)
	span := searchSpan{now: now, staleAfter: 6 * time.Hour, first: time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC)}
	at := func(s string) *time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return &t
	}
	for _, c := range []struct {
		what         string
		f            ClaimFilter
		first, after string // the range's first day and the first day after it
		outside      int
		none         bool
	}{
		{"since a midnight", ClaimFilter{Since: at("2026-11-01T00:00:00Z")}, "20261101", "", 0, false},
		{"until a midnight", ClaimFilter{Until: at("2026-11-20T00:00:00Z")}, "", "20261120", 0, true},
		{"stale", ClaimFilter{Stale: true}, "", "20261204", 1, true},
		{"inside one day", ClaimFilter{Since: at("2026-11-05T03:00:00Z"), Until: at("2026-11-05T09:00:00+02:00")}, "20261105", "20261106", 2, false},
		{"since mid-day, stale", ClaimFilter{Since: at("2026-11-05T12:00:00Z"), Stale: true}, "20261105", "20261204", 2, false},
	} {
		// Unbounded, and bounded by the years the claims span (2025 to
		// 2027), which the loop below walks.
		spanned := span
		spanned.from, spanned.to, spanned.spanned = 20250101, 20271231, true
		for _, sp := range []searchSpan{span, spanned} {
			d := dayFacetsOf(c.f, sp)
			if !d.ok || d.empty || len(d.outside) != c.outside || (len(d.none) > 0) != c.none {
				t.Errorf("%s: %+v", c.what, d)
				continue
			}
			if n := len(d.any) + len(d.none); sp.spanned && n > 12 {
				t.Errorf("%s: %d words within the claims' years", c.what, n)
			}
			for day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2028; day = day.AddDate(0, 0, 1) {
				n := fmt.Sprintf("%08d", dayNumber(day))
				want := (c.first == "" || n >= c.first) && (c.after == "" || n < c.after)
				got := dayWordsMatch(d.any, dayNumber(day))
				if c.none {
					got = !dayWordsMatch(d.none, dayNumber(day))
				}
				if got != want {
					t.Errorf("%s (years bounded %v), %s: in %v, want %v", c.what, sp.spanned, n, got, want)
				}
			}
		}
	}
	if d := dayFacetsOf(ClaimFilter{Since: at("2026-11-05T12:00:00Z"), Until: at("2026-11-05T12:00:00Z")}, span); !d.empty {
		t.Errorf("an empty range: %+v", d)
	}
	if d := dayFacetsOf(ClaimFilter{Since: at("0000-06-01T00:00:00Z")}, span); d.ok {
		t.Errorf("a range from year 0: %+v", d)
	}
}

// searchDatesDesk is a desk of 40 claims reported every six hours back
// from now, of every verdict, some signed off, some moved to other days,
// one withdrawn; and the filters the date tests search inside.
func searchDatesDesk(t *testing.T) (*fixture, map[string]ClaimFilter) {
	f := newFixture(t)
	ctx := context.Background()
	now := f.s.Now()
	var claims []*Claim
	for i := 0; i < 40; i++ {
		text := fmt.Sprintf("Army units shelled depot %d", i)
		if i%3 == 1 {
			text = fmt.Sprintf("Police cordoned off bridge %d", i)
		}
		// Every six hours back from now, across midnights and days.
		at := now.Add(-time.Duration(i*6+1) * time.Hour)
		c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text, ReportedAt: &at})
		if err != nil {
			t.Fatal(err)
		}
		claims = append(claims, c)
	}
	var err error
	for i, c := range claims {
		v := []Verdict{Verified, False, Unverified, Misleading, Disputed}[i%5]
		if i%7 == 6 {
			continue
		}
		if v.Final() {
			f.evidence(t, c, "supports", fmt.Sprintf("https://example.org/evidence-%d", i), "")
		}
		if claims[i], err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: v, Rationale: "checked", Version: c.Version}); err != nil {
			t.Fatal(err)
		}
	}
	for _, i := range []int{0, 3, 5, 10, 11, 15} {
		if claims[i], err = f.s.SignOff(ctx, f.editor, claims[i].ID, claims[i].Version); err != nil {
			t.Fatal(err)
		}
	}
	// Report times move to other days (one across a range's end); a claim
	// is withdrawn.
	for i, back := range map[int]time.Duration{4: 200 * time.Hour, 9: 2 * time.Hour, 20: 30 * time.Minute} {
		at := now.Add(-back)
		if claims[i], err = f.s.UpdateClaim(ctx, f.fc, claims[i].ID, claims[i].Version, ClaimInput{ReportedAt: &at}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.WithdrawClaim(ctx, f.fc, claims[12].ID, claims[12].Version, "a duplicate"); err != nil {
		t.Fatal(err)
	}

	at := func(d time.Duration) *time.Time { t := now.Add(d); return &t }
	midnight := dayOf(now)
	return f, map[string]ClaimFilter{
		"since midnight":          {Since: ptr(midnight.AddDate(0, 0, -3))},
		"until midnight":          {Until: ptr(midnight.AddDate(0, 0, -2))},
		"since mid-day":           {Since: at(-100 * time.Hour)},
		"until mid-day":           {Until: at(-50 * time.Hour)},
		"within a day":            {Since: at(-77 * time.Hour), Until: at(-71 * time.Hour)},
		"across a midnight":       {Since: at(-40 * time.Hour), Until: at(-10 * time.Hour)},
		"empty range":             {Since: at(-40 * time.Hour), Until: at(-40 * time.Hour)},
		"stale":                   {Stale: true},
		"stale since":             {Stale: true, Since: at(-90 * time.Hour)},
		"awaiting sign-off":       {AwaitingSignOff: true},
		"awaiting, until":         {AwaitingSignOff: true, Until: at(-30 * time.Hour)},
		"verdict, since":          {Verdicts: []Verdict{Verified, Disputed}, Since: at(-60 * time.Hour)},
		"story, stale":            {StoryID: f.story.ID, Stale: true},
		"withdrawn only, since":   {Withdrawn: WithdrawnOnly, Since: at(-200 * time.Hour)},
		"withdrawn too, awaiting": {Withdrawn: WithdrawnIncluded, AwaitingSignOff: true},
		// Two broad filters: their pairs' words (search_facet_pairs.go).
		"awaiting, unassigned":       {AwaitingSignOff: true, Unassigned: true},
		"awaiting, verifiability":    {AwaitingSignOff: true, Verifiability: []Verifiability{VerifUnknown}},
		"unconfirmed, verifiability": {Unconfirmed: true, Verifiability: []Verifiability{VerifUnknown, VerifVerifiable}},
		"verdict, unassigned, since": {Verdicts: []Verdict{Verified, Misleading}, Unassigned: true, Since: at(-100 * time.Hour)},
	}
}

// A search inside a date range, the stale claims or the sign-off queue
// finds exactly what the search alone and the filters alone both find, on
// both databases, with its total, its counts per verdict (also counted in
// the search index alone) and in every sort; after report times move to
// other days and claims are signed off.
func TestSearchInsideDatesFindsWhatBothFind(t *testing.T) {
	f, filters := searchDatesDesk(t)
	ctx := context.Background()
	now := f.s.Now()
	ids := func(flt ClaimFilter) []int64 { t.Helper(); return listIDs(t, f.s, flt) }
	sorted := func(x []int64) []int64 { x = slices.Clone(x); slices.Sort(x); return x }
	found := 0
	for what, flt := range filters {
		for _, q := range []string{"army", "arm", "police bridge"} {
			search := ids(ClaimFilter{Query: q, Withdrawn: WithdrawnIncluded})
			var want []int64
			for _, id := range ids(flt) {
				if slices.Contains(search, id) {
					want = append(want, id)
				}
			}
			want = sorted(want)
			found += len(want)
			g := flt
			g.Query = q
			counts, err := f.s.VerdictCounts(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			wantCounts := map[string]int64{}
			for _, v := range Verdicts() {
				wantCounts[string(v)] = 0
			}
			for _, id := range want {
				wantCounts[string(verdictOf(t, f.s, id))]++
			}
			if !maps.Equal(counts, wantCounts) {
				t.Errorf("%s, search %q: counts %v, want %v", what, q, counts, wantCounts)
			}
			// Many matches: each verdict counted in the search index alone.
			if many, ok, err := f.s.searchVerdictCounts(ctx, g, f.s.Now(), exactCountLimit+1); err != nil {
				t.Fatal(err)
			} else if ok && !maps.Equal(many, wantCounts) {
				t.Errorf("%s, search %q: counted in the index %v, want %v", what, q, many, wantCounts)
			}
			if f.s.d.facetsCover(g) {
				var n int64
				if err := f.s.searchIndexOnly(ctx, g, now).Count(&n).Error; err != nil || n != int64(len(want)) {
					t.Errorf("%s, search %q: the index alone counts %d (%v), want %d", what, q, n, err, len(want))
				}
			}
			for _, sort := range ClaimSorts() {
				g := flt
				g.Query, g.Sort = q, sort
				got := ids(g)
				if !slices.Equal(sorted(got), want) {
					t.Errorf("%s, search %q, sort %s: got %v, want %v", what, q, sort, sorted(got), want)
				}
				g.Query = ""
				if order := ids(g); sort != "relevance" && !slices.Equal(got, keep(order, want)) {
					t.Errorf("%s, search %q, sort %s: order %v, want %v", what, q, sort, got, keep(order, want))
				}
			}
		}
	}
	if found < 100 {
		t.Fatalf("the searches found %d claims in all: the test checks too little", found)
	}
	if !f.s.d.pg && !f.s.searchSpanOf(ctx, ClaimFilter{Query: "army", Stale: true}, now).spanned {
		t.Error("the claims' years are not bounded: the words name every year")
	}
	// A claim reported years ahead: the words then name every year, and
	// the open ranges still find it.
	ahead, text := now.AddDate(5, 0, 0), "Army convoy seen ahead"
	c, err := f.s.CreateClaim(ctx, f.fc, ClaimInput{StoryID: &f.story.ID, SourceID: &f.source.ID, Text: &text, ReportedAt: &ahead})
	if err != nil {
		t.Fatal(err)
	}
	if f.s.searchSpanOf(ctx, ClaimFilter{Query: "army", Stale: true}, now).spanned {
		t.Error("the claims' years are bounded with a claim five years ahead")
	}
	for what, flt := range filters {
		want := keep(ids(flt), ids(ClaimFilter{Query: "army", Withdrawn: WithdrawnIncluded}))
		g := flt
		g.Query = "army"
		g.Sort = "-reported"
		if got := ids(g); !slices.Equal(got, want) {
			t.Errorf("%s with a claim ahead: got %v, want %v", what, got, want)
		}
		if flt.Until == nil && !flt.Stale && flt.Withdrawn != WithdrawnOnly && !flt.AwaitingSignOff && len(flt.Verdicts) == 0 && !slices.Contains(want, c.ID) {
			t.Errorf("%s: the claim ahead is not found", what)
		}
	}
}

// listIDs lists the ids of flt's matches (up to MaxPerPage) in the list's
// order, checking that the total counts them.
func listIDs(t *testing.T, s *Store, flt ClaimFilter) []int64 {
	t.Helper()
	flt.PerPage = MaxPerPage
	page, err := s.Claims(context.Background(), flt)
	if err != nil {
		t.Fatalf("%+v: %v", flt, err)
	}
	if int(page.Total) != len(page.Claims) {
		t.Fatalf("%+v: total %d for %d claims", flt, page.Total, len(page.Claims))
	}
	out := []int64{}
	for _, c := range page.Claims {
		out = append(out, c.ID)
	}
	return out
}

// keep is the ids of order that are in set, in order.
func keep(order, set []int64) []int64 {
	out := []int64{}
	for _, id := range order {
		if slices.Contains(set, id) {
			out = append(out, id)
		}
	}
	return out
}
