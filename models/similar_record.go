package models

import (
	"context"

	"gorm.io/gorm"

	"claimdesk/models/similar"
)

// unlinkedCloseMatch is the condition that a claim has a close match (either
// side of a recorded pair) that no link ties to it yet.
const unlinkedCloseMatch = `claims.id IN (
	SELECT m.claim_id FROM claim_matches m WHERE NOT EXISTS (` + linkedPair + `)
	UNION
	SELECT m.match_id FROM claim_matches m WHERE NOT EXISTS (` + linkedPair + `))`

const linkedPair = `SELECT 1 FROM claim_links l
	WHERE (l.from_claim_id = m.claim_id AND l.to_claim_id = m.match_id)
	   OR (l.from_claim_id = m.match_id AND l.to_claim_id = m.claim_id)`

func closeMatchKey(f ClaimFilter) string {
	if f.CloseMatch {
		return "|close-match"
	}
	return ""
}

// maxRecordedMatches is how many close matches are kept per new claim.
const maxRecordedMatches = 5

// closeMatches finds the claims, in any story, that a claim about to be
// stored is a close match for, and among them those of its own story it very
// probably repeats. Matching reads before the write, so the writer is not
// held up; what it found is stored with the claim (recordMatches).
func (s *Store) closeMatches(ctx context.Context, in ClaimInput) (close, duplicates []ClaimMatch, err error) {
	select {
	case <-s.closing:
		// Refused as every write after Close is, before reading anything.
		return nil, nil, ErrClosed
	default:
	}
	if in.Text == nil {
		return nil, nil, nil
	}
	mi := MatchInput{Text: *in.Text, Claimant: trimPtr(in.Claimant), Verb: trimPtr(in.Verb)}
	if in.StoryID != nil {
		mi.StoryID = *in.StoryID
	}
	if in.SourceID != nil {
		mi.SourceID = *in.SourceID
	}
	if in.ReportedAt != nil {
		mi.At = *in.ReportedAt
	}
	if mi.SourceID == 0 && mi.Claimant != "" {
		src, err := matchSourceTx(s.read(ctx), mi.Claimant)
		switch {
		case err == nil:
			mi.SourceID = src.ID
		case !IsNotFound(err):
			return nil, nil, err
		}
	}
	// More than are kept: a claim retold in many other stories must not
	// push the one of its own story out of sight.
	res, err := s.MatchTexts(ctx, []MatchInput{mi}, MatchOptions{PerText: 4 * maxRecordedMatches})
	if err != nil {
		return nil, nil, err
	}
	close = res[0]
	for _, m := range close {
		if mi.StoryID > 0 && m.StoryID == mi.StoryID && m.Score >= similar.DuplicateScore {
			duplicates = append(duplicates, m)
		}
	}
	if len(close) > maxRecordedMatches {
		close = close[:maxRecordedMatches]
	}
	return close, duplicates, nil
}

// recordMatches stores, in the transaction that adds claim id, the close
// matches found for it.
func recordMatches(tx *gorm.DB, id int64, matches []ClaimMatch) error {
	for _, m := range matches {
		if m.ClaimID == id {
			continue
		}
		if err := tx.Exec(`INSERT INTO claim_matches(claim_id, match_id, score) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
			id, m.ClaimID, m.Score).Error; err != nil {
			return err
		}
	}
	return nil
}
