package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

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
	// ExpiresAt is when the token stops working on its own; nil: never.
	ExpiresAt *time.Time `json:"expires_at"`
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
// in clear: the only time it is ever shown. It lasts until revoked.
func (s *Store) CreateToken(ctx context.Context, email, name string) (string, *APIToken, error) {
	return s.CreateExpiringToken(ctx, email, name, 0)
}

// MaxTokenDays bounds a token's lifetime when one is asked for: ten years.
const MaxTokenDays = 3650

// CreateExpiringToken is CreateToken for a token that stops working after
// days (0: never), so a script's token need not outlive the script.
func (s *Store) CreateExpiringToken(ctx context.Context, email, name string, days int) (string, *APIToken, error) {
	if days < 0 || days > MaxTokenDays {
		return "", nil, invalid("expires_in_days", "must be a number of days from 1 to 3650, or 0 for a token that does not expire")
	}
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 200 {
		return "", nil, invalid("name", "is at most 200 characters")
	}
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
	t := &APIToken{UserID: u.ID, Hash: hashSecret(secret), Name: name, CreatedAt: s.Now()}
	if days > 0 {
		exp := t.CreatedAt.Add(time.Duration(days) * 24 * time.Hour)
		t.ExpiresAt = &exp
	}
	if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Create(t).Error }); err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// ErrBadToken covers a missing, unknown, revoked or expired token, or a
// disabled user's.
var ErrBadToken = errors.New("invalid, expired or revoked API token")

// tokenUseResolution is how precisely a token's last use is kept: one write
// per token per interval at most, not one per request.
const tokenUseResolution = time.Minute

// UserByToken resolves a bearer token to its user. A script sends the same
// token with every request, so the owner found is reused until the next
// commit of this process, and for at most ReuseMaxAge: a token revoked or a
// user disabled or given another role through this process takes effect at
// once, through another process sharing the database within ReuseMaxAge. An
// expired token stops working at its expiry either way.
func (s *Store) UserByToken(ctx context.Context, secret string) (*User, error) {
	if !strings.HasPrefix(secret, tokenPrefix) || len(secret) > 200 {
		return nil, ErrBadToken
	}
	hash := hashSecret(secret)
	gen := s.cache.gen.Load()
	now := s.Now()
	if s.reusable() {
		if u, ok := s.cache.tokens.get(hash, gen, now); ok {
			return u, nil
		}
	}
	started := time.Now()
	row, err := s.lookupToken(ctx, hash, now)
	if err != nil {
		return nil, err
	}
	if row.TokenLastUsedAt == nil || now.Sub(*row.TokenLastUsedAt) >= tokenUseResolution {
		// When the token was last used is for people reviewing their
		// tokens; failing to record it (a full disk) must not refuse a
		// request that only reads. The next use tries again.
		if s.write(ctx, func(tx *gorm.DB) error {
			return tx.Exec(`UPDATE api_tokens SET last_used_at = ? WHERE id = ?`, now, row.TokenID).Error
		}) == nil {
			// That commit moved the generation: read the owner again
			// at the new one, so that it can be reused.
			started, gen = time.Now(), s.cache.gen.Load()
			if row, err = s.lookupToken(ctx, hash, now); err != nil {
				return nil, err
			}
		}
	}
	u := row.User
	if s.reusable() {
		s.cache.tokens.put(hash, tokenOwner{u: u, gen: gen, started: started, expires: row.TokenExpiresAt})
	}
	return &u, nil
}

// tokenOwnerRow is the owner of a working token and the token's own
// particulars, or ErrBadToken.
type tokenOwnerRow struct {
	User
	TokenID         int64
	TokenExpiresAt  *time.Time
	TokenLastUsedAt *time.Time
}

func (s *Store) lookupToken(ctx context.Context, hash string, now time.Time) (*tokenOwnerRow, error) {
	// Every request with a token runs this, so it is a prepared statement
	// scanned by hand (gorm's building and reflective scan cost more than
	// the lookup itself), compiled once (see dialect_arg.go); it is still
	// read afresh for every request.
	q := tokenOwnerSQLite
	if s.d.pg {
		q = tokenOwnerSQL
	}
	rows, err := s.readQuery(ctx, &s.cache.tokenOwner, q, hash, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, ErrBadToken
	}
	var row tokenOwnerRow
	var expires, lastUsed sql.NullTime
	u := &row.User
	if err := rows.Scan(&u.ID, &u.Name, &u.Email, (*string)(&u.Role), &u.PasswordHash, &u.Disabled, &u.CreatedAt, &u.UpdatedAt,
		&row.TokenID, &expires, &lastUsed); err != nil {
		return nil, err
	}
	row.TokenExpiresAt, row.TokenLastUsedAt = nullTime(expires), nullTime(lastUsed)
	return &row, rows.Close()
}

// tokenOwnerSQL finds the owner of a working token by the token's hash, on
// PostgreSQL.
const tokenOwnerSQL = tokenOwnerColumns + ` FROM api_tokens` + tokenOwnerJoin + ` WHERE api_tokens.hash = ? AND ` + tokenWorking

// tokenOwnerSQLite is tokenOwnerSQL for SQLite. It names the index on the
// token's hash (its UNIQUE constraint's): with statistics taken when there
// was one token, SQLite would otherwise read every token. The hash is "+?"
// so that the statement is not compiled again on every request (see
// dialect_arg.go).
const tokenOwnerSQLite = tokenOwnerColumns + ` FROM api_tokens INDEXED BY sqlite_autoindex_api_tokens_1` + tokenOwnerJoin +
	` WHERE api_tokens.hash = +? AND ` + tokenWorking

// The parts of the two: a working token is neither revoked nor expired (at
// the time bound last), and its owner is not disabled.
const (
	tokenOwnerColumns = `SELECT users.id, users.name, users.email, users.role, users.password_hash, users.disabled,
	users.created_at, users.updated_at, api_tokens.id, api_tokens.expires_at, api_tokens.last_used_at`
	tokenOwnerJoin = ` JOIN users ON users.id = api_tokens.user_id`
	tokenWorking   = `api_tokens.revoked_at IS NULL AND NOT users.disabled
	AND (api_tokens.expires_at IS NULL OR api_tokens.expires_at > ?)`
)

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
	expires *time.Time
}

// maxCachedTokens bounds the cache; past it, it starts again empty.
const maxCachedTokens = 1024

// get returns a copy of the owner of hash if it was read at generation gen
// and at most ReuseMaxAge ago, and the token has not expired by now.
func (c *tokenCache) get(hash string, gen uint64, now time.Time) (*User, bool) {
	c.mu.Lock()
	o, ok := c.m[hash]
	c.mu.Unlock()
	if !ok || o.gen != gen || time.Since(o.started) > ReuseMaxAge || (o.expires != nil && !now.Before(*o.expires)) {
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
