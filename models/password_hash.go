package models

import (
	"fmt"
	"sync"

	"golang.org/x/crypto/bcrypt"
)

// passwordCost is the bcrypt cost the store hashes new passwords at: the
// library's default unless Config.PasswordCost asks for another (tests do,
// see there).
func passwordCost(cfg Config) (int, error) {
	if cfg.PasswordCost == 0 {
		return bcrypt.DefaultCost, nil
	}
	if cfg.PasswordCost < bcrypt.MinCost || cfg.PasswordCost > bcrypt.MaxCost {
		return 0, fmt.Errorf("password cost must be between %d and %d, not %d", bcrypt.MinCost, bcrypt.MaxCost, cfg.PasswordCost)
	}
	return cfg.PasswordCost, nil
}

// hashPassword hashes a new password at the store's cost. Checking a
// password reads the cost from its hash, so hashes of any cost are checked
// alike.
func (s *Store) hashPassword(pw string) (string, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), s.passwordCost)
	return string(hash), err
}

// defaultCostDummy is a hash at bcrypt.DefaultCost of no one's password.
const defaultCostDummy = "$2a$10$abcdefghijklmnopqrstuuZ3sZLQUdXQh1xG8Hx1WzQhE2pyT3kJe"

// dummyHash is a hash at the store's cost of no one's password, made the
// first time it is needed when the cost is not the default.
type dummyHash struct {
	once sync.Once
	hash []byte
}

// spendCheckTime spends the time a real password check takes, so a sign-in
// with an unknown email answers no faster than one with a wrong password.
func (s *Store) spendCheckTime(password string) {
	s.unknownEmail.once.Do(func() {
		s.unknownEmail.hash = []byte(defaultCostDummy)
		if s.passwordCost != bcrypt.DefaultCost {
			if h, err := bcrypt.GenerateFromPassword([]byte("no one's password"), s.passwordCost); err == nil {
				s.unknownEmail.hash = h
			}
		}
	})
	_ = bcrypt.CompareHashAndPassword(s.unknownEmail.hash, []byte(password))
}
