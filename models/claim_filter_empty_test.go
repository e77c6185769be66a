package models

import (
	"context"
	"testing"
)

// Filters that exclude each other through the verdict answer an empty list
// and zero counts without asking the database; filters that only overlap
// still find their claims.
func TestFiltersExcludingEachOtherMatchNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Two bridges were destroyed overnight")
	if _, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Disputed, Rationale: "the mayor denies it", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		flt  ClaimFilter
		want int64
	}{
		{ClaimFilter{Verdicts: []Verdict{Disputed}, Unconfirmed: true}, 1},
		{ClaimFilter{Unconfirmed: true, Query: "bridges"}, 1},
		{ClaimFilter{Verdicts: []Verdict{Disputed}, AwaitingSignOff: true}, 0},
		{ClaimFilter{Unconfirmed: true, AwaitingSignOff: true}, 0},
		{ClaimFilter{Stale: true, AwaitingSignOff: true, Query: "bridges"}, 0},
		{ClaimFilter{Verdicts: []Verdict{Verified}, Unconfirmed: true}, 0},
	} {
		if got := tc.flt.matchesNothing(); got != (tc.want == 0) {
			t.Errorf("%+v: matchesNothing %v", tc.flt, got)
		}
		page, err := f.s.Claims(ctx, tc.flt)
		if err != nil {
			t.Fatal(err)
		}
		counts, err := f.s.VerdictCounts(ctx, tc.flt)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := f.s.CountClaims(ctx, tc.flt); err != nil || n != tc.want {
			t.Errorf("%+v: CountClaims %d, %v; want %d", tc.flt, n, err, tc.want)
		}
		var sum int64
		for _, n := range counts {
			sum += n
		}
		if page.Total != tc.want || int64(len(page.Claims)) != tc.want || sum != tc.want || len(counts) != len(Verdicts()) {
			t.Errorf("%+v: total %d, %d claims, counts %v; want %d", tc.flt, page.Total, len(page.Claims), counts, tc.want)
		}
	}
}

// CountClaims refuses the filters Claims refuses, with the same message.
func TestCountClaimsRefusesBadFilters(t *testing.T) {
	f := newFixture(t)
	bad := ClaimFilter{Page: 200000}
	_, listErr := f.s.Claims(context.Background(), bad)
	n, err := f.s.CountClaims(context.Background(), bad)
	if err == nil || listErr == nil || err.Error() != listErr.Error() || n != 0 {
		t.Fatalf("CountClaims(%+v) = %d, %v; Claims said %v", bad, n, err, listErr)
	}
}
