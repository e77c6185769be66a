package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ClaimLink ties two claims about the same event: the governor's account and
// the militia's that contradicts it, or a duplicate of the same statement.
type ClaimLink struct {
	ID          int64     `json:"id"`
	FromClaimID int64     `json:"from_claim_id"`
	ToClaimID   int64     `json:"to_claim_id"`
	Kind        string    `json:"kind"`
	Note        string    `json:"note"`
	CreatedByID *int64    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
}

// LinkedClaim is the other side of a link, as the claim page shows it.
type LinkedClaim struct {
	Link  ClaimLink `json:"link"`
	Claim Claim     `json:"claim"`
}

// LinkClaims records that two claims are related; the link is shown on both.
func (s *Store) LinkClaims(ctx context.Context, actor *User, from, to int64, kind, note string) (*ClaimLink, error) {
	f := map[string]string{}
	if !oneOf(kind, LinkKinds()) {
		f["kind"] = "must be one of contradicts, corroborates, duplicate_of"
	}
	if from == to {
		f["to_claim_id"] = "a claim cannot be linked to itself"
	}
	note = strings.TrimSpace(note)
	checkText(f, "note", note, false, MaxNoteLen)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	var l *ClaimLink
	err := s.write(ctx, func(tx *gorm.DB) error {
		var err error
		l, err = linkClaimsTx(tx, actor, from, to, kind, note, s.Now())
		return err
	})
	if err != nil {
		return nil, err
	}
	return l, nil
}

// linkClaimsTx links two claims in tx, with an activity row on each: what
// LinkClaims and an import that links its new claims on accept both do.
func linkClaimsTx(tx *gorm.DB, actor *User, from, to int64, kind, note string, now time.Time) (*ClaimLink, error) {
	l := &ClaimLink{FromClaimID: from, ToClaimID: to, Kind: kind, Note: note, CreatedByID: &actor.ID, CreatedAt: now}
	var n int64
	if err := tx.Model(&Claim{}).Where("id = ?", from).Count(&n).Error; err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, ErrNotFound
	}
	if err := tx.Model(&Claim{}).Where("id = ?", to).Count(&n).Error; err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, invalid("to_claim_id", "no such claim")
	}
	if err := tx.Model(&ClaimLink{}).Where("((from_claim_id = ? AND to_claim_id = ?) OR (from_claim_id = ? AND to_claim_id = ?)) AND kind = ?",
		from, to, to, from, kind).Count(&n).Error; err != nil {
		return nil, err
	}
	if n > 0 {
		return nil, invalid("to_claim_id", "these claims are already linked this way")
	}
	if err := tx.Create(l).Error; err != nil {
		return nil, err
	}
	for _, side := range [][2]int64{{from, to}, {to, from}} {
		if err := appendActivity(tx, &Activity{ClaimID: side[0], ActorID: &actor.ID, Action: ActLinked,
			ToValue: kind, Text: note, Details: mustJSON(map[string]any{"link_id": l.ID, "other_claim_id": side[1]}),
			CreatedAt: l.CreatedAt}); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// ClaimLinks lists the claims linked to a claim, with the other claim loaded.
func (s *Store) ClaimLinks(ctx context.Context, claimID int64) ([]LinkedClaim, error) {
	if _, err := s.claimExists(ctx, claimID); err != nil {
		return nil, err
	}
	var ls []ClaimLink
	if err := s.read(ctx).Where("from_claim_id = "+s.d.arg()+" OR to_claim_id = "+s.d.arg(), claimID, claimID).Order("id").Find(&ls).Error; err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(ls))
	for _, l := range ls {
		other := l.ToClaimID
		if other == claimID {
			other = l.FromClaimID
		}
		ids = append(ids, other)
	}
	cs, err := s.claimsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := map[int64]Claim{}
	for _, c := range cs {
		byID[c.ID] = c
	}
	out := make([]LinkedClaim, 0, len(ls))
	for i, l := range ls {
		out = append(out, LinkedClaim{Link: l, Claim: byID[ids[i]]})
	}
	return out, nil
}
