package models

import (
	"context"
	"errors"
	"net/url"
	"testing"
)

// FuzzClaimFilter feeds arbitrary query strings through the filter parser and
// the real list query: the answer is a page or a ValidationError, never another
// error, never a panic, and never more rows than asked for.
func FuzzClaimFilter(f *testing.F) {
	for _, seed := range []string{
		"", "unconfirmed=1", "verdict=verified,false&verifiability=not_verifiable", "story=1&source=1&assignee=none",
		"q=drones+shot&sort=relevance", "q=%22+OR+1%3D1+--", "since=2026-11-01&until=2026-11-30T12:00:00Z",
		"sort=-updated&page=2&per_page=200", "per_page=0", "page=-1", "story=9999999999999999999999",
		"q=" + url.QueryEscape(`"unterminated NEAR/3 col:claims* -x ^y`), "assignee=me", "stale=true&q=%E2%80%AE",
		"verdict=%00", "q=" + url.QueryEscape("<script>alert(1)</script>"),
	} {
		f.Add(seed)
	}
	fx := newFixture(f)
	for i := 0; i < 5; i++ {
		fx.claim(f, "Drones were shot down near the border")
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := ParseClaimFilter(q, fx.fc.ID)
		var ve *ValidationError
		if err != nil {
			if !errors.As(err, &ve) {
				t.Fatalf("ParseClaimFilter(%q): %v is not a ValidationError", raw, err)
			}
			return
		}
		page, err := fx.s.Claims(ctx, flt)
		if err != nil {
			if !errors.As(err, &ve) {
				t.Fatalf("Claims(%q): %v", raw, err)
			}
			return
		}
		if len(page.Claims) > flt.PerPage || page.Total < int64(len(page.Claims)) {
			t.Fatalf("Claims(%q): %d rows, total %d, per page %d", raw, len(page.Claims), page.Total, flt.PerPage)
		}
		if _, err := fx.s.VerdictCounts(ctx, flt); err != nil {
			t.Fatalf("VerdictCounts(%q): %v", raw, err)
		}
	})
}
