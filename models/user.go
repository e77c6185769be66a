package models

import (
	"context"
	"errors"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"
)

// Role is what a user may do; each role can do everything the roles below it can.
type Role string

// The four roles of PRODUCT.md, lowest first.
const (
	RoleViewer      Role = "viewer"
	RoleFactchecker Role = "factchecker"
	RoleEditor      Role = "editor"
	RoleAdmin       Role = "admin"
)

// Roles lists every role, lowest first, for forms and validation.
func Roles() []Role { return []Role{RoleViewer, RoleFactchecker, RoleEditor, RoleAdmin} }

func (r Role) level() int {
	switch r {
	case RoleViewer:
		return 1
	case RoleFactchecker:
		return 2
	case RoleEditor:
		return 3
	case RoleAdmin:
		return 4
	}
	return 0
}

// Valid reports whether r is one of the four roles.
func (r Role) Valid() bool { return r.level() > 0 }

// AtLeast reports whether a user with role r may do what min may.
func (r Role) AtLeast(min Role) bool { return r.level() >= min.level() && r.Valid() }

// User is a person on the desk.
type User struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Email        string    `json:"email"`
	Role         Role      `json:"role"`
	PasswordHash string    `json:"-"`
	Disabled     bool      `json:"disabled"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 10

// NewUser is the input to CreateUser.
type NewUser struct {
	Name     string
	Email    string
	Role     Role
	Password string
}

func normEmail(e string) string { return strings.ToLower(strings.TrimSpace(e)) }

func (n NewUser) validate() *ValidationError {
	f := map[string]string{}
	name := strings.TrimSpace(n.Name)
	if name == "" {
		f["name"] = "is required"
	} else if utf8.RuneCountInString(name) > 200 {
		f["name"] = "must be at most 200 characters"
	}
	email := normEmail(n.Email)
	if email == "" {
		f["email"] = "is required"
	} else if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
		f["email"] = "must be a valid email address"
	}
	if !n.Role.Valid() {
		f["role"] = "must be one of viewer, factchecker, editor, admin"
	}
	checkPassword(f, "password", n.Password)
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	return nil
}

// checkPassword applies the password rules, the same whether an admin sets
// the first password or its owner changes it: long enough to resist guessing,
// within the 72 bytes bcrypt reads, and not among the first guesses (see
// passwordRefusal).
func checkPassword(f map[string]string, field, pw string) {
	if utf8.RuneCountInString(pw) < MinPasswordLen {
		f[field] = "must be at least " + strconv.Itoa(MinPasswordLen) + " characters"
	} else if len(pw) > 72 {
		f[field] = "must be at most 72 bytes"
	} else if msg := passwordRefusal(pw); msg != "" {
		f[field] = msg
	}
}

// CreateUser adds a user with a bcrypt-hashed password. An email already in use
// is a validation error on "email".
func (s *Store) CreateUser(ctx context.Context, n NewUser) (*User, error) {
	if v := n.validate(); v != nil {
		return nil, v
	}
	hash, err := s.hashPassword(n.Password)
	if err != nil {
		return nil, err
	}
	u := &User{Name: strings.TrimSpace(n.Name), Email: normEmail(n.Email), Role: n.Role, PasswordHash: hash}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&User{}).Where("email = ?", u.Email).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return invalid("email", "is already in use")
		}
		return tx.Create(u).Error
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// UserCount tells whether the first-run setup is still needed.
func (s *Store) UserCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.read(ctx).Model(&User{}).Count(&n).Error
	return n, err
}

// User loads one user by id.
func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	var u User
	if err := s.read(ctx).First(&u, id).Error; err != nil {
		return nil, err
	}
	return &u, nil
}

// UserByEmail loads one user by email, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	var u User
	if err := s.read(ctx).Where("email = ?", normEmail(email)).First(&u).Error; err != nil {
		return nil, err
	}
	return &u, nil
}

// Users lists every user by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	var us []User
	err := s.read(ctx).Order("name, id").Find(&us).Error
	return us, err
}

// UserNames returns the names of the users with the given ids, for pages that
// name who did something without loading every user; unknown ids are left out.
func (s *Store) UserNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var us []User
	if err := s.read(ctx).Select("id", "name").Where("id IN ?", ids).Find(&us).Error; err != nil {
		return nil, err
	}
	for _, u := range us {
		out[u.ID] = u.Name
	}
	return out, nil
}

// ErrBadCredentials is returned for a wrong email, a wrong password or a
// disabled account alike, so sign-in does not reveal which accounts exist.
var ErrBadCredentials = errors.New("email or password is wrong")

// Authenticate checks an email and password.
func (s *Store) Authenticate(ctx context.Context, email, password string) (*User, error) {
	u, err := s.UserByEmail(ctx, email)
	if IsNotFound(err) {
		s.spendCheckTime(password)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil || u.Disabled {
		return nil, ErrBadCredentials
	}
	return u, nil
}

// UserUpdate changes a user's role or disabled flag; nil fields stay.
type UserUpdate struct {
	Name     *string
	Role     *Role
	Disabled *bool
}

// UpdateUser applies an admin's change to a user. Disabling a user ends
// their sessions and revokes their API tokens.
func (s *Store) UpdateUser(ctx context.Context, id int64, up UserUpdate) (*User, error) {
	var u User
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&u, id).Error; err != nil {
			return err
		}
		if up.Name != nil {
			n := strings.TrimSpace(*up.Name)
			if n == "" || utf8.RuneCountInString(n) > 200 {
				return invalid("name", "is required and at most 200 characters")
			}
			u.Name = n
		}
		if up.Role != nil {
			if !up.Role.Valid() {
				return invalid("role", "must be one of viewer, factchecker, editor, admin")
			}
			u.Role = *up.Role
		}
		if up.Disabled != nil {
			u.Disabled = *up.Disabled
		}
		if err := tx.Save(&u).Error; err != nil {
			return err
		}
		if u.Disabled {
			if err := revokeUserTokens(tx, u.ID, s.Now()); err != nil {
				return err
			}
			return tx.Exec(`DELETE FROM sessions WHERE user_id = ?`, u.ID).Error
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// Audit actions of a password change by its owner. They sit here, beside
// ChangePassword, rather than with the sign-in actions in audit.go.
const (
	AuditPasswordChanged      = "password_changed"
	AuditPasswordChangeFailed = "password_change_failed"
)

// ErrWrongPassword is returned when the current password given to change a
// password is not the user's (or it was changed meanwhile).
var ErrWrongPassword = errors.New("the current password is wrong")

// PasswordChange is a user's own change of password: the current one, proving
// it is them at the keyboard, and the new one typed twice.
type PasswordChange struct {
	Current string
	New     string
	Confirm string
}

// ChangePassword sets a user's new password after checking the current one,
// and ends every session of the user except keepSession (the token hash of
// the session making the change), so a browser signed in with the old
// password is signed out. It returns how many sessions it ended. A wrong
// current password is ErrWrongPassword; an unacceptable new one is a
// validation error on new_password or confirm_password. API tokens stay.
func (s *Store) ChangePassword(ctx context.Context, userID int64, keepSession string, ch PasswordChange) (int64, error) {
	u, err := s.User(ctx, userID)
	if err != nil {
		return 0, err
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(ch.Current)) != nil {
		return 0, ErrWrongPassword
	}
	f := map[string]string{}
	checkPassword(f, "new_password", ch.New)
	if ch.Confirm != ch.New {
		f["confirm_password"] = "does not match the new password"
	}
	if len(f) > 0 {
		return 0, &ValidationError{Fields: f}
	}
	hash, err := s.hashPassword(ch.New)
	if err != nil {
		return 0, err
	}
	var ended int64
	err = s.write(ctx, func(tx *gorm.DB) error {
		// The old hash in the condition refuses the change if the password
		// was changed since it was checked above, outside the transaction.
		res := tx.Model(&User{}).Where("id = ? AND password_hash = ?", u.ID, u.PasswordHash).
			Updates(map[string]any{"password_hash": hash, "updated_at": s.Now()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrWrongPassword
		}
		res = tx.Where("user_id = ? AND token_hash <> ?", u.ID, keepSession).Delete(&Session{})
		ended = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, err
	}
	return ended, nil
}
