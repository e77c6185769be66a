package models

import (
	"context"
	"crypto/subtle"
	"errors"
	"time"

	"gorm.io/gorm"
)

// Session is a signed-in browser. Only the SHA-256 of the session token is
// stored, so a copy of the database cannot be used to take over a session;
// CSRF is the per-session token every state-changing form must echo.
type Session struct {
	TokenHash string    `gorm:"column:token_hash;primaryKey"`
	UserID    int64     `gorm:"column:user_id"`
	CSRF      string    `gorm:"column:csrf"`
	CreatedAt time.Time `gorm:"column:created_at"`
	ExpiresAt time.Time `gorm:"column:expires_at"`
}

// TableName keeps gorm on the migration's table name.
func (Session) TableName() string { return "sessions" }

// DefaultSessionTTL is how long a sign-in lasts when the caller passes zero:
// the absolute lifetime, however busy the session.
const DefaultSessionTTL = 12 * time.Hour

// DefaultSessionIdle is how long a session lasts without a request when
// Config.SessionIdle leaves it zero: long enough for a reviewer reading
// through a story, short enough that a desk left signed in on a shared
// computer closes itself.
const DefaultSessionIdle = 2 * time.Hour

// sessionTouchEvery is how often a session in use has its idle deadline
// moved on: one write per session per interval, not one per request.
const sessionTouchEvery = time.Minute

// ErrNoSession covers a missing, unknown or expired session token, or one
// whose user has been disabled: the browser has to sign in again.
var ErrNoSession = errors.New("no valid session")

// CreateSession signs a user in: it returns the session token in clear (for
// the cookie; never stored) and the session with its CSRF token. The session
// ends after ttl, or sooner after SessionIdle without a request: ExpiresAt is
// the earlier of the two and moves on with use (see SessionUser). Expired
// sessions are swept on the way, so the table does not grow without bound.
func (s *Store) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, *Session, error) {
	if ttl <= 0 {
		ttl = DefaultSessionTTL
	}
	token := randomToken(32)
	now := s.Now()
	sess := &Session{TokenHash: hashSecret(token), UserID: userID, CSRF: randomToken(32), CreatedAt: now,
		ExpiresAt: now.Add(min(ttl, s.sessionIdle))}
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Where("expires_at < ?", now).Delete(&Session{}).Error; err != nil {
			return err
		}
		return tx.Create(sess).Error
	})
	if err != nil {
		return "", nil, err
	}
	return token, sess, nil
}

// SessionUser resolves a session token to its session and active user, or
// ErrNoSession.
func (s *Store) SessionUser(ctx context.Context, token string) (*User, *Session, error) {
	if token == "" || len(token) > 200 {
		return nil, nil, ErrNoSession
	}
	var sess Session
	err := s.read(ctx).Where("token_hash = ? AND expires_at > ?", hashSecret(token), s.Now()).First(&sess).Error
	if IsNotFound(err) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	u, err := s.User(ctx, sess.UserID)
	if IsNotFound(err) {
		return nil, nil, ErrNoSession
	}
	if err != nil {
		return nil, nil, err
	}
	if u.Disabled {
		return nil, nil, ErrNoSession
	}
	s.touchSession(ctx, &sess)
	return u, &sess, nil
}

// touchSession moves the idle deadline of a session in use on to
// SessionIdle from now, never past the absolute lifetime, at most once per
// sessionTouchEvery. Failing to (a full disk) does not refuse the request:
// reading must go on; the session then ends at its previous deadline unless
// a later request succeeds in moving it.
func (s *Store) touchSession(ctx context.Context, sess *Session) {
	now := s.Now()
	next := now.Add(s.sessionIdle)
	if end := sess.CreatedAt.Add(DefaultSessionTTL); next.After(end) { // the absolute lifetime
		next = end
	}
	if next.Sub(sess.ExpiresAt) < sessionTouchEvery {
		return
	}
	if s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&Session{}).Where("token_hash = ?", sess.TokenHash).Update("expires_at", next).Error
	}) == nil {
		sess.ExpiresAt = next
	}
}

// DeleteSession signs a browser out; an unknown token is not an error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("token_hash = ?", hashSecret(token)).Delete(&Session{}).Error
	})
}

// ValidCSRF compares a submitted CSRF token with the session's in constant
// time, so the comparison leaks nothing about the token.
func (sess *Session) ValidCSRF(submitted string) bool {
	return submitted != "" && subtle.ConstantTimeCompare([]byte(submitted), []byte(sess.CSRF)) == 1
}
