package models

import (
	"strings"
	"time"

	"gorm.io/gorm"
)

// signedOffFields are the parts of a claim a sign-off vouches for besides its
// verdict: what the claim says (text), the words it rests on (quote) and who
// said it (source_id, the claimant). Review rule 8: editing any of them
// after sign-off clears the sign-off, as a verdict change does, so nothing is
// published under an editor's name that the editor did not see.
var signedOffFields = map[string]bool{"text": true, "quote": true, "source_id": true}

// SignOffEdit is an edit that undid a sign-off: the claim as it was signed
// off (so as it was published), the signed-off fields that changed, who
// changed them and when. It is what a Correction record is built from.
type SignOffEdit struct {
	Published Claim
	Changes   []FieldChange
	By        *User
	At        time.Time
}

// signOffEdited returns the changes among changes that clear the sign-off of
// before; none when before is not signed off or nothing it vouches for changed.
func signOffEdited(before *Claim, changes []FieldChange) []FieldChange {
	if before.SignedOffAt == nil && before.SignedOffByID == nil {
		return nil
	}
	var out []FieldChange
	for _, ch := range changes {
		if signedOffFields[ch.Field] {
			out = append(out, ch)
		}
	}
	return out
}

// clearSignOffForEdit is the one step every edit of a claim goes through once
// it has been written (UpdateClaim, whatever page or API calls it): when the
// edit changed what a sign-off vouched for, it clears the sign-off in the
// same transaction and records why in the activity log. Anything else rule 8
// asks for when a published claim changes (a Correction) belongs here too,
// built from the SignOffEdit. It reports whether the sign-off was cleared.
func clearSignOffForEdit(tx *gorm.DB, ed SignOffEdit) (bool, error) {
	c := &ed.Published
	if len(ed.Changes) == 0 {
		return false, nil
	}
	if err := tx.Model(&Claim{}).Where("id = ?", c.ID).
		UpdateColumns(map[string]any{"signed_off_by_id": nil, "signed_off_at": nil}).Error; err != nil {
		return false, err
	}
	names := make([]string, 0, len(ed.Changes))
	for _, ch := range ed.Changes {
		names = append(names, fieldLabel(ch.Field))
	}
	return true, appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &ed.By.ID, Action: ActSignOffCleared,
		FromValue: string(c.Verdict), ToValue: string(c.Verdict),
		Text:      "the " + strings.Join(names, " and ") + " changed after sign-off",
		Details:   mustJSON(map[string]any{"changes": ed.Changes, "signed_off_by": c.SignedOffByID, "signed_off_at": c.SignedOffAt}),
		CreatedAt: ed.At})
}

// fieldLabel names a signed-off field as a reader of the activity log knows it.
func fieldLabel(field string) string {
	if field == "source_id" {
		return "claimant"
	}
	return field
}
