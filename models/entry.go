package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Entry is one timestamped entry of a live blog. TimeText keeps the time as
// printed ("11:03 a.m."); Instant is the moment it stands for, when the story
// has a date and a time zone to pin it to.
type Entry struct {
	ID          int64      `json:"id"`
	StoryID     int64      `json:"story_id"`
	Position    int        `json:"position"`
	TimeText    string     `json:"time"`
	Instant     *time.Time `json:"instant"`
	Headline    string     `json:"headline"`
	Body        string     `json:"body"`
	ContentHash string     `json:"-"`
	CreatedAt   time.Time  `json:"created_at"`
}

// EntryInput is a new entry.
type EntryInput struct {
	TimeText string
	Headline string
	Body     string
	Position int
}

func (in EntryInput) validate() *ValidationError {
	f := map[string]string{}
	checkText(f, "time", in.TimeText, false, 100)
	checkText(f, "headline", in.Headline, false, MaxTitleLen)
	checkText(f, "body", in.Body, false, MaxBodyLen)
	if strings.TrimSpace(in.Headline) == "" && strings.TrimSpace(in.Body) == "" && f["headline"] == "" {
		f["body"] = "an entry needs a headline or a body"
	}
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	return nil
}

// entryHash identifies an entry by what it says, so re-importing an updated
// blog recognises entries it already has.
func entryHash(in EntryInput) string {
	h := sha256.New()
	for _, p := range []string{in.TimeText, in.Headline, in.Body} {
		h.Write([]byte(strings.Join(strings.Fields(p), " ")))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// instantFor pins a printed time to the story's date and zone, when it has them
// and the time can be read ("11:03 a.m.", "19:40", "10.35 a.m.").
func instantFor(st *Story, timeText string) *time.Time {
	if st.Date == "" || st.TimeZone == "" {
		return nil
	}
	loc, err := time.LoadLocation(st.TimeZone)
	if err != nil {
		return nil
	}
	day, err := time.ParseInLocation("2006-01-02", st.Date, loc)
	if err != nil {
		return nil
	}
	h, m, ok := ParseClock(timeText)
	if !ok {
		return nil
	}
	t := time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc).UTC()
	return &t
}

// ParseClock reads a printed clock time: "11:03 a.m.", "4:52 pm", "19:40",
// "10.35 a.m.", "9:58 p.m. ET".
func ParseClock(s string) (hour, min int, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	i := 0
	num := func() (int, bool) {
		start, n := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && i-start < 2 {
			n = n*10 + int(s[i]-'0')
			i++
		}
		return n, i > start
	}
	h, ok1 := num()
	if !ok1 || i >= len(s) || (s[i] != ':' && s[i] != '.') {
		return 0, 0, false
	}
	i++
	m, ok2 := num()
	if !ok2 || m > 59 {
		return 0, 0, false
	}
	rest := strings.ReplaceAll(strings.TrimSpace(s[i:]), ".", "")
	switch {
	case strings.HasPrefix(rest, "pm"):
		if h < 1 || h > 12 {
			return 0, 0, false
		}
		if h != 12 {
			h += 12
		}
	case strings.HasPrefix(rest, "am"):
		if h < 1 || h > 12 {
			return 0, 0, false
		}
		if h == 12 {
			h = 0
		}
	default:
		if h > 23 {
			return 0, 0, false
		}
	}
	return h, m, true
}

// addEntry inserts an entry in tx unless the story already has one with the
// same content; either way it returns the stored entry.
func addEntry(tx *gorm.DB, st *Story, in EntryInput, now time.Time) (*Entry, bool, error) {
	if v := in.validate(); v != nil {
		return nil, false, v
	}
	hash := entryHash(in)
	var existing Entry
	err := tx.Where("story_id = ? AND content_hash = ?", st.ID, hash).First(&existing).Error
	if err == nil {
		return &existing, false, nil
	}
	if !IsNotFound(err) {
		return nil, false, err
	}
	e := &Entry{StoryID: st.ID, Position: in.Position, TimeText: strings.TrimSpace(in.TimeText),
		Instant: instantFor(st, in.TimeText), Headline: strings.TrimSpace(in.Headline),
		Body: in.Body, ContentHash: hash, CreatedAt: now}
	if err := tx.Create(e).Error; err != nil {
		return nil, false, err
	}
	return e, true, nil
}

// CreateEntry adds an entry to a story (or returns the identical one it has).
func (s *Store) CreateEntry(ctx context.Context, storyID int64, in EntryInput) (*Entry, error) {
	var e *Entry
	err := s.write(ctx, func(tx *gorm.DB) error {
		var st Story
		if err := tx.First(&st, storyID).Error; err != nil {
			return err
		}
		var err error
		e, _, err = addEntry(tx, &st, in, s.Now())
		return err
	})
	return e, err
}

// Entries lists a story's entries in the order they were printed.
func (s *Store) Entries(ctx context.Context, storyID int64) ([]Entry, error) {
	var es []Entry
	err := s.read(ctx).Where("story_id = ?", storyID).Order("position, id").Find(&es).Error
	return es, err
}

// Entry loads one entry.
func (s *Store) Entry(ctx context.Context, id int64) (*Entry, error) {
	var e Entry
	if err := s.read(ctx).First(&e, id).Error; err != nil {
		return nil, err
	}
	return &e, nil
}
