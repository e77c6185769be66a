package models

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestTokenExpiresAndRecordsLastUse(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, bad := range []int{-1, MaxTokenDays + 1} {
		_, _, err := f.s.CreateExpiringToken(ctx, f.fc.Email, "script", bad)
		fieldErr(t, err, "expires_in_days")
	}
	secret, tok, err := f.s.CreateExpiringToken(ctx, f.fc.Email, "nightly export", 2)
	if err != nil {
		t.Fatal(err)
	}
	if tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(f.clock.Now().Add(48*time.Hour)) {
		t.Fatalf("expires at %v", tok.ExpiresAt)
	}
	if _, err := f.s.UserByToken(ctx, secret); err != nil {
		t.Fatal(err)
	}
	used := f.clock.Now()
	f.clock.Advance(47 * time.Hour)
	// A write in between: the owner found is not reused across it.
	forever, _, err := f.s.CreateToken(ctx, f.fc.Email, "desk script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, secret); err != nil {
		t.Fatalf("a token is refused before its expiry: %v", err)
	}
	f.clock.Advance(time.Hour)
	if _, err := f.s.UserByToken(ctx, secret); !errors.Is(err, ErrBadToken) {
		t.Fatalf("an expired token still works: %v", err)
	}
	if _, err := f.s.UserByToken(ctx, forever); err != nil {
		t.Fatalf("a token without expiry stopped: %v", err)
	}
	ts, err := f.s.Tokens(ctx, f.fc.ID)
	if err != nil || len(ts) != 2 {
		t.Fatalf("tokens %+v %v", ts, err)
	}
	// Its last successful use, 47 hours after the first.
	if ts[0].LastUsedAt == nil || !ts[0].LastUsedAt.Equal(used.Add(47*time.Hour)) {
		t.Fatalf("last used %v, want %v", ts[0].LastUsedAt, used.Add(47*time.Hour))
	}
	if ts[0].Active(f.clock.Now()) || !ts[1].Active(f.clock.Now()) {
		t.Fatalf("active: %v %v", ts[0].Active(f.clock.Now()), ts[1].Active(f.clock.Now()))
	}
}

// Disabling a user revokes their tokens: enabling them again does not bring
// back a token that may have leaked.
func TestDisableThenEnableKeepsTokensRevoked(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	secret, _, err := f.s.CreateToken(ctx, f.fc.Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []bool{true, false} {
		if _, err := f.s.UpdateUser(ctx, f.fc.ID, UserUpdate{Disabled: &d}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.s.UserByToken(ctx, secret); !errors.Is(err, ErrBadToken) {
		t.Fatalf("a token of a user disabled and enabled again works: %v", err)
	}
	ts, _ := f.s.Tokens(ctx, f.fc.ID)
	if len(ts) != 1 || ts[0].RevokedAt == nil {
		t.Fatalf("tokens after disabling: %+v", ts)
	}
	fresh, _, err := f.s.CreateToken(ctx, f.fc.Email, "new script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, fresh); err != nil {
		t.Fatalf("a new token after enabling: %v", err)
	}
}
