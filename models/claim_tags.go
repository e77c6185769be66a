package models

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
)

// ActTagged is the activity row of a change to a claim's tags.
const ActTagged = "tagged"

// Limits on tags: short labels, a handful per claim.
const (
	MaxTagLen      = 40
	MaxTagsOnClaim = 20
)

// NormTag folds a tag as typed ("#Casualty figures ") to the form it is stored
// and filtered by ("casualty figures"): lower case, single spaces, no leading
// '#'. It returns "" for something that cannot be a tag (empty, too long, a
// comma, control characters).
func NormTag(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(strings.TrimLeft(strings.TrimSpace(s), "#")), " "))
	if s == "" || utf8.RuneCountInString(s) > MaxTagLen || strings.ContainsAny(s, ",\x00") || !utf8.ValidString(s) {
		return ""
	}
	for _, r := range s {
		if r < ' ' {
			return ""
		}
	}
	return s
}

// NormTags normalises a list of tags, dropping repeats; a tag that cannot be
// one is a "tags" field error naming it.
func NormTags(in []string) ([]string, error) {
	seen := map[string]bool{}
	out := []string{}
	for _, t := range in {
		if strings.TrimSpace(t) == "" {
			continue
		}
		n := NormTag(t)
		if n == "" {
			return nil, invalid("tags", "“"+truncateRunes(t, 50)+"” is not a tag: at most 40 characters, no commas")
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	if len(out) > MaxTagsOnClaim {
		return nil, invalid("tags", "at most 20 tags on a claim")
	}
	sort.Strings(out)
	return out, nil
}

// SplitTags reads tags typed into one box, separated by commas.
func SplitTags(s string) []string { return strings.Split(s, ",") }

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// SetTags replaces a claim's tags, under the claim's version like every other
// change, with an activity row saying what they were and are.
func (s *Store) SetTags(ctx context.Context, actor *User, id, version int64, tags []string) (*Claim, error) {
	tags, err := NormTags(tags)
	if err != nil {
		return nil, err
	}
	return s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		return s.setTagsTx(tx, actor, c, tags)
	})
}

// UpdateClaimAndTags is UpdateClaim and SetTags in one transaction, for a
// change that carries both (a PATCH with fields and "tags"): if either part
// fails, neither is written. tags nil leaves the tags alone; tags equal to
// the claim's are no change. Each part keeps its own activity row.
func (s *Store) UpdateClaimAndTags(ctx context.Context, actor *User, id, version int64, in ClaimInput, tags []string) (*Claim, error) {
	if tags == nil {
		return s.UpdateClaim(ctx, actor, id, version, in)
	}
	tags, err := NormTags(tags)
	if err != nil {
		return nil, err
	}
	c, err := s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		if err := s.editClaimTx(tx, actor, c, in); err != nil {
			return err
		}
		have, err := claimTags(tx, []int64{c.ID})
		if err != nil || slices.Equal(have[c.ID], tags) {
			return err
		}
		return s.setTagsTx(tx, actor, c, tags)
	})
	return s.afterPublishing(c, err)
}

// BulkTag adds tags to many claims (keeping the tags they have), each with
// its own activity row.
func (s *Store) BulkTag(ctx context.Context, actor *User, ids []int64, tags []string) (*BulkResult, error) {
	tags, err := NormTags(tags)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, invalid("tags", "give at least one tag")
	}
	return s.bulk(ctx, ids, func(tx *gorm.DB, c *Claim) error {
		have, err := claimTags(tx, []int64{c.ID})
		if err != nil {
			return err
		}
		all, err := NormTags(append(have[c.ID], tags...))
		if err != nil {
			return err
		}
		return s.setTagsTx(tx, actor, c, all)
	})
}

func (s *Store) setTagsTx(tx *gorm.DB, actor *User, c *Claim, tags []string) error {
	have, err := claimTags(tx, []int64{c.ID})
	if err != nil {
		return err
	}
	from, to := strings.Join(have[c.ID], ", "), strings.Join(tags, ", ")
	if from == to {
		return invalid("tags", "the claim already has these tags")
	}
	now := s.Now()
	if err := tx.Exec(`DELETE FROM claim_tags WHERE claim_id = ?`, c.ID).Error; err != nil {
		return err
	}
	for _, t := range tags {
		if err := tx.Exec(`INSERT INTO claim_tags(claim_id, tag, created_at) VALUES (?, ?, ?)`, c.ID, t, now).Error; err != nil {
			return err
		}
	}
	if err := saveClaim(tx, c, actor, now, map[string]any{}); err != nil {
		return err
	}
	return appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActTagged, FromValue: from, ToValue: to, CreatedAt: now})
}

// claimTags loads the tags of the given claims with one query, sorted.
func claimTags(db *gorm.DB, ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ClaimID int64
		Tag     string
	}
	if err := db.Raw(`SELECT claim_id, tag FROM claim_tags WHERE claim_id IN ? ORDER BY claim_id, tag`, ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ClaimID] = append(out[r.ClaimID], r.Tag)
	}
	return out, nil
}

// fillTags sets the Tags of each claim (never nil, so JSON says []).
func fillTags(db *gorm.DB, claims []*Claim) error {
	ids := make([]int64, len(claims))
	for i, c := range claims {
		ids[i] = c.ID
	}
	tags, err := claimTags(db, ids)
	if err != nil {
		return err
	}
	for _, c := range claims {
		c.Tags = tags[c.ID]
		if c.Tags == nil {
			c.Tags = []string{}
		}
	}
	return nil
}

// Tags lists the tags in use with how many claims carry each, most used
// first, for the desk's filter and the tag box's suggestions.
func (s *Store) Tags(ctx context.Context, limit int) ([]TagCount, error) {
	var out []TagCount
	err := s.read(ctx).Raw(`SELECT tag, COUNT(*) AS n FROM claim_tags GROUP BY tag ORDER BY n DESC, tag LIMIT `+s.d.arg(), limit).Scan(&out).Error
	return out, err
}

// TagCount is one tag and how many claims carry it.
type TagCount struct {
	Tag string `json:"tag"`
	N   int64  `json:"n"`
}
