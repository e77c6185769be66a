package models

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"

	"claimdesk/models/similar"
)

// MatchInput is a claim not stored yet — an import's or the inbox's
// candidate, or a claim being entered — to match against the desk's claims.
type MatchInput struct {
	Text     string
	Claimant string
	Aliases  []string
	// SourceID is the source the claimant matched, 0 if none.
	SourceID int64
	Verb     string
	// At is when it was reported; zero means now.
	At time.Time
	// StoryID is the story it is for (0 for none): see MatchOptions.SameStory.
	StoryID int64
}

// ClaimMatch is a stored claim that a candidate matches: "matches" in import
// previews and inbox candidates, and the question at entry.
type ClaimMatch struct {
	ClaimID     int64    `json:"claim_id"`
	Score       float64  `json:"score"`
	Verdict     Verdict  `json:"verdict"`
	StoryID     int64    `json:"story_id"`
	StoryTitle  string   `json:"story_title"`
	Text        string   `json:"text"`
	SameFigures bool     `json:"same_figures"`
	Differences []string `json:"differences"`
	Reason      string   `json:"reason"`
	// Note says it for the desk: "already found false in 'Belgorod live',
	// 2 days ago".
	Note string `json:"note"`
}

// MatchOptions narrow a match.
type MatchOptions struct {
	// PerText is how many matches each text keeps at most (default 3).
	PerText int
	// MinScore is the lowest score kept (default similar.CloseScore).
	MinScore float64
	// SameStory keeps only claims of the input's own story (duplicates at entry).
	SameStory bool
}

// MaxMatchTexts bounds one batch of MatchTexts.
const MaxMatchTexts = 5000

// MatchTexts matches a batch of texts against the desk's claims in one go —
// an import preview's or an inbox's candidates — reading each search and each
// claim once for the whole batch. The answer has one list per input, best
// first (empty when nothing is close).
func (s *Store) MatchTexts(ctx context.Context, ins []MatchInput, opt MatchOptions) ([][]ClaimMatch, error) {
	if len(ins) > MaxMatchTexts {
		return nil, invalid("candidates", "at most 5000 at once")
	}
	if opt.PerText <= 0 {
		opt.PerText = 3
	}
	if opt.MinScore <= 0 {
		opt.MinScore = similar.CloseScore
	}
	m, err := newMatcher(s, similarBatchLimit)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	out := make([][]ClaimMatch, len(ins))
	cs := make([]*matchClaim, len(ins))
	for i, in := range ins {
		out[i] = []ClaimMatch{}
		cs[i] = textClaim(in, now)
	}
	cands, err := m.candidates(ctx, cs)
	if err != nil {
		return nil, err
	}
	var every []int64
	for _, list := range cands {
		every = append(every, list...)
	}
	if err := m.read(ctx, every); err != nil {
		return nil, err
	}
	found := make([][]scoredClaim, len(ins))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(matchWorkers)
	for i, in := range ins {
		g.Go(func() error {
			// Keep a few more than asked for before the story filter.
			scored, err := m.rank(gctx, cs[i], cands[i], 0, opt.PerText*4, opt.MinScore)
			for _, sc := range scored {
				if opt.SameStory && sc.mc.storyID != in.StoryID {
					continue
				}
				if len(found[i]) == opt.PerText {
					break
				}
				found[i] = append(found[i], sc)
			}
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	var ids []int64
	for _, list := range found {
		for _, sc := range list {
			ids = append(ids, sc.id)
		}
	}
	if len(ids) == 0 {
		return out, nil
	}
	claims, err := s.claimsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*Claim, len(claims))
	for i := range claims {
		byID[claims[i].ID] = &claims[i]
	}
	for i, list := range found {
		for _, sc := range list {
			c, ok := byID[sc.id]
			if !ok {
				continue
			}
			out[i] = append(out[i], ClaimMatch{ClaimID: c.ID, Score: sc.r.Score, Verdict: c.Verdict, StoryID: c.StoryID,
				StoryTitle: c.StoryTitle, Text: c.Text, SameFigures: sc.r.SameFigures, Differences: nonNil(sc.r.Differences),
				Reason: sc.r.Reason, Note: matchNote(c, now)})
		}
	}
	return out, nil
}

// matchNote says where a matched claim stands, for the desk deciding about
// a candidate: "already found false in 'Belgorod live', 2 days ago".
func matchNote(c *Claim, now time.Time) string {
	where := "'" + c.StoryTitle + "'"
	switch {
	case c.Verdict == Unreviewed:
		return "already on the desk in " + where + ", not reviewed yet"
	case c.Verdict == InReview:
		return "being checked in " + where
	}
	at := c.UpdatedAt
	if c.VerdictAt != nil {
		at = *c.VerdictAt
	}
	word := map[Verdict]string{Verified: "verified", Unverified: "unverified", Disputed: "disputed",
		Misleading: "misleading", False: "false"}[c.Verdict]
	return "already found " + word + " in " + where + ", " + similar.Age(now, at)
}
