package models

import (
	"context"
	"strconv"
)

// DuplicateError refuses a new claim that the story very probably holds
// already: the desk is asked "same as #123?" instead of silently adding it
// twice. Nothing was written.
type DuplicateError struct {
	Matches []ClaimMatch
}

// Error names the claims it may repeat.
func (e *DuplicateError) Error() string { return e.Message() }

// Message is the question for the desk, naming the closest claim.
func (e *DuplicateError) Message() string {
	m := e.Matches[0]
	return "this story already has a claim like it: #" + strconv.FormatInt(m.ClaimID, 10) +
		" (" + strconv.FormatFloat(m.Score, 'f', 2, 64) + "). Same as #" + strconv.FormatInt(m.ClaimID, 10) + "?"
}

// CreateClaimAsking stores a new claim unless the story already holds a claim
// it very probably repeats (a score of at least similar.DuplicateScore), in
// which case it answers a DuplicateError with the matches and writes nothing.
// notDuplicate is the desk's answer "no, it is a new claim": it is then
// stored whatever it matches.
func (s *Store) CreateClaimAsking(ctx context.Context, actor *User, in ClaimInput, notDuplicate bool) (*Claim, error) {
	close, dups, err := s.closeMatches(ctx, in)
	if err != nil {
		return nil, err
	}
	if len(dups) > 0 && !notDuplicate {
		return nil, &DuplicateError{Matches: dups}
	}
	return s.createClaim(ctx, actor, in, close)
}
