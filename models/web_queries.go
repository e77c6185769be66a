package models

import "context"

// EntryVerdictCount is how many claims of one live-blog entry stand at one
// verdict; EntryID is nil for claims not tied to an entry.
type EntryVerdictCount struct {
	EntryID *int64
	Verdict Verdict
	N       int64
}

// StoryVerdictsByEntry counts a story's claims per entry and verdict in one
// grouped query: the story page's chart of claims over time, which must not
// load every claim of a long live blog.
func (s *Store) StoryVerdictsByEntry(ctx context.Context, storyID int64) ([]EntryVerdictCount, error) {
	var rows []EntryVerdictCount
	err := s.read(ctx).Raw(`SELECT entry_id, verdict, COUNT(*) AS n FROM claims WHERE story_id = ? AND withdrawn_at IS NULL
		GROUP BY entry_id, verdict`, storyID).Scan(&rows).Error
	return rows, err
}
