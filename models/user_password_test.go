package models

import (
	"context"
	"errors"
	"testing"
)

// ChangePassword checks the current password, applies the creation rules to
// the new one, and ends the user's other sessions only.
func TestChangePassword(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	const old, next = "a long enough password", "an even longer password"
	_, keep, err := f.s.CreateSession(ctx, f.fc.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	otherTok, _, err := f.s.CreateSession(ctx, f.fc.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	colleagueTok, _, err := f.s.CreateSession(ctx, f.viewer.ID, 0)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := f.s.ChangePassword(ctx, f.fc.ID, keep.TokenHash, PasswordChange{Current: "wrong", New: next, Confirm: next}); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("wrong current password: %v", err)
	}
	for _, ch := range []PasswordChange{
		{Current: old, New: "short", Confirm: "short"},
		{Current: old, New: next, Confirm: next + "x"},
	} {
		var ve *ValidationError
		if _, err := f.s.ChangePassword(ctx, f.fc.ID, keep.TokenHash, ch); !errors.As(err, &ve) {
			t.Fatalf("%+v: %v", ch, err)
		}
	}
	if _, err := f.s.Authenticate(ctx, f.fc.Email, old); err != nil {
		t.Fatalf("a refused change changed the password: %v", err)
	}

	ended, err := f.s.ChangePassword(ctx, f.fc.ID, keep.TokenHash, PasswordChange{Current: old, New: next, Confirm: next})
	if err != nil || ended != 1 {
		t.Fatalf("change: %d sessions ended, %v", ended, err)
	}
	if _, err := f.s.Authenticate(ctx, f.fc.Email, next); err != nil {
		t.Fatalf("new password: %v", err)
	}
	if _, err := f.s.Authenticate(ctx, f.fc.Email, old); !errors.Is(err, ErrBadCredentials) {
		t.Fatalf("old password still works: %v", err)
	}
	if _, _, err := f.s.SessionUser(ctx, otherTok); !errors.Is(err, ErrNoSession) {
		t.Fatalf("the other session survived: %v", err)
	}
	if _, _, err := f.s.SessionUser(ctx, colleagueTok); err != nil {
		t.Fatalf("a colleague's session ended: %v", err)
	}
	var n int64
	if err := f.s.read(ctx).Model(&Session{}).Where("token_hash = ?", keep.TokenHash).Count(&n).Error; err != nil || n != 1 {
		t.Fatalf("the changing session ended: %d %v", n, err)
	}
	if _, err := f.s.ChangePassword(ctx, f.fc.ID, keep.TokenHash, PasswordChange{Current: old, New: next, Confirm: next}); !errors.Is(err, ErrWrongPassword) {
		t.Fatalf("the old password was accepted as current after the change: %v", err)
	}
}

// UserNames names the users asked for, in one query, leaving unknown ids out.
func TestUserNames(t *testing.T) {
	f := newFixture(t)
	names, err := f.s.UserNames(context.Background(), []int64{f.fc.ID, f.editor.ID, f.fc.ID, 999999})
	if err != nil || len(names) != 2 || names[f.fc.ID] != "Fay Checker" || names[f.editor.ID] != "Eve Editor" {
		t.Fatalf("%v %v", names, err)
	}
	if names, err := f.s.UserNames(context.Background(), nil); err != nil || len(names) != 0 {
		t.Fatalf("no ids: %v %v", names, err)
	}
}
