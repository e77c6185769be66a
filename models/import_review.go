package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"
)

// What the desk decided about an import candidate, remembered per story so
// that importing an updated blog again does not bring back, ticked and
// uncorrected, what was dismissed or corrected the first time.
const (
	ReviewDismissed = "dismissed"
	ReviewEdited    = "edited"
)

// candidateKey identifies a candidate across imports of the same blog: the
// entry it was found in (time and headline) and the claim and claimant as
// the extractor found them.
func candidateKey(time, headline, claim, claimant string) string {
	h := sha256.New()
	for _, p := range []string{time, headline, claim, claimant} {
		h.Write([]byte(normName(p)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// candidateEdit is what a desk corrected in a candidate.
type candidateEdit struct {
	Claim        string `json:"claim"`
	Claimant     string `json:"claimant"`
	Role         string `json:"role,omitempty"`
	Unverifiable bool   `json:"unverifiable"`
	Caveat       string `json:"caveat,omitempty"`
}

func editOf(c ImportCandidate) candidateEdit {
	return candidateEdit{Claim: strings.TrimSpace(c.Claim), Claimant: strings.TrimSpace(c.Claimant), Role: strings.TrimSpace(c.Role),
		Unverifiable: c.Unverifiable, Caveat: strings.TrimSpace(c.Caveat)}
}

// applyReviews marks the candidates a desk dismissed or corrected in an
// earlier import into the story: dismissed ones come unticked, corrected
// ones with the correction.
func applyReviews(db *gorm.DB, storyID int64, cands []ImportCandidate) error {
	if storyID <= 0 || len(cands) == 0 {
		return nil
	}
	var rows []struct {
		CandidateKey, State, Edited string
	}
	if err := db.Raw(`SELECT candidate_key, state, edited FROM import_reviews WHERE story_id = ?`, storyID).Scan(&rows).Error; err != nil {
		return err
	}
	if len(rows) == 0 {
		return nil
	}
	byKey := map[string]int{}
	for i, r := range rows {
		byKey[r.CandidateKey] = i
	}
	for i := range cands {
		j, ok := byKey[cands[i].Key]
		if !ok {
			continue
		}
		r := rows[j]
		cands[i].Reviewed = r.State
		switch r.State {
		case ReviewDismissed:
			cands[i].Selected = false
		case ReviewEdited:
			var e candidateEdit
			if json.Unmarshal([]byte(r.Edited), &e) == nil {
				cands[i].Claim, cands[i].Claimant, cands[i].Role = e.Claim, e.Claimant, e.Role
				cands[i].Unverifiable, cands[i].Caveat = e.Unverifiable, e.Caveat
			}
		}
	}
	return nil
}

// rememberReviews records, for the candidates sent back from a preview, which
// were dismissed (unticked) and which corrected, compared with what the
// extractor found (orig, by key); a candidate imported as found forgets any
// earlier review.
func rememberReviews(tx *gorm.DB, actor *User, storyID int64, sent []ImportCandidate, orig map[string]ImportCandidate, now time.Time) error {
	for _, c := range sent {
		o, ok := orig[c.Key]
		if c.Key == "" || !ok || c.Duplicate {
			continue
		}
		state, edited := "", ""
		switch {
		case !c.Selected:
			state = ReviewDismissed
		case editOf(c) != editOf(o):
			state, edited = ReviewEdited, string(mustJSON(editOf(c)))
		}
		if err := tx.Exec(`DELETE FROM import_reviews WHERE story_id = ? AND candidate_key = ?`, storyID, c.Key).Error; err != nil {
			return err
		}
		if state == "" {
			continue
		}
		if err := tx.Exec(`INSERT INTO import_reviews(story_id, candidate_key, state, edited, updated_by_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			storyID, c.Key, state, edited, actor.ID, now).Error; err != nil {
			return err
		}
	}
	return nil
}

// collapseRepeats keeps the first of candidates that say the same thing for
// the same claimant within one paste (a blog that repeats an update), and
// counts the repeats on it.
func collapseRepeats(cands []ImportCandidate) []ImportCandidate {
	first := map[string]int{}
	out := cands[:0]
	for _, c := range cands {
		k := normName(c.Claimant) + "\x00" + normName(c.Claim)
		if i, ok := first[k]; ok {
			out[i].Repeats++
			continue
		}
		first[k] = len(out)
		out = append(out, c)
	}
	return out
}

// CreateImportDraft keeps a pasted blog while the desk reviews it, so the
// review pages need not carry megabytes of text; drafts older than a day
// are removed (they are working copies, not records).
func (s *Store) CreateImportDraft(ctx context.Context, actor *User, text string) (int64, error) {
	var id int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		now := s.Now()
		if err := tx.Exec(`DELETE FROM import_drafts WHERE created_at < ?`, now.Add(-24*time.Hour)).Error; err != nil {
			return err
		}
		d := struct {
			ID        int64 `gorm:"primaryKey"`
			UserID    int64
			Text      string
			CreatedAt time.Time
		}{UserID: actor.ID, Text: text, CreatedAt: now}
		if err := tx.Table("import_drafts").Create(&d).Error; err != nil {
			return err
		}
		id = d.ID
		return nil
	})
	return id, err
}

// ImportDraft returns the text of one of actor's drafts.
func (s *Store) ImportDraft(ctx context.Context, actor *User, id int64) (string, error) {
	var texts []string
	if err := s.read(ctx).Table("import_drafts").Where("id = ? AND user_id = ?", id, actor.ID).Pluck("text", &texts).Error; err != nil {
		return "", err
	}
	if len(texts) == 0 {
		return "", ErrNotFound
	}
	return texts[0], nil
}
