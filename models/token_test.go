package models

import (
	"context"
	"errors"
	"testing"
	"time"

	"claimdesk/models/dbtest"
)

// A token's owner is reused between requests, but never past a change made
// through this process: a revoked token, a disabled user or a new role takes
// effect on the next request.
func TestTokenOwnerFollowsChangesAtOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	secret, tok, err := f.s.CreateToken(ctx, f.fc.Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if u, err := f.s.UserByToken(ctx, secret); err != nil || u.ID != f.fc.ID || u.Role != RoleFactchecker {
			t.Fatalf("token owner: %+v %v", u, err)
		}
	}
	editor := RoleEditor
	if _, err := f.s.UpdateUser(ctx, f.fc.ID, UserUpdate{Role: &editor}); err != nil {
		t.Fatal(err)
	}
	if u, err := f.s.UserByToken(ctx, secret); err != nil || u.Role != RoleEditor {
		t.Fatalf("after a role change: %+v %v", u, err)
	}
	if err := f.s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, secret); !errors.Is(err, ErrBadToken) {
		t.Fatalf("revoked token still works: %v", err)
	}

	secret2, _, err := f.s.CreateToken(ctx, f.viewer.Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, secret2); err != nil {
		t.Fatal(err)
	}
	disabled := true
	if _, err := f.s.UpdateUser(ctx, f.viewer.ID, UserUpdate{Disabled: &disabled}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, secret2); !errors.Is(err, ErrBadToken) {
		t.Fatalf("a disabled user's token still works: %v", err)
	}
}

// A token revoked by another process on the same database (a second server)
// stops working here within ReuseMaxAge.
func TestTokenRevokedElsewhereStopsWithinBound(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	other, err := Open(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	secret, tok, err := f.s.CreateToken(ctx, f.fc.Email, "script")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.UserByToken(ctx, secret); err != nil {
		t.Fatal(err)
	}
	if err := other.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	revoked := time.Now()
	for {
		_, err := f.s.UserByToken(ctx, secret)
		if errors.Is(err, ErrBadToken) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if time.Since(revoked) > ReuseMaxAge+200*time.Millisecond {
			t.Fatalf("token revoked by another process still works after %s", time.Since(revoked))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if dbtest.Postgres() {
		return
	}
	// On SQLite the owner was in fact reused meanwhile: the revocation was
	// not seen at once (were it, this test would not test the bound).
	if time.Since(revoked) < ReuseMaxAge/2 {
		t.Fatalf("revocation seen after %s: the owner was not reused", time.Since(revoked))
	}
}
