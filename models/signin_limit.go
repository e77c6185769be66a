package models

import (
	"context"
	"strings"
	"time"
)

// The sign-in limits. Both are counted from the audit log, so every Claimdesk
// process on one database sees the same counts and a restart clears nothing.
//
//   - Per account and address: after SignInAddressFailures wrong passwords
//     for one email from one address within SignInAddressWindow, that address
//     must wait; a successful sign-in from there starts the count again. This
//     is what stops one machine guessing.
//   - Per account, from every address together: after SignInAccountFailures
//     wrong passwords within SignInAccountWindow, the account takes no more
//     guesses until the oldest of them is older than the window. This is what
//     stops many machines (a botnet) guessing one password: together they get
//     SignInAccountFailures guesses an hour. So that an attacker cannot use it
//     to lock the real user out, the account limit does not apply to an
//     address the user has signed in from successfully within
//     SignInKnownAddressAge: colleagues at their usual desks keep working
//     through an attack; only a sign-in from a new place waits, and for at
//     most SignInAccountWindow after the attack stops.
const (
	SignInAddressFailures = 5
	SignInAddressWindow   = 15 * time.Minute
	SignInAccountFailures = 20
	SignInAccountWindow   = time.Hour
	SignInKnownAddressAge = 30 * 24 * time.Hour
)

// SignInLimit says why a sign-in attempt is refused before its password is
// even checked ("" when it may go ahead).
type SignInLimit string

// The two reasons to refuse an attempt.
const (
	SignInLimitAddress SignInLimit = "too many failed attempts from this address"
	SignInLimitAccount SignInLimit = "too many failed attempts for this account"
)

// SignInAllowed applies both sign-in limits to an attempt for email from
// remote: "" when the password may be checked, else the limit that refuses it.
func (s *Store) SignInAllowed(ctx context.Context, email, remote string) (SignInLimit, error) {
	n, err := s.SignInFailures(ctx, email, remote, SignInAddressWindow)
	if err != nil {
		return "", err
	}
	if n >= SignInAddressFailures {
		return SignInLimitAddress, nil
	}
	n, err = s.accountSignInFailures(ctx, email, SignInAccountWindow)
	if err != nil || n < SignInAccountFailures {
		return "", err
	}
	known, err := s.knownSignInAddress(ctx, email, remote, SignInKnownAddressAge)
	if err != nil || known {
		return "", err
	}
	return SignInLimitAccount, nil
}

// accountSignInFailures counts the wrong passwords typed for email from any
// address in the last window. A success does not reset it: an attacker's
// guesses count however often the real user signs in meanwhile.
func (s *Store) accountSignInFailures(ctx context.Context, email string, window time.Duration) (int64, error) {
	var n int64
	err := s.read(ctx).Raw(`SELECT COUNT(*) FROM audit_log
		WHERE email = ? AND action = ? AND detail = ? AND created_at > ?`,
		bound(strings.TrimSpace(email), 254), AuditSignInFailed, signInWrongPassword, s.Now().Add(-window)).Scan(&n).Error
	return n, err
}

// knownSignInAddress tells whether someone signed in successfully as email
// from remote within age.
func (s *Store) knownSignInAddress(ctx context.Context, email, remote string, age time.Duration) (bool, error) {
	var n int64
	err := s.read(ctx).Raw(`SELECT COUNT(*) FROM (SELECT 1 FROM audit_log
		WHERE email = ? AND remote = ? AND action = ? AND created_at > ? LIMIT 1) AS known`,
		bound(strings.TrimSpace(email), 254), bound(remote, 100), AuditSignIn, s.Now().Add(-age)).Scan(&n).Error
	return n > 0, err
}
