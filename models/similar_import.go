package models

import (
	"context"
	"time"

	"gorm.io/gorm"
)

// matchCandidates fills each import candidate's matches: the desk's claims,
// in any story, that it is close to, with their verdicts.
func (s *Store) matchCandidates(ctx context.Context, cands []ImportCandidate) error {
	ins := make([]MatchInput, len(cands))
	for i, c := range cands {
		ins[i] = MatchInput{Text: c.Claim, Claimant: c.Claimant, SourceID: c.SourceID, Verb: c.Verb}
	}
	res, err := s.MatchTexts(ctx, ins, MatchOptions{})
	if err != nil {
		return err
	}
	for i := range cands {
		cands[i].Matches = res[i]
	}
	return nil
}

// importCloseMatches finds the close matches of the candidates an import
// will store, before its write, so they are recorded with the claims.
func (s *Store) importCloseMatches(ctx context.Context, cands []ImportCandidate) ([][]ClaimMatch, error) {
	ins := make([]MatchInput, len(cands))
	for i, c := range cands {
		if c.Selected {
			ins[i] = MatchInput{Text: c.Claim, Claimant: c.Claimant, SourceID: c.SourceID, Verb: c.Verb}
		}
	}
	return s.MatchTexts(ctx, ins, MatchOptions{PerText: maxRecordedMatches})
}

// checkImportLink validates the link a candidate asks for on commit.
func checkImportLink(fields map[string]string, prefix string, c ImportCandidate) {
	if c.LinkTo < 0 {
		fields[prefix+"link_to"] = "must be a claim id"
	}
	if c.LinkKind != "" && !oneOf(c.LinkKind, LinkKinds()) {
		fields[prefix+"link_kind"] = "must be one of contradicts, corroborates, duplicate_of"
	}
}

// linkImported links a claim just imported to the claim its candidate
// matched, when the desk asked for it, in the import's transaction.
func linkImported(tx *gorm.DB, actor *User, id int64, c ImportCandidate, now time.Time) error {
	if c.LinkTo <= 0 {
		return nil
	}
	kind := c.LinkKind
	if kind == "" {
		kind = "duplicate_of"
	}
	_, err := linkClaimsTx(tx, actor, id, c.LinkTo, kind, "", now)
	if v, ok := err.(*ValidationError); ok {
		return invalid("candidates.link_to", v.Fields["to_claim_id"])
	}
	return err
}
