package models

import (
	"context"
	"testing"
)

// BenchmarkUserByToken measures resolving a bearer token afresh (reuse off),
// which every API request without a reusable answer pays.
func BenchmarkUserByToken(b *testing.B) {
	cfg := testConfig(b)
	cfg.NoReuse = true
	s, err := Open(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	u, err := s.CreateUser(ctx, NewUser{Name: "Bench", Email: "bench@desk.test", Role: RoleViewer, Password: "benchmark password"})
	if err != nil {
		b.Fatal(err)
	}
	secret, _, err := s.CreateToken(ctx, u.Email, "bench")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.UserByToken(ctx, secret); err != nil {
			b.Fatal(err)
		}
	}
}
