package models

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"
)

// Activity actions. The log is append-only: triggers in the schema abort any
// UPDATE or DELETE of a row.
const (
	ActCreated              = "created"
	ActEdited               = "edited"
	ActVerdictChanged       = "verdict_changed"
	ActVerifiabilityChanged = "verifiability_changed"
	ActEvidenceAdded        = "evidence_added"
	ActEvidenceRemoved      = "evidence_removed"
	ActAssigned             = "assigned"
	ActNote                 = "note"
	ActSignedOff            = "signed_off"
	ActSignOffCleared       = "signoff_cleared"
	ActLinked               = "linked"
	ActSourceMerged         = "source_merged"
	ActImported             = "imported"
)

// Activity is one thing that happened to a claim. Details holds a JSON object
// with what the row needs beyond from/to: the fields of an edit, the evidence
// that stood when a verdict changed.
type Activity struct {
	ID        int64           `json:"id"`
	ClaimID   int64           `json:"claim_id"`
	ActorID   *int64          `json:"actor_id"`
	ActorName string          `json:"actor_name" gorm:"->"`
	Action    string          `json:"action"`
	FromValue string          `json:"from"`
	ToValue   string          `json:"to"`
	Text      string          `json:"text"`
	Details   json.RawMessage `json:"details,omitempty" gorm:"-"`
	// DetailsText is Details as stored.
	DetailsText string    `json:"-" gorm:"column:details"`
	CreatedAt   time.Time `json:"created_at"`
}

// FieldChange is one field of an edit, old → new.
type FieldChange struct {
	Field string `json:"field"`
	Old   any    `json:"old"`
	New   any    `json:"new"`
}

func appendActivity(tx *gorm.DB, a *Activity) error {
	details := ""
	if len(a.Details) > 0 {
		details = string(a.Details)
	}
	if _, err := txExec(tx, insertActivitySQL, a.ClaimID, a.ActorID, a.Action, a.FromValue, a.ToValue, a.Text, details, a.CreatedAt); err != nil {
		return err
	}
	// The live desk's event, in the same transaction (see event.go).
	return activityEvent(tx, a)
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic("marshal activity details: " + err.Error())
	}
	return b
}

// ClaimActivity lists what happened to a claim, oldest first.
func (s *Store) ClaimActivity(ctx context.Context, claimID int64) ([]Activity, error) {
	if _, err := s.claimExists(ctx, claimID); err != nil {
		return nil, err
	}
	var rows []Activity
	err := s.read(ctx).Raw(`SELECT a.id, a.claim_id, a.actor_id, COALESCE(u.name, '') AS actor_name, a.action,
		a.from_value, a.to_value, a.text, a.details, a.created_at
		FROM activities a LEFT JOIN users u ON u.id = a.actor_id WHERE a.claim_id = `+s.d.arg()+` ORDER BY a.id`, claimID).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	for i := range rows {
		if rows[i].DetailsText != "" {
			rows[i].Details = json.RawMessage(rows[i].DetailsText)
		}
	}
	return rows, nil
}
