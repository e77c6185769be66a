package models

import (
	"context"

	"gorm.io/gorm"
)

// TakenError reports that someone else took the claim first: of two people
// pressing "Take" on the same claim at once, one gets it and the other is
// told who did.
type TakenError struct {
	// Current is the claim as it now stands, with its assignee's name.
	Current *Claim
}

// Error names who has the claim.
func (e *TakenError) Error() string {
	return e.Current.AssigneeName + " has already taken this claim"
}

// Take assigns an unassigned claim to the person taking it. It needs no
// version: taking is decided by whether the claim still has nobody when
// the write runs, and writes run one at a time (one writer on SQLite, a
// serializable transaction on PostgreSQL), so exactly one of several
// takers wins. Taking a claim one already has changes nothing.
func (s *Store) Take(ctx context.Context, actor *User, id int64) (*Claim, error) {
	if !actor.Role.AtLeast(RoleFactchecker) {
		return nil, &ForbiddenError{Reason: "viewers cannot take claims"}
	}
	taken := false
	err := s.write(ctx, func(tx *gorm.DB) error {
		taken = false
		c, err := claimRow(tx, id)
		if err != nil {
			return err
		}
		if c.AssigneeID != nil {
			taken = *c.AssigneeID != actor.ID
			return nil
		}
		return s.assignTx(tx, actor, c, &actor.ID)
	})
	if err != nil {
		return nil, err
	}
	c, err := s.claimFrom(ctx, s.r, id)
	if err != nil {
		return nil, err
	}
	if taken {
		return nil, &TakenError{Current: c}
	}
	return c, nil
}
