package models

import (
	"context"
	"regexp"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Mention is a note that names a colleague with "@name": it waits in their
// Mentions list, unread until they open it.
type Mention struct {
	ID         int64     `json:"id"`
	ClaimID    int64     `json:"claim_id"`
	ActivityID int64     `json:"activity_id"`
	ClaimText  string    `json:"claim_text"`
	Note       string    `json:"note"`
	By         string    `json:"by"`
	At         time.Time `json:"at"`
	Read       bool      `json:"read"`
}

// mentionToken finds "@name" in a note: letters, digits, dots, hyphens and
// underscores after an "@" that does not follow a letter (not an email).
var mentionToken = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.])@([\p{L}\p{N}][\p{L}\p{N}._-]*)`)

// mentionKey folds a name for matching "@name": lower case without spaces,
// dots, hyphens or underscores.
func mentionKey(s string) string {
	return strings.NewReplacer(" ", "", ".", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// mentionedUsers resolves the "@name"s of a note to active users: by the part
// of their email before the "@" ("@fay"), their whole name ("@FayRuiz",
// "@fay.ruiz"), or their first name when no other active user shares it.
func mentionedUsers(tx *gorm.DB, text string) ([]User, error) {
	var wanted []string
	for _, m := range mentionToken.FindAllStringSubmatch(text, 20) {
		wanted = append(wanted, mentionKey(strings.TrimRight(m[1], ".-_")))
	}
	if len(wanted) == 0 {
		return nil, nil
	}
	var users []User
	if err := tx.Where("disabled = ?", false).Order("id").Find(&users).Error; err != nil {
		return nil, err
	}
	first := map[string][]int{}
	for i, u := range users {
		if f := strings.Fields(u.Name); len(f) > 0 {
			k := mentionKey(f[0])
			first[k] = append(first[k], i)
		}
	}
	seen := map[int64]bool{}
	var out []User
	for _, w := range wanted {
		for i, u := range users {
			local := u.Email
			if at := strings.IndexByte(local, '@'); at >= 0 {
				local = local[:at]
			}
			byFirst := len(first[w]) == 1 && first[w][0] == i
			if (mentionKey(local) == w || mentionKey(u.Name) == w || byFirst) && !seen[u.ID] {
				seen[u.ID] = true
				out = append(out, u)
			}
		}
	}
	return out, nil
}

// recordMentions adds a mention of the note a (just appended in tx) for
// everyone it names, except its author.
func recordMentions(tx *gorm.DB, a *Activity) error {
	users, err := mentionedUsers(tx, a.Text)
	if err != nil || len(users) == 0 {
		return err
	}
	var activityID int64
	if err := tx.Raw(`SELECT MAX(id) FROM activities WHERE claim_id = ?`, a.ClaimID).Scan(&activityID).Error; err != nil {
		return err
	}
	for _, u := range users {
		if a.ActorID != nil && u.ID == *a.ActorID {
			continue
		}
		if err := tx.Exec(`INSERT INTO mentions(activity_id, claim_id, user_id, created_at) VALUES (?, ?, ?, ?)`,
			activityID, a.ClaimID, u.ID, a.CreatedAt).Error; err != nil {
			return err
		}
	}
	return nil
}

// Mentions lists the notes that mention user, newest first.
func (s *Store) Mentions(ctx context.Context, userID int64, limit int) ([]Mention, error) {
	if limit <= 0 || limit > 200 {
		limit = 50
	}
	var rows []struct {
		ID, ClaimID, ActivityID int64
		ClaimText, Note, Author string
		At                      time.Time
		ReadAt                  *time.Time
	}
	err := s.read(ctx).Raw(`SELECT m.id, m.claim_id, m.activity_id, c.text AS claim_text, a.text AS note,
		COALESCE(u.name, '') AS author, m.created_at AS at, m.read_at
		FROM mentions m JOIN claims c ON c.id = m.claim_id JOIN activities a ON a.id = m.activity_id
		LEFT JOIN users u ON u.id = a.actor_id
		WHERE m.user_id = `+s.d.arg()+` ORDER BY m.id DESC LIMIT `+s.d.arg(), userID, limit).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]Mention, len(rows))
	for i, r := range rows {
		out[i] = Mention{ID: r.ID, ClaimID: r.ClaimID, ActivityID: r.ActivityID, ClaimText: r.ClaimText, Note: r.Note,
			By: r.Author, At: r.At, Read: r.ReadAt != nil}
	}
	return out, nil
}

// UnreadMentions counts user's unread mentions, for the page header.
func (s *Store) UnreadMentions(ctx context.Context, userID int64) (int64, error) {
	var n int64
	err := s.read(ctx).Table("mentions").Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	return n, err
}

// MarkMentionsRead marks user's mentions read: the given ones, or all when
// ids is empty. It answers how many changed.
func (s *Store) MarkMentionsRead(ctx context.Context, userID int64, ids []int64) (int64, error) {
	var n int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		q := tx.Table("mentions").Where("user_id = ? AND read_at IS NULL", userID)
		if len(ids) > 0 {
			q = q.Where("id IN ?", ids)
		}
		res := q.Update("read_at", s.Now())
		n = res.RowsAffected
		return res.Error
	})
	return n, err
}
