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
