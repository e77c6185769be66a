package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Audit actions: who signed in (or failed to), changed roles, made tokens and
// exported data. The audit log is append-only, like the activity log.
const (
	AuditSignIn       = "sign_in"
	AuditSignInFailed = "sign_in_failed"
	AuditSignOut      = "sign_out"
	AuditUserCreated  = "user_created"
	AuditRoleChanged  = "role_changed"
	AuditUserDisabled = "user_disabled"
	AuditTokenCreated = "token_created"
	AuditExport       = "export"
)

// AuditEvent is one line of the audit log: who, what, when and from where.
type AuditEvent struct {
	ID        int64     `json:"id"`
	UserID    *int64    `json:"user_id"`
	Email     string    `json:"email"`
	Action    string    `json:"action"`
	Detail    string    `json:"detail"`
	Remote    string    `json:"remote"`
	CreatedAt time.Time `json:"created_at"`
}

// TableName keeps gorm on the migration's table name.
func (AuditEvent) TableName() string { return "audit_log" }

// RecordAudit appends an event to the audit log. UserID may be nil (a failed
// sign-in for an unknown email); Email is kept as typed, bounded.
func (s *Store) RecordAudit(ctx context.Context, ev AuditEvent) error {
	ev.Email = bound(strings.TrimSpace(ev.Email), 254)
	ev.Detail = bound(ev.Detail, 2000)
	ev.Remote = bound(ev.Remote, 100)
	ev.CreatedAt = s.Now()
	ev.ID = 0
	return s.write(ctx, func(tx *gorm.DB) error { return tx.Create(&ev).Error })
}

// AuditLog lists the newest audit events first.
func (s *Store) AuditLog(ctx context.Context, limit, offset int) ([]AuditEvent, int64, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	var total int64
	if err := s.read(ctx).Model(&AuditEvent{}).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var evs []AuditEvent
	err := s.read(ctx).Order("id DESC").Limit(limit).Offset(offset).Find(&evs).Error
	return evs, total, err
}

// bound cuts s to at most n bytes on a rune boundary.
func bound(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Sign-in failures that count towards the limit are the wrong passwords, not
// the attempts refused because the limit was already reached.
const signInWrongPassword = "wrong email or password"

// SignInFailures counts the wrong passwords typed for email from remote in
// the last window, since the last successful sign-in from there. The count
// comes from the audit log, so every Claimdesk process on one database sees
// the same count, and a restart does not clear it.
func (s *Store) SignInFailures(ctx context.Context, email, remote string, window time.Duration) (int64, error) {
	email, remote = bound(strings.TrimSpace(email), 254), bound(remote, 100)
	var n int64
	err := s.read(ctx).Raw(`SELECT COUNT(*) FROM audit_log
		WHERE email = ? AND remote = ? AND action = ? AND detail = ? AND created_at > ?
		AND id > COALESCE((SELECT MAX(id) FROM audit_log WHERE email = ? AND remote = ? AND action = ?), 0)`,
		email, remote, AuditSignInFailed, signInWrongPassword, s.Now().Add(-window), email, remote, AuditSignIn).Scan(&n).Error
	return n, err
}

// SignInWrongPassword is the audit detail of a failed sign-in that counts
// towards the limit.
func SignInWrongPassword() string { return signInWrongPassword }
