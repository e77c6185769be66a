package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ClaimFilter is every filter of the claim list, shared by the API, the desk
// and the exports so that one view means the same rows everywhere.
type ClaimFilter struct {
	Verdicts      []Verdict
	Verifiability []Verifiability
	Unconfirmed   bool
	Stale         bool
	StoryID       int64
	SourceID      int64
	AssigneeID    int64 // > 0: that user
	Unassigned    bool
	// CloseMatch keeps claims with a close match not linked to them yet.
	CloseMatch    bool
	Query         string
	Since, Until  *time.Time
	Sort          string
	Page, PerPage int
	// Withdrawn says whether claims taken off the desk are hidden (the
	// default), listed with the others, or listed alone.
	Withdrawn WithdrawnMode
	// Tag keeps the claims carrying this tag (normalised, see NormTag).
	Tag string
	// AwaitingSignOff keeps final verdicts no editor has signed off yet.
	AwaitingSignOff bool
	// After continues the list after the claim it names (ClaimPage.Next of
	// the page before); Page is then only the page's number, not an offset.
	After string
}

// WithdrawnMode is how the list treats withdrawn claims.
type WithdrawnMode int

// The list hides withdrawn claims unless asked (withdrawn=1 or withdrawn=only).
const (
	WithdrawnHidden WithdrawnMode = iota
	WithdrawnIncluded
	WithdrawnOnly
)

// Sorts maps each accepted sort name to its ORDER BY; nothing else reaches SQL.
var claimSorts = map[string]string{
	"-reported": "claims.reported_at DESC, claims.id DESC",
	"reported":  "claims.reported_at ASC, claims.id ASC",
	"-created":  "claims.created_at DESC, claims.id DESC",
	"created":   "claims.created_at ASC, claims.id ASC",
	"-updated":  "claims.updated_at DESC, claims.id DESC",
	"updated":   "claims.updated_at ASC, claims.id ASC",
	"-id":       "claims.id DESC",
	"id":        "claims.id ASC",
	"relevance": "", // full-text rank, only with a query
	// The sign-off queue's orders (awaiting_signoff=1 only, see
	// signOffSorts): by when the final verdict was given.
	"verdict_at":  "claims.verdict_at ASC, claims.id ASC",
	"-verdict_at": "claims.verdict_at DESC, claims.id DESC",
}

// signOffSorts are the sorts only the sign-off queue takes: every claim in
// it has a verdict time, which other claims may lack (and the two databases
// place a missing time at opposite ends).
var signOffSorts = map[string]bool{"verdict_at": true, "-verdict_at": true}

// ClaimSorts lists the accepted sort names, the default first.
func ClaimSorts() []string {
	return []string{"-reported", "reported", "-created", "created", "-updated", "updated", "-id", "id", "relevance"}
}

// Paging bounds.
const (
	DefaultPerPage = 50
	MaxPerPage     = 200
	MaxQueryLen    = 200
)

// Validate checks the filter's values and fills defaults.
func (f *ClaimFilter) Validate() *ValidationError {
	e := map[string]string{}
	for _, v := range f.Verdicts {
		if !v.Valid() {
			e["verdict"] = "must be one of unreviewed, in_review, verified, unverified, disputed, misleading, false"
		}
	}
	for _, v := range f.Verifiability {
		if !v.Valid() {
			e["verifiability"] = "must be one of unknown, verifiable, not_verifiable"
		}
	}
	if f.Sort == "" {
		f.Sort = "-reported"
		if strings.TrimSpace(f.Query) != "" {
			f.Sort = "relevance"
		}
	}
	if _, ok := claimSorts[f.Sort]; !ok {
		e["sort"] = "must be one of " + strings.Join(ClaimSorts(), ", ")
	} else if signOffSorts[f.Sort] && !f.AwaitingSignOff {
		e["sort"] = "verdict_at orders the sign-off queue (awaiting_signoff=1) only"
	}
	if len(f.Query) > MaxQueryLen*4 || len([]rune(f.Query)) > MaxQueryLen {
		e["q"] = "must be at most 200 characters"
	}
	if f.Page == 0 {
		f.Page = 1
	}
	if f.Page < 1 || f.Page > 100000 {
		e["page"] = "must be between 1 and 100000"
	}
	if f.PerPage == 0 {
		f.PerPage = DefaultPerPage
	}
	if f.PerPage < 1 || f.PerPage > MaxPerPage {
		e["per_page"] = "must be between 1 and 200"
	}
	if _, ok := parseCursor(f.After, f.Sort); f.After != "" && !ok {
		e["after"] = "is not a position in this list: follow the list's next link, or use page"
	}
	if f.Since != nil && f.Until != nil && f.Until.Before(*f.Since) {
		e["until"] = "must not be before since"
	}
	if len(e) > 0 {
		return &ValidationError{Fields: e}
	}
	return nil
}

// onlyQuery reports whether the filter is a full-text search and nothing else.
func (f *ClaimFilter) onlyQuery() bool {
	g := *f
	g.Query, g.Sort, g.Page, g.PerPage = "", "", 0, 0
	return len(searchWords(f.Query)) > 0 && g.isEmpty()
}

// isEmpty reports whether the filter restricts nothing.
func (f *ClaimFilter) isEmpty() bool {
	return len(f.Verdicts) == 0 && len(f.Verifiability) == 0 && !f.Unconfirmed && !f.Stale && f.StoryID == 0 &&
		f.SourceID == 0 && f.AssigneeID == 0 && !f.Unassigned && f.Query == "" && f.Since == nil && f.Until == nil &&
		!f.CloseMatch && f.Withdrawn == WithdrawnIncluded && f.Tag == "" && !f.AwaitingSignOff
}

// apply adds the filter's WHERE clauses to db (values only as arguments,
// compared by "=" through arg: see dialect_arg.go).
func (f *ClaimFilter) apply(db *gorm.DB, now time.Time, staleAfter time.Duration) *gorm.DB {
	d := dialectOf(db)
	// The one place where withdrawn claims leave the list, its counts and
	// the exports.
	switch f.Withdrawn {
	case WithdrawnHidden:
		db = db.Where("claims.withdrawn_at IS NULL")
	case WithdrawnOnly:
		db = db.Where("claims.withdrawn_at IS NOT NULL")
	}
	if f.Tag != "" {
		db = db.Where("claims.id IN (SELECT claim_id FROM claim_tags WHERE tag = "+d.arg()+")", f.Tag)
	}
	if f.AwaitingSignOff {
		db = db.Where("claims.verdict IN ? AND claims.signed_off_at IS NULL", verdictStrings([]Verdict{Verified, False, Misleading}))
	}
	if len(f.Verdicts) > 0 {
		db = db.Where("claims.verdict IN ?", verdictStrings(f.Verdicts))
	}
	if len(f.Verifiability) > 0 {
		vs := make([]string, len(f.Verifiability))
		for i, v := range f.Verifiability {
			vs[i] = string(v)
		}
		db = db.Where("claims.verifiability IN ?", vs)
	}
	if f.Unconfirmed || f.Stale {
		db = db.Where("claims.unconfirmed = " + d.boolLit(true))
	}
	if f.Stale {
		db = db.Where("claims.reported_at < ?", now.Add(-staleAfter))
	}
	if f.StoryID > 0 {
		db = db.Where("claims.story_id = "+d.arg(), f.StoryID)
	}
	if f.SourceID > 0 {
		db = db.Where("claims.source_id = "+d.arg(), f.SourceID)
	}
	if f.AssigneeID > 0 {
		db = db.Where("claims.assignee_id = "+d.arg(), f.AssigneeID)
	}
	if f.Unassigned {
		db = db.Where("claims.assignee_id IS NULL")
	}
	if f.CloseMatch {
		db = db.Where(unlinkedCloseMatch)
	}
	if f.Since != nil {
		db = db.Where("claims.reported_at >= ?", f.Since.UTC())
	}
	if f.Until != nil {
		db = db.Where("claims.reported_at < ?", f.Until.UTC())
	}
	if len(searchWords(f.Query)) > 0 {
		db = db.Where("claims.id IN (SELECT docid FROM claim_search WHERE "+d.searchMatch()+")", d.filterSearchArg(*f))
	}
	return db
}

func verdictStrings(vs []Verdict) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// ClaimPage is one page of the claim list with the total number of matches.
type ClaimPage struct {
	Claims  []Claim `json:"claims"`
	Total   int64   `json:"total"`
	Page    int     `json:"page"`
	PerPage int     `json:"per_page"`
	// Next continues the list after this page (pass it as "after" with the
	// same filters and sort); empty on the last page and for relevance.
	Next string `json:"next,omitempty"`
}

// Claims lists the claims that match f, one page at a time, with the total.
func (s *Store) Claims(ctx context.Context, f ClaimFilter) (*ClaimPage, error) {
	if v := f.Validate(); v != nil {
		return nil, v
	}
	now := s.Now()
	if page, ok, err := s.searchListedClaims(ctx, f, now); ok || err != nil {
		return page, err
	}
	total, err := s.countClaims(ctx, f, now)
	if err != nil {
		return nil, err
	}
	page := &ClaimPage{Claims: []Claim{}, Total: total, Page: f.Page, PerPage: f.PerPage}
	cur := f.cursor()
	if total == 0 || (cur == nil && int64((f.Page-1)*f.PerPage) >= total) {
		return page, nil
	}
	claims, err := s.pageClaims(ctx, f, now, total)
	if err != nil {
		return nil, err
	}
	page.withClaims(f, claims)
	return page, nil
}

// withClaims sets the page's claims and the cursor of the next page.
func (page *ClaimPage) withClaims(f ClaimFilter, claims []Claim) {
	page.Claims = claims
	if n := len(claims); n == f.PerPage && int64(f.Page*f.PerPage) < page.Total {
		page.Next = cursorFor(f.Sort, &claims[n-1])
	}
}

// pageClaims reads the claims of f's page: in one statement where it can
// (see claimPageAtOnce), else its ids first, then the claims.
func (s *Store) pageClaims(ctx context.Context, f ClaimFilter, now time.Time, total int64) ([]Claim, error) {
	if s.readsPageAtOnce(f) {
		return s.claimPageAtOnce(ctx, f, now, total)
	}
	ids, err := s.claimIDs(ctx, f, now, total)
	if err != nil {
		return nil, err
	}
	return s.claimsByID(ctx, ids)
}

// CountClaims is the total Claims would give for f, without reading a page
// of claims: the page header shows counts on every page.
func (s *Store) CountClaims(ctx context.Context, f ClaimFilter) (int64, error) {
	if v := f.Validate(); v != nil {
		return 0, v
	}
	return s.countClaims(ctx, f, s.Now())
}

// countClaims counts the matches of f: exactly up to exactCountLimit, else
// from a count at most countTTL old.
func (s *Store) countClaims(ctx context.Context, f ClaimFilter, now time.Time) (int64, error) {
	if f.matchesNothing() {
		return 0, nil
	}
	if counts, ok, err := s.facetVerdictCounts(ctx, f, now); ok || err != nil {
		var n int64
		for _, c := range counts {
			n += c
		}
		return n, err
	}
	key := f.countKey(now)
	if e, fresh, ok := s.counts.get(key); ok {
		if !fresh {
			// Serve the recent total and count afresh in the background, so
			// no page waits for a full count once the desk is warm.
			s.counts.refresh(key, func() (countEntry, error) {
				n, err := s.fullCount(context.Background(), f, now)
				return countEntry{n: n, counts: e.counts}, err
			})
		}
		return e.n, nil
	}
	n, capped, err := s.countVisible(ctx, f, now, exactCountLimit)
	if err != nil {
		return 0, err
	}
	if !capped {
		return n, nil
	}
	n, err = s.fullCount(ctx, f, now)
	if err != nil {
		return 0, err
	}
	s.counts.put(key, countEntry{n: n})
	return n, nil
}

// fullCount counts every match of f.
func (s *Store) fullCount(ctx context.Context, f ClaimFilter, now time.Time) (int64, error) {
	n, _, err := s.countVisible(ctx, f, now, 0)
	return n, err
}

// matching selects the matches of f the cheapest way to count them.
func (s *Store) matching(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	switch {
	case f.onlyQuery() || s.d.facetsCover(f):
		// A search alone, or inside a story, source or verdict, is counted
		// in the search index, without the table (see search_facets.go).
		return s.searchIndexOnly(ctx, f, now)
	case f.CloseMatch:
		// The few claims with a close match, each checked against the
		// search (claim_count_from.go), rather than every match of the
		// search read to check it has one.
		return s.closeMatchCount(ctx, f, now)
	case len(searchWords(f.Query)) > 0:
		// A search with filters is driven by the search index, so the capped
		// count stops after the first matches instead of probing every row
		// the other filters allow.
		return s.searchJoin(ctx, f, now)
	}
	return s.countFrom(ctx, f, now)
}

// claimIDs picks the ids of one page: a narrow query on indexed columns, so the
// joins for display run on one page of rows only.
func (s *Store) claimIDs(ctx context.Context, f ClaimFilter, now time.Time, total int64) ([]int64, error) {
	rows, err := s.claimRows(ctx)
	if err != nil {
		return nil, err
	}
	db, order := s.pageQuery(ctx, f, now, total, rows)
	return pluckPage(db, order, f)
}

// searchJoin selects the claims matching f, reading the search index first.
func (s *Store) searchJoin(ctx context.Context, f ClaimFilter, now time.Time) *gorm.DB {
	return s.searchJoinArg(ctx, f, now, s.searchFacetArg(ctx, f, now))
}

// searchJoinArg is searchJoin asking the search index for arg, which must
// match every claim f matches (it may match more).
func (s *Store) searchJoinArg(ctx context.Context, f ClaimFilter, now time.Time, arg string) *gorm.DB {
	g := f
	g.Query = ""
	join := "JOIN claims ON claims.id = claim_search.docid"
	if !s.d.pg {
		// CROSS JOIN keeps the search index as the outer loop: SQLite would
		// otherwise walk a filter's index and run the whole full-text query
		// once per claim (a minute for a three-filter search at 1M claims).
		join = "CROSS " + join
	}
	db := g.apply(s.read(ctx).Table("claim_search").Joins(join), now, s.staleAfter).
		Where(s.d.searchMatch(), arg)
	if f.Tag != "" {
		// The tag again, on the search index's side: checked before the
		// claim is read, so the claims without the tag are never read.
		db = db.Where("claim_search.docid IN (SELECT claim_id FROM claim_tags WHERE tag = "+s.d.arg()+")", f.Tag)
	}
	return db
}

// maxRankedMatches bounds relevance ranking: ranking reads every match, so
// beyond this many the list shows the newest matches first instead.
const maxRankedMatches = 2000

func pluckPage(db *gorm.DB, order string, f ClaimFilter) ([]int64, error) {
	var ids []int64
	offset := (f.Page - 1) * f.PerPage
	if f.cursor() != nil {
		offset = 0
	}
	err := db.Order(order).Limit(f.PerPage).Offset(offset).Pluck("claims.id", &ids).Error
	return ids, err
}

// VerdictCounts counts the claims matching f per verdict, for the desk's
// counts and chart: they follow the view, so their sum is the list's total.
func (s *Store) VerdictCounts(ctx context.Context, f ClaimFilter) (map[string]int64, error) {
	return s.verdictCountsOf(ctx, f, nil)
}

// PageVerdictCounts is VerdictCounts for the view whose page is at hand:
// the page's total is the view's, so it is not counted again (the desk page
// counted a search inside a story twice).
func (s *Store) PageVerdictCounts(ctx context.Context, f ClaimFilter, page *ClaimPage) (map[string]int64, error) {
	return s.verdictCountsOf(ctx, f, &page.Total)
}

// verdictCountsOf is VerdictCounts given f's total when known.
func (s *Store) verdictCountsOf(ctx context.Context, f ClaimFilter, known *int64) (map[string]int64, error) {
	if v := f.Validate(); v != nil {
		return nil, v
	}
	now := s.Now()
	if out, ok, err := s.facetVerdictCounts(ctx, f, now); ok || err != nil {
		return out, err
	}
	var total int64
	var err error
	if known != nil {
		total = *known
	} else if total, err = s.countClaims(ctx, f, now); err != nil {
		return nil, err
	}
	key := "verdicts|" + f.countKey(now)
	if total > exactCountLimit {
		if e, fresh, ok := s.counts.get(key); ok && e.counts != nil {
			if !fresh {
				s.counts.refresh(key, func() (countEntry, error) {
					counts, err := s.verdictCountsVisible(context.Background(), f, now)
					return countEntry{counts: counts}, err
				})
			}
			return e.counts, nil
		}
	}
	out, ok, err := s.searchVerdictCounts(ctx, f, now, total)
	if err == nil && !ok {
		out, err = s.verdictCountsVisible(ctx, f, now)
	}
	if err != nil {
		return nil, err
	}
	if total > exactCountLimit {
		s.counts.put(key, countEntry{counts: out})
	}
	return out, nil
}

// verdictCounts groups the matches of f by verdict.
func (s *Store) verdictCounts(ctx context.Context, f ClaimFilter, now time.Time) (map[string]int64, error) {
	rows := []struct {
		Verdict string
		N       int64
	}{}
	out := map[string]int64{}
	for _, v := range Verdicts() {
		out[string(v)] = 0
	}
	if f.matchesNothing() {
		return out, nil
	}
	if err := groupByVerdict(s.countFrom(ctx, f, now), "").Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.Verdict] = r.N
	}
	return out, nil
}
