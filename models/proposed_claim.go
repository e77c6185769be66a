package models

import (
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// proposedClaim is a claim the extractor proposed, as the desk kept or
// edited it, on its way to becoming a Claim: from the paste import or from
// a candidate accepted in the inbox.
type proposedClaim struct {
	Claim, Claimant, Quote     string
	Verb, Channel, Via, Caveat string
	Direct, Unverifiable       bool
	SourceID                   int64
	// Role is the claimant's role, kept when a new source is made for it.
	Role        string
	EntryID     *int64
	ReportedURL string
	// ReportedAt is the instant of the entry the claim came from, when the
	// story's date and time zone give one; nil means the time of storing.
	ReportedAt *time.Time
}

// check validates the fields a person may have edited into f, each name
// prefixed (an import's "candidates[3].").
func (p proposedClaim) check(f map[string]string, prefix string) {
	checkText(f, prefix+"claim", strings.TrimSpace(p.Claim), true, MaxClaimLen)
	checkText(f, prefix+"claimant", strings.TrimSpace(p.Claimant), p.SourceID == 0, MaxNameLen)
	checkText(f, prefix+"quote", p.Quote, false, MaxQuoteLen)
	checkText(f, prefix+"caveat", p.Caveat, false, MaxRationale)
	for _, v := range []string{p.Verb, p.Channel, p.Via} {
		if utf8.RuneCountInString(v) > MaxShortLen {
			f[prefix+"verb"] = "verb, channel and via must be at most 300 characters"
		}
	}
}

// storeProposedTx stores p as a claim of the story with the attribution as
// data, the entry it came from and, when the text itself says it could not
// be verified, that verifiability with the caveat as the reason. The
// claimant is matched to a source by name or alias, else a new source is
// made. A claim the story already has (same text, same source) is not
// stored again: existing is then that claim.
func storeProposedTx(tx *gorm.DB, actor *User, storyID int64, p proposedClaim, now time.Time, action string) (c *Claim, existing, newSource bool, err error) {
	srcID := p.SourceID
	if srcID <= 0 {
		src, err := matchSourceTx(tx, p.Claimant)
		switch {
		case err == nil:
			srcID = src.ID
		case IsNotFound(err):
			name := strings.TrimSpace(p.Claimant)
			ns := &Source{Version: 1}
			aliases, v := SourceInput{Name: &name, Kind: ptrTo(guessKind(name)), Role: ptrTo(strings.TrimSpace(p.Role))}.apply(ns, true)
			if v != nil {
				return nil, false, false, v
			}
			if err := createSourceTx(tx, ns, aliases); err != nil {
				return nil, false, false, err
			}
			srcID, newSource = ns.ID, true
		default:
			return nil, false, false, err
		}
	}
	text := strings.TrimSpace(p.Claim)
	var have Claim
	err = tx.Select("id").Where("story_id = ? AND content_hash = ?", storyID, claimHash(&Claim{Text: text, SourceID: srcID})).
		Order("id").First(&have).Error
	if err == nil {
		return &have, true, newSource, nil
	}
	if !IsNotFound(err) {
		return nil, false, false, err
	}
	in := ClaimInput{StoryID: &storyID, SourceID: &srcID, Text: &text, Quote: ptrTo(p.Quote), Verb: ptrTo(p.Verb),
		Direct: ptrTo(p.Direct), Channel: ptrTo(p.Channel), Via: ptrTo(p.Via), ReportedURL: ptrTo(p.ReportedURL), EntryID: p.EntryID,
		ReportedAt: p.ReportedAt}
	if p.Unverifiable {
		reason := strings.TrimSpace(p.Caveat)
		if reason == "" {
			reason = "The report says the claim could not be independently verified."
		}
		in.Verifiability, in.VerifiabilityReason = ptrTo(VerifNotVerifiable), &reason
	}
	c, err = createClaimTx(tx, actor, in, now, action)
	return c, false, newSource, err
}
