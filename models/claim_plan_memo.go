package models

import (
	"context"
	"time"
)

// Choosing a page's plan asks for the narrowest index of the same view
// several times (whether a walk beats a sort, then which index to sort
// from), and each time counts every candidate index's range: for a date
// range, sums over its days, about a millisecond a candidate at a million
// claims, five candidates for `unconfirmed=1&story=2&since=…`. pageRows
// keeps the first answer for the rest of the page's choice.

// narrowestMemo is narrowestIndex's answer for the view named key.
type narrowestMemo struct {
	key     string
	name    string
	cost    float64
	inOrder bool
}

type narrowestMemoKey struct{}

// withNarrowestMemo returns ctx carrying a place for one view's narrowest
// index, for the span of one page's choice of plan.
func withNarrowestMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, narrowestMemoKey{}, &narrowestMemo{})
}

// narrowestMemoOf is ctx's place for f's narrowest index at now, and
// whether it holds f's answer already; nil when ctx carries none.
func narrowestMemoOf(ctx context.Context, f ClaimFilter, now time.Time) (*narrowestMemo, bool) {
	m, _ := ctx.Value(narrowestMemoKey{}).(*narrowestMemo)
	if m == nil {
		return nil, false
	}
	key := f.countKey(now) + "|" + f.Sort
	if m.key == key {
		return m, true
	}
	*m = narrowestMemo{key: key}
	return m, false
}
