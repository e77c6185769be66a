package models

import (
	"context"
	"errors"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Follow is a live blog's URL that Claimdesk fetches on a schedule for a
// story, turning the entries it has not seen into candidates in the story's
// inbox.
type Follow struct {
	ID           int64  `json:"id"`
	StoryID      int64  `json:"story_id"`
	URL          string `json:"url"`
	EverySeconds int64  `json:"every_seconds"`
	Active       bool   `json:"active"`
	// ETag and LastModified are the page's validators from the last fetch,
	// sent back so an unchanged page costs the site and us almost nothing.
	ETag         string `json:"-" gorm:"column:etag"`
	LastModified string `json:"-"`
	// BodyHash is the SHA-256 of the page last read, so a site that sends
	// no validators still costs no reading when nothing changed.
	BodyHash      string     `json:"-"`
	NextCheckAt   time.Time  `json:"next_check_at"`
	LastCheckedAt *time.Time `json:"last_checked_at"`
	LastChangedAt *time.Time `json:"last_changed_at"`
	LastError     string     `json:"last_error"`
	// Failures counts the checks that failed in a row; the delay before the
	// next check grows with it.
	Failures int64 `json:"failures"`
	Checks   int64 `json:"checks"`
	// LeaseOwner and LeaseUntil mark the server checking the follow right
	// now, so several servers on one database fetch each URL once.
	LeaseOwner  string     `json:"-"`
	LeaseUntil  *time.Time `json:"-"`
	CreatedByID *int64     `json:"created_by"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`

	// EntriesSeen is how many of the blog's entries have been read.
	EntriesSeen int64 `json:"entries_seen" gorm:"-"`
}

// FollowEntry is an entry of a followed blog as last read: its identity
// and a hash of its text, to tell new and edited entries from old ones.
type FollowEntry struct {
	ID          int64
	StoryID     int64
	EntryKey    string
	TextHash    string
	EntryID     *int64
	FirstSeenAt time.Time
	ChangedAt   time.Time
}

// Follow intervals: the default, and the bounds a request must keep.
const (
	DefaultFollowEvery = 60 * time.Second
	MaxFollowEvery     = 24 * time.Hour
)

// FollowInput starts or changes the following of a story's live blog.
type FollowInput struct {
	URL          string
	EverySeconds int64
	// Floor is the shortest interval allowed (30 s in production).
	Floor time.Duration
}

// StartFollow follows a live blog for a story, or changes the URL or
// interval of the story's follow and resumes it. The first check is due at
// once.
func (s *Store) StartFollow(ctx context.Context, actor *User, storyID int64, in FollowInput) (*Follow, error) {
	u := strings.TrimSpace(in.URL)
	f := map[string]string{}
	checkText(f, "url", u, true, MaxURLLen)
	if f["url"] == "" {
		checkURL(f, "url", u)
	}
	every := time.Duration(in.EverySeconds) * time.Second
	if in.EverySeconds == 0 {
		every = max(DefaultFollowEvery, in.Floor)
	}
	switch {
	case every < in.Floor || every <= 0:
		f["every_seconds"] = "must be at least " + in.Floor.String()
	case every > MaxFollowEvery:
		f["every_seconds"] = "must be at most a day (86400)"
	}
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var st Story
		if err := tx.Select("id").First(&st, storyID).Error; err != nil {
			return err
		}
		now := s.Now()
		var fl Follow
		err := tx.Where("story_id = ?", storyID).First(&fl).Error
		switch {
		case IsNotFound(err):
			fl = Follow{StoryID: storyID, CreatedByID: &actor.ID, CreatedAt: now}
		case err != nil:
			return err
		}
		if fl.URL != u {
			fl.ETag, fl.LastModified, fl.BodyHash = "", "", ""
		}
		fl.URL, fl.EverySeconds, fl.Active = u, int64(every/time.Second), true
		fl.NextCheckAt, fl.Failures, fl.LastError, fl.UpdatedAt = now, 0, "", now
		return tx.Save(&fl).Error
	})
	if err != nil {
		return nil, err
	}
	return s.FollowOf(ctx, storyID)
}

// StopFollow stops following a story's live blog. What it found stays: its
// entries, candidates and the entries it has seen (so following again
// proposes only what is new).
func (s *Store) StopFollow(ctx context.Context, storyID int64) (*Follow, error) {
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Follow{}).Where("story_id = ?", storyID).Updates(map[string]any{"active": false, "updated_at": s.Now()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FollowOf(ctx, storyID)
}

// FollowOf is a story's follow with the number of entries it has seen; a
// story never followed is ErrNotFound.
func (s *Store) FollowOf(ctx context.Context, storyID int64) (*Follow, error) {
	db := s.read(ctx)
	var fl Follow
	if err := db.Where("story_id = ?", storyID).First(&fl).Error; err != nil {
		return nil, err
	}
	if err := db.Model(&FollowEntry{}).Where("story_id = ?", storyID).Count(&fl.EntriesSeen).Error; err != nil {
		return nil, err
	}
	return &fl, nil
}

// errLeaseTaken means another server is checking the follow right now.
var errLeaseTaken = errors.New("the follow is being checked by another server")

// leaseFollow takes the follow for one check if it is due (or force is set)
// and no other server holds it; it returns errLeaseTaken otherwise.
func (s *Store) leaseFollow(ctx context.Context, id int64, owner string, hold time.Duration, force bool) (*Follow, error) {
	var fl Follow
	err := s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		q := tx.Model(&Follow{}).Where("id = ? AND (lease_until IS NULL OR lease_until < ?)", id, now)
		if !force {
			q = q.Where("active = ? AND next_check_at <= ?", true, now)
		}
		res := q.Updates(map[string]any{"lease_owner": owner, "lease_until": now.Add(hold)})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return errLeaseTaken
		}
		return tx.First(&fl, id).Error
	})
	if err != nil {
		return nil, err
	}
	return &fl, nil
}

// dueFollows lists follows whose check is due and that no server holds.
func (s *Store) dueFollows(ctx context.Context, limit int) ([]int64, error) {
	now := s.Now()
	var ids []int64
	err := s.read(ctx).Model(&Follow{}).Where("active = ? AND next_check_at <= ? AND (lease_until IS NULL OR lease_until < ?)", true, now, now).
		Order("next_check_at").Limit(limit).Pluck("id", &ids).Error
	return ids, err
}

// nextFollowCheck is when the follow is due next: the nearest next_check_at
// of the active follows, or zero when none is active.
func (s *Store) nextFollowCheck(ctx context.Context) (time.Time, error) {
	var fl Follow
	err := s.read(ctx).Where("active = ?", true).Order("next_check_at").First(&fl).Error
	if IsNotFound(err) {
		return time.Time{}, nil
	}
	return fl.NextCheckAt, err
}
