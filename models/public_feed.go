package models

import (
	"context"
	"database/sql"
	"sort"
	"time"
)

// FeedItem is one entry of the public feed: a verdict published (Claim
// set, Correction nil) or a correction of a published claim.
type FeedItem struct {
	At         time.Time
	ClaimID    int64
	Claim      *Claim
	Correction *Correction
}

// MaxFeedItems bounds the public feed.
const MaxFeedItems = 100

// publishedClaimsSQL lists the claims published now, newest sign-off first,
// along the partial index on signed_off_at.
const publishedClaimsSQL = `SELECT ` + claimColumns + `, ` + claimDisplayColumns + ` ` + claimJoins + `
	WHERE claims.signed_off_at IS NOT NULL AND claims.verdict IN ('verified', 'false', 'misleading')
		AND claims.withdrawn_at IS NULL
	ORDER BY claims.signed_off_at DESC LIMIT ?`

// PublicFeed lists the newest publications and corrections together, newest
// first, at most limit (≤ MaxFeedItems). A claim published, corrected and
// published again appears once for its current publication and once per
// correction; a claim whose sign-off a correction cleared appears only
// through its correction.
func (s *Store) PublicFeed(ctx context.Context, limit int) ([]FeedItem, error) {
	if limit <= 0 || limit > MaxFeedItems {
		limit = MaxFeedItems
	}
	rows, err := s.read(ctx).Raw(publishedClaimsSQL, limit).Rows()
	if err != nil {
		return nil, err
	}
	items, err := scanFeedClaims(rows, s.Now(), s.staleAfter)
	if err != nil {
		return nil, err
	}
	cs, err := s.Corrections(ctx, CorrectionFilter{Limit: limit})
	if err != nil {
		return nil, err
	}
	withdrawn, err := s.withdrawnAmong(ctx, cs)
	if err != nil {
		return nil, err
	}
	for i := range cs {
		if !withdrawn[cs[i].ClaimID] {
			items = append(items, FeedItem{At: cs[i].At, ClaimID: cs[i].ClaimID, Correction: &cs[i]})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].At.After(items[j].At) })
	if len(items) > limit {
		items = items[:limit]
	}
	return items, nil
}

func scanFeedClaims(rows *sql.Rows, now time.Time, staleAfter time.Duration) ([]FeedItem, error) {
	defer rows.Close()
	var items []FeedItem
	var sc claimScanner
	for rows.Next() {
		c := &Claim{}
		if err := sc.scan(rows, c, true); err != nil {
			return nil, err
		}
		c.finish(now, staleAfter)
		items = append(items, FeedItem{At: c.SignedOffAt.UTC(), ClaimID: c.ID, Claim: c})
	}
	return items, rows.Err()
}

// withdrawnAmong says which of the corrected claims were withdrawn since:
// they have no public page, so their corrections leave the feed too.
func (s *Store) withdrawnAmong(ctx context.Context, cs []Correction) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(cs) == 0 {
		return out, nil
	}
	ids := make([]int64, len(cs))
	for i := range cs {
		ids[i] = cs[i].ClaimID
	}
	var gone []int64
	if err := s.read(ctx).Model(&Claim{}).Where("id IN ? AND withdrawn_at IS NOT NULL", ids).Pluck("id", &gone).Error; err != nil {
		return nil, err
	}
	for _, id := range gone {
		out[id] = true
	}
	return out, nil
}
