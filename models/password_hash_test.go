package models

import (
	"context"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

func TestPasswordCostDefaultsToBcryptDefault(t *testing.T) {
	cfg := testConfig(t)
	cfg.PasswordCost = 0
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, NewUser{Name: "Ada Admin", Email: "ada@desk.test", Role: RoleAdmin, Password: "a long enough password"})
	if err != nil {
		t.Fatal(err)
	}
	if cost, err := bcrypt.Cost([]byte(u.PasswordHash)); err != nil || cost != bcrypt.DefaultCost {
		t.Fatalf("hash cost %d (%v), want bcrypt's default %d", cost, err, bcrypt.DefaultCost)
	}
	s.Close()
	// A store hashing at the tests' cost still checks that hash.
	cfg.PasswordCost = bcrypt.MinCost
	if s, err = Open(cfg); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "ada@desk.test", "a long enough password"); err != nil {
		t.Fatalf("sign in: %v", err)
	}
}

func TestPasswordCostForTests(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if cost, err := bcrypt.Cost([]byte(f.admin.PasswordHash)); err != nil || cost != bcrypt.MinCost {
		t.Fatalf("hash cost %d (%v), want %d as the tests ask", cost, err, bcrypt.MinCost)
	}
	if _, err := f.s.Authenticate(ctx, "admin@desk.test", "a long enough password"); err != nil {
		t.Fatalf("sign in: %v", err)
	}
	if _, err := f.s.Authenticate(ctx, "nobody@desk.test", "a long enough password"); err != ErrBadCredentials {
		t.Fatalf("unknown email: %v, want ErrBadCredentials", err)
	}
	for _, bad := range []int{-1, 3, 32} {
		cfg := testConfig(t)
		cfg.PasswordCost = bad
		if s, err := Open(cfg); err == nil {
			s.Close()
			t.Fatalf("Open with password cost %d: no error", bad)
		}
	}
}
