package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Story is a running coverage item: a live blog, an article, an investigation.
type Story struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	URL         string    `json:"url"`
	Language    string    `json:"language"`
	Date        string    `json:"date"`
	TimeZone    string    `json:"time_zone"`
	Archived    bool      `json:"archived"`
	Version     int64     `json:"version"`
	CreatedByID *int64    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// StoryInput is what a person may set on a story. Nil means "leave as is" on update.
type StoryInput struct {
	Title    *string
	URL      *string
	Language *string
	Date     *string
	TimeZone *string
}

func (in StoryInput) apply(st *Story, creating bool) *ValidationError {
	f := map[string]string{}
	if in.Title != nil || creating {
		v := ""
		if in.Title != nil {
			v = strings.TrimSpace(*in.Title)
		}
		checkText(f, "title", v, true, MaxTitleLen)
		st.Title = v
	}
	if in.URL != nil {
		v := strings.TrimSpace(*in.URL)
		checkURL(f, "url", v)
		st.URL = v
	}
	if in.Language != nil {
		v := strings.ToLower(strings.TrimSpace(*in.Language))
		if v == "" {
			v = "en"
		}
		if len(v) > 35 || strings.ContainsAny(v, " <>\"'") {
			f["language"] = "must be a language tag such as en or pt-BR"
		}
		st.Language = v
	}
	if creating && st.Language == "" {
		st.Language = "en"
	}
	if in.Date != nil {
		v := strings.TrimSpace(*in.Date)
		if v != "" {
			if _, err := time.Parse("2006-01-02", v); err != nil {
				f["date"] = "must be a date as YYYY-MM-DD"
			}
		}
		st.Date = v
	}
	if in.TimeZone != nil {
		v := strings.TrimSpace(*in.TimeZone)
		if v != "" {
			if _, err := time.LoadLocation(v); err != nil || len(v) > 64 {
				f["time_zone"] = "must be a time zone name such as Europe/Kyiv"
			}
		}
		st.TimeZone = v
	}
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	return nil
}

// CreateStory adds a story.
func (s *Store) CreateStory(ctx context.Context, actor *User, in StoryInput) (*Story, error) {
	st := &Story{Version: 1}
	if v := in.apply(st, true); v != nil {
		return nil, v
	}
	st.CreatedByID = &actor.ID
	if err := s.write(ctx, func(tx *gorm.DB) error { return tx.Create(st).Error }); err != nil {
		return nil, err
	}
	return st, nil
}

// Story loads one story.
func (s *Store) Story(ctx context.Context, id int64) (*Story, error) {
	var st Story
	if err := s.read(ctx).First(&st, id).Error; err != nil {
		return nil, err
	}
	return &st, nil
}

// StoryByTitle finds a story by its exact title (the newest if several).
func (s *Store) StoryByTitle(ctx context.Context, title string) (*Story, error) {
	var st Story
	if err := s.read(ctx).Where("title = ?", strings.TrimSpace(title)).Order("id DESC").First(&st).Error; err != nil {
		return nil, err
	}
	return &st, nil
}

// StoryListItem is a story with the counts the desk shows beside it.
type StoryListItem struct {
	Story
	Claims      int64 `json:"claims"`
	Unconfirmed int64 `json:"unconfirmed"`
}

// Stories lists stories, newest first; archived ones only when asked.
func (s *Store) Stories(ctx context.Context, includeArchived bool, limit int) ([]StoryListItem, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	q := s.read(ctx).Table("stories").Select(`stories.*,
		(SELECT COUNT(*) FROM claims WHERE claims.story_id = stories.id AND claims.withdrawn_at IS NULL) AS claims,
		(SELECT COUNT(*) FROM claims WHERE claims.story_id = stories.id AND claims.unconfirmed = ` + s.d.boolLit(true) + ` AND claims.withdrawn_at IS NULL) AS unconfirmed`)
	if !includeArchived {
		q = q.Where("NOT archived")
	}
	var out []StoryListItem
	err := q.Order("stories.id DESC").Limit(limit).Scan(&out).Error
	return out, err
}

// UpdateStory changes a story's fields, checking the version it was based on.
func (s *Store) UpdateStory(ctx context.Context, id, version int64, in StoryInput) (*Story, error) {
	var st Story
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&st, id).Error; err != nil {
			return err
		}
		if st.Version != version {
			return &StoryConflictError{Current: st}
		}
		if v := in.apply(&st, false); v != nil {
			return v
		}
		st.Version++
		return tx.Save(&st).Error
	})
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// StoryConflictError is the story counterpart of ConflictError.
type StoryConflictError struct{ Current Story }

// Error says the story changed meanwhile; the handler adds the current state.
func (e *StoryConflictError) Error() string {
	return "the story was changed by someone else meanwhile"
}

// SetStoryArchived archives or restores a story; nothing in it is deleted.
func (s *Store) SetStoryArchived(ctx context.Context, id int64, archived bool) (*Story, error) {
	var st Story
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&st, id).Error; err != nil {
			return err
		}
		st.Archived = archived
		st.Version++
		return tx.Save(&st).Error
	})
	if err != nil {
		return nil, err
	}
	return &st, nil
}

// StoryOptions lists current stories, newest first, with only what a story
// picker needs: no claim counts, so a form stays cheap on a big desk.
func (s *Store) StoryOptions(ctx context.Context, limit int) ([]Story, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	// Every desk page lists them: a prepared statement, scanned by hand.
	q := storyOptionsSQLite
	if s.d.pg {
		q = storyOptionsSQL
	}
	rows, err := s.readQuery(ctx, &s.cache.storyOptions, q, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Story
	for rows.Next() {
		var st Story
		if err := rows.Scan(&st.ID, &st.Title, &st.Archived); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// storyOptionsSQL lists StoryOptions' stories; storyOptionsSQLite is the
// same, compiled once on SQLite (see dialect_arg.go).
const (
	storyOptionsSQL    = `SELECT id, title, archived FROM stories WHERE NOT archived ORDER BY id DESC LIMIT ?`
	storyOptionsSQLite = `SELECT id, title, archived FROM stories WHERE NOT archived ORDER BY id DESC LIMIT +?`
)
