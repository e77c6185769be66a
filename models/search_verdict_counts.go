package models

import (
	"context"
	"slices"
	"time"
)

// searchVerdictCounts groups a search's matches by verdict from the search
// index, on SQLite: by reading the matches the index hands over when they
// are few, or, when every filter is a facet, by counting each verdict's
// matches in the index alone. Grouping through the claims table instead
// checked every claim of the filters against the search (a quarter of a
// second for a search inside a story at a million claims). ok is false when
// neither way applies, and for the claims with a close match, which are
// grouped starting from those claims (closeMatchCount).
func (s *Store) searchVerdictCounts(ctx context.Context, f ClaimFilter, now time.Time, total int64) (out map[string]int64, ok bool, err error) {
	if s.d.pg || len(searchWords(f.Query)) == 0 || f.CloseMatch || (total > exactCountLimit && !s.d.facetsCover(f)) {
		return nil, false, nil
	}
	out = map[string]int64{}
	for _, v := range Verdicts() {
		out[string(v)] = 0
	}
	if total <= exactCountLimit {
		rows := []struct {
			Verdict string
			N       int64
		}{}
		err := s.searchJoin(ctx, f, now).Select("claims.verdict AS verdict, COUNT(*) AS n").Group("claims.verdict").Scan(&rows).Error
		for _, r := range rows {
			out[r.Verdict] = r.N
		}
		return out, true, err
	}
	allowed, restricted := facetVerdicts(f)
	for _, v := range Verdicts() {
		if restricted && !slices.Contains(allowed, v) {
			continue
		}
		g := f
		// One verdict the other filters allow; the stale cut-off stays.
		g.Verdicts, g.Unconfirmed = []Verdict{v}, false
		var n int64
		if err := s.searchIndexOnly(ctx, g, now).Count(&n).Error; err != nil {
			return nil, false, err
		}
		out[string(v)] = n
	}
	return out, true, nil
}
