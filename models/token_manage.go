package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// AuditTokenRevoked records a token revoked by its owner or an admin.
const AuditTokenRevoked = "token_revoked"

// Active tells whether the token still works at now: not revoked, not expired.
func (t *APIToken) Active(now time.Time) bool {
	return t.RevokedAt == nil && (t.ExpiresAt == nil || now.Before(*t.ExpiresAt))
}

// Token loads one token (never its secret).
func (s *Store) Token(ctx context.Context, id int64) (*APIToken, error) {
	var t APIToken
	if err := s.read(ctx).First(&t, id).Error; err != nil {
		return nil, err
	}
	return &t, nil
}

// Tokens lists a user's tokens, oldest first (never their secrets), revoked
// and expired ones included, for the record.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]APIToken, error) {
	ts := []APIToken{}
	err := s.read(ctx).Where("user_id = ?", userID).Order("id").Find(&ts).Error
	return ts, err
}

// RevokeToken stops a token from working; the row stays for the record. A
// token already revoked is ErrNotFound.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&APIToken{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", s.Now())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// revokeUserTokens revokes every working token of a user, in tx: disabling
// a user ends their tokens for good, so enabling them again later does not
// bring back a token that leaked meanwhile.
func revokeUserTokens(tx *gorm.DB, userID int64, now time.Time) error {
	return tx.Model(&APIToken{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
}
