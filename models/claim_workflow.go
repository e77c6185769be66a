package models

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// VerdictChange is a reviewer's decision on a claim.
type VerdictChange struct {
	Verdict   Verdict
	Rationale string
	Version   int64
}

// SetVerdict changes a claim's verdict under the review rules: a rationale is
// required; verified, false and misleading need at least one standing evidence
// item; a stale version is a ConflictError; any change clears an earlier
// sign-off. The Activity row records from/to, the rationale and the evidence
// that stood at that moment.
func (s *Store) SetVerdict(ctx context.Context, actor *User, id int64, ch VerdictChange) (*Claim, error) {
	if err := validateVerdictChange(ch); err != nil {
		return nil, err
	}
	c, err := s.changeClaim(ctx, id, ch.Version, func(tx *gorm.DB, c *Claim) error {
		return s.setVerdictTx(tx, actor, c, ch)
	})
	return s.afterPublishing(c, err)
}

func validateVerdictChange(ch VerdictChange) *ValidationError {
	f := map[string]string{}
	if !ch.Verdict.Valid() {
		f["verdict"] = "must be one of unreviewed, in_review, verified, unverified, disputed, misleading, false"
	}
	checkText(f, "rationale", strings.TrimSpace(ch.Rationale), true, MaxRationale)
	if len(f) > 0 {
		return &ValidationError{Fields: f}
	}
	return nil
}

func (s *Store) setVerdictTx(tx *gorm.DB, actor *User, c *Claim, ch VerdictChange) error {
	evIDs, err := standingEvidence(tx, c.ID)
	if err != nil {
		return err
	}
	if ch.Verdict.Final() && len(evIDs) == 0 {
		return invalid("verdict", "needs at least one evidence item before it can be "+string(ch.Verdict))
	}
	if ch.Verdict == c.Verdict {
		return invalid("verdict", "the claim already has this verdict")
	}
	now := s.Now()
	from := c.Verdict
	before := *c
	hadSignOff := c.SignedOffAt != nil
	rationale := strings.TrimSpace(ch.Rationale)
	// Only the columns that change: every indexed column in the SET list
	// costs an index update, and "unconfirmed" is in five indexes.
	setUnconfirmed := ch.Verdict.Unconfirmed() != from.Unconfirmed()
	clearSignOff := hadSignOff || c.SignedOffByID != nil
	args := []any{string(ch.Verdict), rationale, actor.ID, now}
	if setUnconfirmed {
		args = append(args, ch.Verdict.Unconfirmed())
	}
	args = append(args, c.Version+1, now, actor.ID, c.ID, c.Version)
	n, err := txExec(tx, verdictUpdateSQL(setUnconfirmed, clearSignOff), args...)
	if err != nil {
		return err
	}
	if n != 1 {
		return &ConflictError{Current: c}
	}
	c.Version++
	if err := appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActVerdictChanged,
		FromValue: string(from), ToValue: string(ch.Verdict), Text: rationale,
		Details: mustJSON(map[string]any{"evidence_ids": evIDs}), CreatedAt: now}); err != nil {
		return err
	}
	if hadSignOff {
		if err := appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActSignOffCleared,
			FromValue: string(from), ToValue: string(ch.Verdict), Text: "the verdict changed after sign-off", CreatedAt: now}); err != nil {
			return err
		}
		// Rule 8: readers were told the signed-off verdict; record what
		// changed, in this same transaction.
		if before.Verdict.Final() {
			_, err := s.recordCorrection(tx, actor, correctionChange{kind: CorrectionVerdict, toVerdict: ch.Verdict,
				toText: c.Text, toQuote: c.Quote, toSourceID: c.SourceID, reason: rationale, evidenceIDs: evIDs,
				publishedBeforeWrite: &before}, now)
			return err
		}
	}
	return nil
}

// verdictUpdateSQL writes a verdict change, guarded by the version it was
// based on: verdict, rationale, who, when, then (with setUnconfirmed) the
// unconfirmed flag, then the new version, the time and who changed the
// claim, its id and the old version. clearSignOff also clears a sign-off.
func verdictUpdateSQL(setUnconfirmed, clearSignOff bool) string {
	q := `UPDATE claims SET verdict = ?, verdict_rationale = ?, verdict_by_id = ?, verdict_at = ?`
	if setUnconfirmed {
		q += `, unconfirmed = ?`
	}
	if clearSignOff {
		q += `, signed_off_by_id = NULL, signed_off_at = NULL`
	}
	return q + `, version = ?, updated_at = ?, updated_by_id = ? WHERE id = ? AND version = ?`
}

// standingEvidence lists the ids of a claim's evidence that was not removed,
// oldest first (never nil, so that it is recorded as [] rather than null).
func standingEvidence(tx *gorm.DB, claimID int64) ([]int64, error) {
	rows, err := txQuery(tx, standingEvidenceSQL, claimID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// VerifiabilityChange says whether a claim can be independently verified, and why.
type VerifiabilityChange struct {
	Verifiability Verifiability
	Reason        string
	Version       int64
}

// SetVerifiability records whether the claim can be independently verified.
func (s *Store) SetVerifiability(ctx context.Context, actor *User, id int64, ch VerifiabilityChange) (*Claim, error) {
	f := map[string]string{}
	if !ch.Verifiability.Valid() {
		f["verifiability"] = "must be one of unknown, verifiable, not_verifiable"
	}
	reason := strings.TrimSpace(ch.Reason)
	checkText(f, "reason", reason, ch.Verifiability == VerifNotVerifiable, MaxRationale)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	return s.changeClaim(ctx, id, ch.Version, func(tx *gorm.DB, c *Claim) error {
		from := c.Verifiability
		now := s.Now()
		if err := saveClaim(tx, c, actor, now, map[string]any{"verifiability": string(ch.Verifiability), "verifiability_reason": reason}); err != nil {
			return err
		}
		return appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActVerifiabilityChanged,
			FromValue: string(from), ToValue: string(ch.Verifiability), Text: reason, CreatedAt: now})
	})
}

// Assign gives a claim to a reviewer (nil assignee: nobody). A fact-checker may
// only assign to themselves or unassign themselves; editors assign anyone.
func (s *Store) Assign(ctx context.Context, actor *User, id int64, assignee *int64, version int64) (*Claim, error) {
	return s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		return s.assignTx(tx, actor, c, assignee)
	})
}

func (s *Store) assignTx(tx *gorm.DB, actor *User, c *Claim, assignee *int64) error {
	if !actor.Role.AtLeast(RoleEditor) {
		self := assignee != nil && *assignee == actor.ID
		unassignSelf := assignee == nil && c.AssigneeID != nil && *c.AssigneeID == actor.ID
		if !self && !unassignSelf {
			return &ForbiddenError{Reason: "fact-checkers can assign claims to themselves only"}
		}
	}
	toName := ""
	if assignee != nil {
		var u User
		if err := tx.First(&u, *assignee).Error; err != nil {
			if IsNotFound(err) {
				return invalid("assignee_id", "no such user")
			}
			return err
		}
		if u.Disabled || !u.Role.AtLeast(RoleFactchecker) {
			return invalid("assignee_id", "must be an active fact-checker, editor or admin")
		}
		toName = u.Name
	}
	if int64PtrEqual(c.AssigneeID, assignee) {
		return nil
	}
	now := s.Now()
	from := ""
	if c.AssigneeID != nil {
		var names []string
		if err := tx.Model(&User{}).Where("id = ?", *c.AssigneeID).Pluck("name", &names).Error; err != nil {
			return err
		}
		if len(names) > 0 {
			from = names[0]
		}
	}
	if err := saveClaim(tx, c, actor, now, map[string]any{"assignee_id": assignee}); err != nil {
		return err
	}
	return appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActAssigned,
		FromValue: from, ToValue: toName, CreatedAt: now})
}

// SignOff publishes a final verdict. Only an editor other than the person who
// set the verdict may sign it off.
func (s *Store) SignOff(ctx context.Context, actor *User, id, version int64) (*Claim, error) {
	if !actor.Role.AtLeast(RoleEditor) {
		return nil, &ForbiddenError{Reason: "only editors can sign off verdicts"}
	}
	c, err := s.changeClaim(ctx, id, version, func(tx *gorm.DB, c *Claim) error {
		if !c.Verdict.Final() {
			return invalid("verdict", "only verified, false or misleading verdicts are signed off")
		}
		if c.SignedOffAt != nil {
			return invalid("verdict", "this verdict is already signed off")
		}
		if c.VerdictByID != nil && *c.VerdictByID == actor.ID {
			return &ForbiddenError{Reason: "a verdict must be signed off by an editor other than the person who set it"}
		}
		now := s.Now()
		if err := saveClaim(tx, c, actor, now, map[string]any{"signed_off_by_id": actor.ID, "signed_off_at": now}); err != nil {
			return err
		}
		if err := appendActivity(tx, &Activity{ClaimID: c.ID, ActorID: &actor.ID, Action: ActSignedOff,
			ToValue: string(c.Verdict), CreatedAt: now}); err != nil {
			return err
		}
		return s.queuePublished(tx, actor, c.ID, now)
	})
	return s.afterPublishing(c, err)
}

// AddNote appends a note to the claim's activity; notes never change the claim.
func (s *Store) AddNote(ctx context.Context, actor *User, id int64, text string) (*Activity, error) {
	text = strings.TrimSpace(text)
	f := map[string]string{}
	checkText(f, "text", text, true, MaxNoteLen)
	if len(f) > 0 {
		return nil, &ValidationError{Fields: f}
	}
	a := &Activity{ClaimID: id, ActorID: &actor.ID, Action: ActNote, Text: text, CreatedAt: s.Now()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var c Claim
		if err := tx.Select("id").First(&c, id).Error; err != nil {
			return err
		}
		if err := appendActivity(tx, a); err != nil {
			return err
		}
		return recordMentions(tx, a)
	})
	if err != nil {
		return nil, err
	}
	a.ActorName = actor.Name
	return a, nil
}

// BulkResult reports what a bulk action did to each claim.
type BulkResult struct {
	Changed []int64          `json:"changed"`
	Failed  map[int64]string `json:"failed"`
}

// MaxBulk bounds one bulk action.
const MaxBulk = 500

// BulkVerdict sets one verdict with one rationale on many claims; each claim is
// checked by the same rules and gets its own Activity row. Claims that fail a
// rule are reported and left unchanged; the others change together.
func (s *Store) BulkVerdict(ctx context.Context, actor *User, ids []int64, v Verdict, rationale string) (*BulkResult, error) {
	if err := validateVerdictChange(VerdictChange{Verdict: v, Rationale: rationale}); err != nil {
		return nil, err
	}
	res, err := s.bulk(ctx, ids, func(tx *gorm.DB, c *Claim) error {
		return s.setVerdictTx(tx, actor, c, VerdictChange{Verdict: v, Rationale: rationale, Version: c.Version})
	})
	if err == nil {
		s.wakeWebhooks()
	}
	return res, err
}

// BulkAssign assigns many claims at once, each with its own Activity row.
func (s *Store) BulkAssign(ctx context.Context, actor *User, ids []int64, assignee *int64) (*BulkResult, error) {
	return s.bulk(ctx, ids, func(tx *gorm.DB, c *Claim) error { return s.assignTx(tx, actor, c, assignee) })
}

func (s *Store) bulk(ctx context.Context, ids []int64, fn func(tx *gorm.DB, c *Claim) error) (*BulkResult, error) {
	if len(ids) == 0 {
		return nil, invalid("ids", "select at least one claim")
	}
	if len(ids) > MaxBulk {
		return nil, invalid("ids", "at most 500 claims at once")
	}
	res := &BulkResult{Changed: []int64{}, Failed: map[int64]string{}}
	err := s.write(ctx, func(tx *gorm.DB) error {
		seen := map[int64]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			c, err := claimRow(tx, id)
			if IsNotFound(err) {
				res.Failed[id] = "no such claim"
				continue
			}
			if err != nil {
				return err
			}
			if err := tx.SavePoint("bulk_item").Error; err != nil {
				return err
			}
			if err := fn(tx, c); err != nil {
				if msg, ok := ruleMessage(err); ok {
					if rbErr := tx.RollbackTo("bulk_item").Error; rbErr != nil {
						return rbErr
					}
					if rbErr := tx.Exec("RELEASE SAVEPOINT bulk_item").Error; rbErr != nil {
						return rbErr
					}
					res.Failed[id] = msg
					continue
				}
				return err
			}
			if err := tx.Exec("RELEASE SAVEPOINT bulk_item").Error; err != nil {
				return err
			}
			res.Changed = append(res.Changed, id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// ruleMessage turns a rule violation into a message; other errors are real failures.
func ruleMessage(err error) (string, bool) {
	switch e := err.(type) {
	case *ValidationError:
		for _, m := range e.Fields {
			return m, true
		}
	case *ForbiddenError:
		return e.Reason, true
	case *ConflictError:
		return e.Error(), true
	}
	return "", false
}
