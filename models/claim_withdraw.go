package models

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// Activity actions of taking a claim off the desk and bringing it back.
const (
	ActWithdrawn = "withdrawn"
	ActRestored  = "restored"
)

// WithdrawClaim marks a claim "not a claim" (an import mistake, a duplicate
// paste, a headline that was no claim) with a reason. Nothing is deleted: the
// claim leaves the desk, its counts and the exports unless they ask for
// withdrawn claims, keeps its activity, and RestoreClaim brings it back.
func (s *Store) WithdrawClaim(ctx context.Context, actor *User, id, version int64, reason string) (*Claim, error) {
	reason = strings.TrimSpace(reason)
	f := map[string]string{}
	checkText(f, "reason", reason, true, MaxRationale)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	return s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		if c.WithdrawnAt != nil {
			return invalid("withdrawn", "the claim is already withdrawn")
		}
		now := s.Now()
		if err := saveClaim(tx, c, actor, now, map[string]any{"withdrawn_at": now, "withdrawn_by_id": actor.ID, "withdrawn_reason": reason}); err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActWithdrawn, Text: reason, CreatedAt: now})
	})
}

// RestoreClaim puts a withdrawn claim back on the desk; the activity log
// keeps both steps.
func (s *Store) RestoreClaim(ctx context.Context, actor *User, id, version int64, reason string) (*Claim, error) {
	reason = strings.TrimSpace(reason)
	f := map[string]string{}
	checkText(f, "reason", reason, false, MaxRationale)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	return s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		if c.WithdrawnAt == nil {
			return invalid("withdrawn", "the claim is not withdrawn")
		}
		now := s.Now()
		if err := saveClaim(tx, c, actor, now, map[string]any{"withdrawn_at": nil, "withdrawn_by_id": nil, "withdrawn_reason": ""}); err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActRestored,
			FromValue: c.WithdrawnReason, Text: reason, CreatedAt: now})
	})
}
