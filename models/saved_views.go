package models

import (
	"context"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SavedView is a user's named desk filter, kept as the desk's query string
// so that its link ("/?" + Query) opens the same view for anyone.
type SavedView struct {
	ID        int64     `json:"id"`
	UserID    int64     `json:"user_id"`
	Name      string    `json:"name"`
	Query     string    `json:"query"`
	CreatedAt time.Time `json:"created_at"`
}

// MaxSavedViews bounds one user's saved views.
const MaxSavedViews = 50

// CanonicalViewQuery checks a desk query ("?verdict=…", "/?…" or bare) with
// the list's own parser and returns it without paging, in a stable order.
func CanonicalViewQuery(raw string, meID int64) (string, error) {
	raw = strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(raw), "/"), "?")
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "", invalid("query", "is not a query string")
	}
	q.Del("page")
	for k := range q {
		if strings.TrimSpace(q.Get(k)) == "" && len(q[k]) <= 1 {
			q.Del(k)
		}
	}
	if _, err := ParseClaimFilter(q, meID); err != nil {
		if ve, ok := err.(*ValidationError); ok {
			for field, msg := range ve.Fields {
				return "", invalid("query", field+" "+msg)
			}
		}
		return "", err
	}
	return q.Encode(), nil
}

// SaveView stores a named view for user, replacing the query of a view of
// the same name.
func (s *Store) SaveView(ctx context.Context, userID int64, name, query string) (*SavedView, error) {
	name = strings.Join(strings.Fields(name), " ")
	f := map[string]string{}
	checkText(f, "name", name, true, 100)
	q, err := CanonicalViewQuery(query, userID)
	if err != nil {
		ve, ok := err.(*ValidationError)
		if !ok {
			return nil, err
		}
		for k, m := range ve.Fields {
			f[k] = m
		}
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	v := &SavedView{UserID: userID, Name: name, Query: q, CreatedAt: s.Now()}
	err = s.write(ctx, func(tx *gorm.DB) error {
		var existing SavedView
		err := tx.Where("user_id = ? AND name = ?", userID, name).First(&existing).Error
		if err == nil {
			v.ID, v.CreatedAt = existing.ID, existing.CreatedAt
			return tx.Model(&SavedView{}).Where("id = ?", existing.ID).Update("query", q).Error
		}
		if !IsNotFound(err) {
			return err
		}
		var n int64
		if err := tx.Model(&SavedView{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
			return err
		}
		if n >= MaxSavedViews {
			return invalid("name", "at most 50 saved views; delete one first")
		}
		return tx.Create(v).Error
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// SavedViews lists a user's views by name.
func (s *Store) SavedViews(ctx context.Context, userID int64) ([]SavedView, error) {
	out := []SavedView{}
	err := s.read(ctx).Where("user_id = "+s.d.arg(), userID).Order("name, id").Find(&out).Error
	return out, err
}

// DeleteView removes one of the user's own views (views are settings, not
// records, so they are really deleted).
func (s *Store) DeleteView(ctx context.Context, userID, id int64) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Where("id = ? AND user_id = ?", id, userID).Delete(&SavedView{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// URL is the desk address of the view, the link to share.
func (v SavedView) URL() string { return "/?" + v.Query }
