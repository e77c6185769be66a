package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"

	"gorm.io/gorm"
)

// APIToken lets a script act as a user. Only the SHA-256 of the token is
// stored, so a copy of the database does not hand out working tokens.
type APIToken struct {
	ID         int64      `json:"id"`
	UserID     int64      `json:"user_id"`
	Hash       string     `json:"-"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// TableName keeps gorm on the migration's table name.
func (APIToken) TableName() string { return "api_tokens" }

// tokenPrefix makes Claimdesk tokens recognisable in logs and secret scanners.
const tokenPrefix = "cd_"

// randomToken returns a URL-safe random string with n bytes of entropy.
func randomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("crypto/rand failed: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// CreateToken makes a new API token for the user with that email and returns it
// in clear: the only time it is ever shown.
func (s *Store) CreateToken(ctx context.Context, email, name string) (string, *APIToken, error) {
	u, err := s.UserByEmail(ctx, email)
	if IsNotFound(err) {
		return "", nil, invalid("email", "no user has this email")
	}
	if err != nil {
		return "", nil, err
	}
	if u.Disabled {
		return "", nil, invalid("email", "this user is disabled")
	}
	secret := tokenPrefix + randomToken(32)
	t := &APIToken{UserID: u.ID, Hash: hashSecret(secret), Name: strings.TrimSpace(name)}
	if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Create(t).Error }); err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// ErrBadToken covers a missing, unknown, revoked or disabled user's token.
var ErrBadToken = errors.New("invalid or revoked API token")

// UserByToken resolves a bearer token to its user. A script sends the same
// token with every request, so the owner found is reused until the next
// commit of this process, and for at most ReuseMaxAge: a token revoked or a
// user disabled or given another role through this process takes effect at
// once, through another process sharing the database within ReuseMaxAge.
func (s *Store) UserByToken(ctx context.Context, secret string) (*User, error) {
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 200 {
		return nil, ErrBadToken
	}
	hash := hashSecret(secret)
	gen := s.cache.gen.Load()
	if s.reusable() {
		if u, ok := s.cache.tokens.get(hash, gen); ok {
			return u, nil
		}
	}
	started := time.Now()
	var u User
	err := s.read(ctx).Raw(`SELECT users.* FROM api_tokens JOIN users ON users.id = api_tokens.user_id
		WHERE api_tokens.hash = ? AND api_tokens.revoked_at IS NULL AND users.disabled = ?`, hash, false).
		Scan(&u).Error
	if err != nil {
		return nil, err
	}
	if u.ID == 0 {
		return nil, ErrBadToken
	}
	if s.reusable() {
		s.cache.tokens.put(hash, tokenOwner{u: u, gen: gen, started: started})
	}
	return &u, nil
}

// tokenCache remembers the owners of the API tokens in use, by token hash.
type tokenCache struct {
	mu sync.Mutex
	m  map[string]tokenOwner
}

// tokenOwner is a token's owner as read at generation gen, in a lookup that
// started at started.
type tokenOwner struct {
	u       User
	gen     uint64
	started time.Time
}

// maxCachedTokens bounds the cache; past it, it starts again empty.
const maxCachedTokens = 1024

// get returns a copy of the owner of hash if it was read at generation gen
// and at most ReuseMaxAge ago.
func (c *tokenCache) get(hash string, gen uint64) (*User, bool) {
	c.mu.Lock()
	o, ok := c.m[hash]
	c.mu.Unlock()
	if !ok || o.gen != gen || time.Since(o.started) > ReuseMaxAge {
		return nil, false
	}
	u := o.u
	return &u, true
}

func (c *tokenCache) put(hash string, o tokenOwner) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxCachedTokens {
		c.m = make(map[string]tokenOwner)
	}
	c.m[hash] = o
}

// Tokens lists a user's tokens (never their secrets).
func (s *Store) Tokens(ctx context.Context, userID int64) ([]APIToken, error) {
	var ts []APIToken
	err := s.read(ctx).Where("user_id = ?", userID).Order("id").Find(&ts).Error
	return ts, err
}

// RevokeToken stops a token from working; the row stays for the record.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&APIToken{}).Where("id = ? AND revoked_at IS NULL", id).Update("revoked_at", s.Now())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}
