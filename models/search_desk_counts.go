package models

import (
	"context"
	"time"
)

// The desk page shows a view's page, its total and its counts per verdict.
// For a search, on SQLite, each of those three asked the search index
// again: at a million claims "army" inside a story read the word's list of
// a hundred thousand claims three times, and the counts per verdict read
// the matches' claims once more after the total had been counted. When a
// search has at most exactCountLimit matches, its matches' claims grouped
// by verdict give both the counts and, added up, the total: one reading of
// the index and of the matches fewer.

// ClaimsWithVerdictCounts is Claims and PageVerdictCounts together, for the
// desk page: the same page, total and counts.
func (s *Store) ClaimsWithVerdictCounts(ctx context.Context, f ClaimFilter) (*ClaimPage, map[string]int64, error) {
	if v := f.Validate(); v != nil {
		return nil, nil, v
	}
	if page, counts, ok, err := s.searchDeskAnswer(ctx, f, s.Now()); ok || err != nil {
		return page, counts, err
	}
	page, err := s.Claims(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	counts, err := s.PageVerdictCounts(ctx, f, page)
	if err != nil {
		return nil, nil, err
	}
	return page, counts, nil
}

// searchDeskAnswer is ClaimsWithVerdictCounts counting a search's
// matches and their verdicts at once; ok is false when it does not apply:
// not a search, on PostgreSQL, the claims with a close match (counted from
// those claims), or more than exactCountLimit matches.
func (s *Store) searchDeskAnswer(ctx context.Context, f ClaimFilter, now time.Time) (*ClaimPage, map[string]int64, bool, error) {
	if s.d.pg || len(searchWords(f.Query)) == 0 || f.CloseMatch || f.matchesNothing() {
		return nil, nil, false, nil
	}
	if ids, vs, ok, err := s.searchListed(ctx, f, now, true); ok || err != nil {
		// The filters are all facets: one reading of the index gives the
		// matches and their verdicts (search_match_list.go).
		if err != nil {
			return nil, nil, false, err
		}
		counts := map[string]int64{}
		for _, v := range Verdicts() {
			counts[string(v)] = 0
		}
		for _, v := range vs {
			counts[v]++
		}
		page, err := s.listedPage(ctx, f, now, ids)
		return page, counts, err == nil, err
	}
	if e, _, ok := s.counts.get(f.countKey(now)); ok && e.n > exactCountLimit {
		// Known to have many matches (the list keeps such a total for a
		// while): counted apart, as Claims does.
		return nil, nil, false, nil
	}
	rows := []struct {
		Verdict string
		N       int64
	}{}
	capped := s.searchJoin(ctx, f, now).Select("claims.verdict AS verdict").Limit(exactCountLimit + 1)
	if err := s.read(ctx).Raw("SELECT verdict, COUNT(*) AS n FROM (?) AS m GROUP BY verdict", capped).Scan(&rows).Error; err != nil {
		return nil, nil, false, err
	}
	counts := map[string]int64{}
	for _, v := range Verdicts() {
		counts[string(v)] = 0
	}
	var total int64
	for _, r := range rows {
		counts[r.Verdict] = r.N
		total += r.N
	}
	if total > exactCountLimit {
		return nil, nil, false, nil
	}
	page := &ClaimPage{Claims: []Claim{}, Total: total, Page: f.Page, PerPage: f.PerPage}
	if total == 0 || (f.cursor() == nil && int64((f.Page-1)*f.PerPage) >= total) {
		return page, counts, true, nil
	}
	claims, err := s.pageClaims(ctx, f, now, total)
	if err != nil {
		return nil, nil, false, err
	}
	page.withClaims(f, claims)
	return page, counts, true, nil
}
