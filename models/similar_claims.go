package models

import (
	"context"
	"strconv"
)

// SimilarClaim is a claim like another one, with how alike they are and
// what differs, as the claim page and GET /claims/:id/similar show it.
type SimilarClaim struct {
	Claim       Claim    `json:"claim"`
	Score       float64  `json:"score"`
	SameFigures bool     `json:"same_figures"`
	Differences []string `json:"differences"`
	Reason      string   `json:"reason"`
	// Link is how the two claims are already linked ("contradicts",
	// "corroborates", "duplicate_of"), "" when they are not.
	Link string `json:"link"`
}

// Bounds of the similar-claims answer.
const (
	DefaultSimilarLimit = 10
	MaxSimilarLimit     = 50
)

// Candidate search: how many of a claim's words (its claimant's name among
// them) are searched for, and how many of the newest claims holding each are
// read. Each search is of one word:
// the index reads a word's claims newest first and stops at the limit, so a
// claim of common words costs no more than one of rare names, where a search
// for several words at once would read every claim of each (tens of
// milliseconds at a million claims). A rare word (a place, a name) brings all
// of its claims, however old; a claim of common words only finds the newest
// claims that share them.
// A batch (an import, the inbox) reads fewer per word than the claim page:
// two hundred texts at once must stay within a few hundred milliseconds.
const (
	similarWords      = 7
	similarWordLimit  = 40
	similarBatchLimit = 25
)

// SimilarClaims finds the claims most like claim id across all stories,
// best first, with the link each already has to it.
func (s *Store) SimilarClaims(ctx context.Context, id int64, limit int) ([]SimilarClaim, error) {
	if limit <= 0 {
		limit = DefaultSimilarLimit
	}
	if limit > MaxSimilarLimit {
		return nil, invalid("limit", "must be between 1 and "+strconv.Itoa(MaxSimilarLimit))
	}
	m, err := newMatcher(s, similarWordLimit)
	if err != nil {
		return nil, err
	}
	base, err := m.claims(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	self, ok := base[id]
	if !ok {
		return nil, ErrNotFound
	}
	ids, err := m.candidates(ctx, []*matchClaim{self})
	if err != nil {
		return nil, err
	}
	scored, err := m.rank(ctx, self, ids[0], id, limit, 0)
	if err != nil {
		return nil, err
	}
	top := make([]int64, len(scored))
	for i, sc := range scored {
		top[i] = sc.id
	}
	claims, err := s.claimsByID(ctx, top)
	if err != nil {
		return nil, err
	}
	links, err := s.linkKinds(ctx, id, top)
	if err != nil {
		return nil, err
	}
	out := make([]SimilarClaim, 0, len(claims))
	for i, c := range claims {
		r := scored[i].r
		out = append(out, SimilarClaim{Claim: c, Score: r.Score, SameFigures: r.SameFigures,
			Differences: nonNil(r.Differences), Reason: r.Reason, Link: links[c.ID]})
	}
	return out, nil
}

// linkKinds tells, for each of others, how it is already linked to claim id.
func (s *Store) linkKinds(ctx context.Context, id int64, others []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(others) == 0 {
		return out, nil
	}
	var ls []ClaimLink
	err := s.read(ctx).Where("(from_claim_id = ? AND to_claim_id IN ?) OR (to_claim_id = ? AND from_claim_id IN ?)", id, others, id, others).
		Order("id").Find(&ls).Error
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		other := l.ToClaimID
		if other == id {
			other = l.FromClaimID
		}
		out[other] = l.Kind
	}
	return out, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
