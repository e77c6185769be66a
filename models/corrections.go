package models

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/correction"
)

// Correction kinds: a verdict change after publication, or an edit of the
// text, quote or claimant of a published claim.
const (
	CorrectionVerdict = "verdict"
	CorrectionEdit    = "edit"
)

// Correction is the record of a change to a published claim (review rule
// 8): the claim as readers were told it, what it changed to, who, when, why,
// and the ready "Update:" line for the live blog. Corrections are
// append-only: triggers refuse any UPDATE or DELETE.
type Correction struct {
	ID          int64     `json:"id"`
	ClaimID     int64     `json:"claim_id"`
	StoryID     int64     `json:"story_id"`
	Kind        string    `json:"kind"`
	At          time.Time `json:"at"`
	By          string    `json:"by"`
	ByID        *int64    `json:"by_id"`
	FromVerdict Verdict   `json:"from_verdict"`
	ToVerdict   Verdict   `json:"to_verdict"`
	Reason      string    `json:"reason"`
	UpdateLine  string    `json:"update_line"`
	// Published is the claim as it stood when the change was made.
	Published PublishedVersion `json:"published"`
	// Now is what the text, quote and claimant became (unchanged fields
	// repeat the published ones).
	Now CorrectedVersion `json:"now"`
}

// PublishedVersion is a claim as it was published: what readers were told.
type PublishedVersion struct {
	Text        string               `json:"text"`
	Quote       string               `json:"quote"`
	Claimant    string               `json:"claimant"`
	Verdict     Verdict              `json:"verdict"`
	Rationale   string               `json:"rationale"`
	VerdictBy   string               `json:"verdict_by"`
	VerdictAt   *time.Time           `json:"verdict_at"`
	SignedOffBy string               `json:"signed_off_by"`
	SignedOffAt time.Time            `json:"signed_off_at"`
	Evidence    []CorrectionEvidence `json:"evidence"`
}

// CorrectedVersion is the text, quote and claimant after a correction.
type CorrectedVersion struct {
	Text     string `json:"text"`
	Quote    string `json:"quote"`
	Claimant string `json:"claimant"`
}

// CorrectionEvidence is an evidence item that stood when the claim was
// published, as it was then.
type CorrectionEvidence struct {
	ID     int64  `json:"id"`
	Kind   string `json:"kind"`
	Stance string `json:"stance"`
	URL    string `json:"url"`
	Title  string `json:"title"`
}

// correctionRow is a Correction as stored.
type correctionRow struct {
	ID            int64
	ClaimID       int64
	StoryID       int64
	Kind          string
	FromVerdict   string
	ToVerdict     string
	FromText      string
	ToText        string
	FromQuote     string
	ToQuote       string
	FromClaimant  string
	ToClaimant    string
	FromRationale string
	VerdictByID   *int64
	VerdictAt     *time.Time
	SignedOffByID *int64
	SignedOffAt   time.Time
	Evidence      string
	Reason        string
	UpdateLine    string
	ByID          *int64
	CreatedAt     time.Time
	ByName        string `gorm:"->"`
	VerdictByName string `gorm:"->"`
	SignedOffName string `gorm:"->"`
}

func (correctionRow) TableName() string { return "corrections" }

func (r *correctionRow) correction() Correction {
	c := Correction{ID: r.ID, ClaimID: r.ClaimID, StoryID: r.StoryID, Kind: r.Kind, At: r.CreatedAt.UTC(), By: r.ByName,
		ByID: r.ByID, FromVerdict: Verdict(r.FromVerdict), ToVerdict: Verdict(r.ToVerdict), Reason: r.Reason,
		UpdateLine: r.UpdateLine,
		Published: PublishedVersion{Text: r.FromText, Quote: r.FromQuote, Claimant: r.FromClaimant,
			Verdict: Verdict(r.FromVerdict), Rationale: r.FromRationale, VerdictBy: r.VerdictByName, VerdictAt: r.VerdictAt,
			SignedOffBy: r.SignedOffName, SignedOffAt: r.SignedOffAt.UTC(), Evidence: []CorrectionEvidence{}},
		Now: CorrectedVersion{Text: r.ToText, Quote: r.ToQuote, Claimant: r.ToClaimant}}
	_ = json.Unmarshal([]byte(r.Evidence), &c.Published.Evidence)
	return c
}

// correctionChange is what changed in a published claim, for recordCorrection.
type correctionChange struct {
	kind                 string
	toVerdict            Verdict
	toText, toQuote      string
	toSourceID           int64
	reason               string
	evidenceIDs          []int64
	publishedBeforeWrite *Claim
}

// recordCorrection appends the Correction of a change to the published claim
// before (as it was read at the start of the change), in the change's own
// transaction, and queues the claim.corrected webhooks.
func (s *Store) recordCorrection(tx *gorm.DB, actor *User, ch correctionChange, now time.Time) (*Correction, error) {
	before := ch.publishedBeforeWrite
	fromClaimant, err := sourceName(tx, before.SourceID)
	if err != nil {
		return nil, err
	}
	toClaimant := fromClaimant
	if ch.toSourceID != before.SourceID {
		if toClaimant, err = sourceName(tx, ch.toSourceID); err != nil {
			return nil, err
		}
	}
	evs := []CorrectionEvidence{}
	if len(ch.evidenceIDs) > 0 {
		if err := tx.Model(&Evidence{}).Select("id", "kind", "stance", "url", "title").
			Where("id IN ?", ch.evidenceIDs).Order("id").Scan(&evs).Error; err != nil {
			return nil, err
		}
	}
	line := correction.UpdateLine(correction.Change{At: now, Claimant: fromClaimant, ToClaimant: toClaimant,
		Clause: claimClause(before.Text), ToClause: claimClause(ch.toText), Quote: before.Quote, ToQuote: ch.toQuote,
		Verdict: string(before.Verdict), ToVerdict: string(ch.toVerdict), Reason: ch.reason})
	row := correctionRow{ClaimID: before.ID, StoryID: before.StoryID, Kind: ch.kind,
		FromVerdict: string(before.Verdict), ToVerdict: string(ch.toVerdict),
		FromText: before.Text, ToText: ch.toText, FromQuote: before.Quote, ToQuote: ch.toQuote,
		FromClaimant: fromClaimant, ToClaimant: toClaimant, FromRationale: before.VerdictRationale,
		VerdictByID: before.VerdictByID, VerdictAt: before.VerdictAt, SignedOffByID: before.SignedOffByID,
		SignedOffAt: *before.SignedOffAt, Evidence: string(mustJSON(evs)), Reason: ch.reason, UpdateLine: line,
		ByID: &actor.ID, CreatedAt: now}
	if err := tx.Omit("ByName", "VerdictByName", "SignedOffName").Create(&row).Error; err != nil {
		return nil, err
	}
	row.ByName = actor.Name
	c := row.correction()
	c.Published.Evidence = evs
	if err := s.queueCorrected(tx, actor, &c, now); err != nil {
		return nil, err
	}
	return &c, nil
}

func sourceName(tx *gorm.DB, id int64) (string, error) {
	var names []string
	if err := tx.Model(&Source{}).Where("id = ?", id).Pluck("name", &names).Error; err != nil {
		return "", err
	}
	if len(names) == 0 {
		return "", ErrNotFound
	}
	return names[0], nil
}

// correctionSelect reads corrections with the names of the people in them.
const correctionSelect = `SELECT c.*, COALESCE(ub.name, '') AS by_name, COALESCE(uv.name, '') AS verdict_by_name,
	COALESCE(us.name, '') AS signed_off_name
	FROM corrections c
	LEFT JOIN users ub ON ub.id = c.by_id
	LEFT JOIN users uv ON uv.id = c.verdict_by_id
	LEFT JOIN users us ON us.id = c.signed_off_by_id`

// MaxCorrectionsListed bounds one list of corrections.
const MaxCorrectionsListed = 1000

// CorrectionFilter narrows the corrections listed: one story, one claim, or
// (both zero) every story; newest first unless Oldest.
type CorrectionFilter struct {
	StoryID, ClaimID int64
	Oldest           bool
	Limit            int
}

// Corrections lists corrections, newest first (oldest first with
// f.Oldest), at most MaxCorrectionsListed.
func (s *Store) Corrections(ctx context.Context, f CorrectionFilter) ([]Correction, error) {
	q := correctionSelect
	var args []any
	switch {
	case f.ClaimID > 0:
		q += ` WHERE c.claim_id = ?`
		args = append(args, f.ClaimID)
	case f.StoryID > 0:
		q += ` WHERE c.story_id = ?`
		args = append(args, f.StoryID)
	}
	if f.Oldest {
		q += ` ORDER BY c.id`
	} else {
		q += ` ORDER BY c.id DESC`
	}
	limit := f.Limit
	if limit <= 0 || limit > MaxCorrectionsListed {
		limit = MaxCorrectionsListed
	}
	q += ` LIMIT ?`
	args = append(args, limit)
	var rows []correctionRow
	if err := s.read(ctx).Raw(q, args...).Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Correction, len(rows))
	for i := range rows {
		out[i] = rows[i].correction()
	}
	return out, nil
}

// correctionReason checks the reason an edit of a published claim needs
// when it changes what readers were told (its text, quote or claimant: see
// signOffEdited), which clears the sign-off and records a Correction. It
// returns the trimmed reason ("" when the edit needs none).
func correctionReason(before *Claim, changes []FieldChange, reason *string) (string, error) {
	if len(signOffEdited(before, changes)) == 0 {
		return "", nil
	}
	r := trimPtr(reason)
	f := map[string]string{}
	checkText(f, "reason", r, true, MaxRationale)
	if msg, ok := f["reason"]; ok {
		if msg == "is required" {
			msg = "is required: this claim is published, so the change is recorded as a correction; say why it changes"
		}
		return "", invalid("reason", msg)
	}
	return r, nil
}

// correctEdit records the Correction of an edit that cleared a published
// claim's sign-off (see clearSignOffForEdit); after is the claim as written.
func (s *Store) correctEdit(tx *gorm.DB, actor *User, before, after *Claim, reason string, now time.Time) error {
	if !before.Verdict.Final() || before.SignedOffAt == nil {
		return nil // signed off but never published: nothing readers were told
	}
	evIDs, err := standingEvidence(tx, before.ID)
	if err != nil {
		return err
	}
	_, err = s.recordCorrection(tx, actor, correctionChange{kind: CorrectionEdit, toVerdict: before.Verdict,
		toText: after.Text, toQuote: after.Quote, toSourceID: after.SourceID, reason: reason, evidenceIDs: evIDs,
		publishedBeforeWrite: before}, now)
	return err
}

// afterPublishing passes on a change's outcome, first waking the webhook
// sender when it succeeded: a sign-off or a correction may have queued
// deliveries.
func (s *Store) afterPublishing(c *Claim, err error) (*Claim, error) {
	if err == nil {
		s.wakeWebhooks()
	}
	return c, err
}
