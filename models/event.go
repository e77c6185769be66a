package models

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/events"
)

// Every change a desk should hear of is written as a row of the events table
// in the transaction of the change itself: a change that rolls back leaves
// no event, and a committed one always has its event, whichever process made
// it. The live streams read the table after each commit (see event_feed.go)
// and replay it to a client that reconnects. Changes to claims produce their
// events where their Activity row is appended (appendActivity), so every path
// that changes a claim — form, API, bulk action, import — emits them without
// doing anything itself.

// eventOrderLock is the PostgreSQL advisory lock a transaction holds from
// writing its first event until it commits. Ids come from a sequence when
// the row is inserted, not when it commits; with the lock, ids are handed out
// in commit order across every process, so a stream that has seen id N has
// seen everything below N that will ever exist.
const eventOrderLock = 7426118

// pgEventChannel is the NOTIFY channel that carries new event ids between
// Claimdesk processes sharing a PostgreSQL database.
const pgEventChannel = "claimdesk_events"

// Statements that write an event. The claim's columns are read in the same
// statement, after the change, so the event holds the claim as it now is.
const (
	insertClaimEventSQL = `INSERT INTO events(type, claim_id, story_id, version, verdict, verifiability, assignee_id, actor_id, detail, at)
		SELECT ?, id, story_id, version, verdict, verifiability, assignee_id, ?, ?, ? FROM claims WHERE id = ?`
	insertEventSQL = `INSERT INTO events(type, claim_id, story_id, version, verdict, verifiability, assignee_id, actor_id, detail, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// activityEventType is the event a claim's Activity row of this action
// produces, or "" for none. A sign-off cleared by a verdict change is part
// of the verdict's event. Actions added later count as claim.updated until
// they are given a type of their own.
func activityEventType(action string) string {
	switch action {
	case ActCreated, ActImported:
		return events.ClaimCreated
	case ActVerdictChanged:
		return events.ClaimVerdict
	case ActVerifiabilityChanged:
		return events.ClaimVerifiability
	case ActAssigned:
		return events.ClaimAssigned
	case ActSignedOff:
		return events.ClaimSignedOff
	case ActEvidenceAdded:
		return events.EvidenceAdded
	case ActEvidenceRemoved:
		return events.EvidenceRemoved
	case ActSignOffCleared:
		return ""
	default:
		return events.ClaimUpdated
	}
}

// activityEvent records the event of an Activity row just appended.
func activityEvent(tx *gorm.DB, a *Activity) error {
	typ := activityEventType(a.Action)
	if typ == "" {
		return nil
	}
	detail := map[string]any{"action": a.Action}
	if typ == events.EvidenceAdded || typ == events.EvidenceRemoved {
		var d struct {
			EvidenceID int64 `json:"evidence_id"`
		}
		if json.Unmarshal(a.Details, &d) == nil && d.EvidenceID > 0 {
			detail["evidence_id"] = d.EvidenceID
		}
	}
	return RecordClaimEvent(tx, typ, a.ClaimID, a.ActorID, a.CreatedAt, detail)
}

// RecordClaimEvent records, inside tx, an event of type typ about a claim:
// the claim's story, version, verdict, verifiability and assignee are taken
// from its row as it stands in tx, so call it after the change. detail is
// marshalled to a small JSON object (nil for none). Features that change a
// claim without an Activity row of their own, such as publishing
// (events.ClaimPublished) or a correction (events.ClaimCorrected), call it
// from their write; a claim change that appends an Activity row already has
// its event.
func RecordClaimEvent(tx *gorm.DB, typ string, claimID int64, actorID *int64, at time.Time, detail any) error {
	return recordClaimEvent(tx, typ, claimID, actorID, at, detail, nil)
}

// recordClaimEvent is RecordClaimEvent, queueing the event for webhooks
// with the correction it is about (nil for none).
func recordClaimEvent(tx *gorm.DB, typ string, claimID int64, actorID *int64, at time.Time, detail any, c *Correction) error {
	d, err := eventDetail(detail)
	if err != nil {
		return err
	}
	if err := insertEvent(tx, insertClaimEventSQL, typ, actorID, d, at.UTC(), claimID); err != nil {
		return err
	}
	return queueWebhooks(tx, webhookPayload{Type: typ, At: at.UTC(), Correction: c, Detail: rawDetail(d)}, claimID)
}

// RecordEvent records, inside tx, an event that is not about an existing
// claim's row, such as events.CandidateProposed: its fields are stored as
// given (ID is assigned; claim fields left zero stay empty). Set StoryID so
// that streams narrowed to the story get it.
func RecordEvent(tx *gorm.DB, ev events.Event) error {
	d, err := eventDetail(ev.Detail)
	if err != nil {
		return err
	}
	if err := insertEvent(tx, insertEventSQL, ev.Type, zeroNull(ev.ClaimID), zeroNull(ev.StoryID), zeroNull(ev.Version),
		ev.Verdict, ev.Verifiability, ev.AssigneeID, ev.ActorID, d, ev.At.UTC()); err != nil {
		return err
	}
	return queueWebhooks(tx, webhookPayload{Type: ev.Type, At: ev.At.UTC(), StoryID: ev.StoryID, Detail: rawDetail(d)}, ev.ClaimID)
}

// rawDetail is a stored detail as JSON for a delivery (nil for none).
func rawDetail(d string) json.RawMessage {
	if d == "" {
		return nil
	}
	return json.RawMessage(d)
}

// eventDetail turns a detail value into the stored text.
func eventDetail(detail any) (string, error) {
	switch d := detail.(type) {
	case nil:
		return "", nil
	case json.RawMessage:
		return string(d), nil
	}
	b, err := json.Marshal(detail)
	return string(b), err
}

// zeroNull stores 0 as NULL.
func zeroNull(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

// insertEvent runs one of the insert statements. On PostgreSQL it first takes
// the event order lock (see eventOrderLock) and then tells the other
// processes the new id; NOTIFY is delivered only once the transaction
// commits, and not at all if it rolls back.
func insertEvent(tx *gorm.DB, q string, args ...any) error {
	if !dialectOf(tx).pg {
		_, err := txExec(tx, q, args...)
		return err
	}
	if _, err := txExec(tx, `SELECT pg_advisory_xact_lock(?)`, eventOrderLock); err != nil {
		return err
	}
	_, err := txExec(tx, `WITH e AS (`+q+` RETURNING id) SELECT pg_notify('`+pgEventChannel+`', id::text) FROM e`, args...)
	return err
}

// maxEventPage bounds one read of the event table.
const maxEventPage = 1000

// EventsAfter lists the stored events with an id above after, oldest first,
// at most limit of them (1 to 1000), with the names of the people they
// mention. A story above zero keeps only that story's events.
func (s *Store) EventsAfter(ctx context.Context, after, story int64, limit int) ([]events.Event, error) {
	limit = min(max(limit, 1), maxEventPage)
	q := `SELECT e.id, e.type, e.claim_id, e.story_id, e.version, e.verdict, e.verifiability, e.assignee_id,
		e.actor_id, e.detail, e.at, COALESCE(a.name, ''), COALESCE(u.name, '')
		FROM events e LEFT JOIN users a ON a.id = e.actor_id LEFT JOIN users u ON u.id = e.assignee_id
		WHERE e.id > ?`
	args := []any{after}
	if story > 0 {
		q += ` AND e.story_id = ?`
		args = append(args, story)
	}
	q += ` ORDER BY e.id LIMIT ?`
	args = append(args, limit)
	rows, err := s.read(ctx).Raw(q, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []events.Event
	for rows.Next() {
		var e events.Event
		var claim, storyID, version, assignee, actor sql.NullInt64
		var detail string
		if err := rows.Scan(&e.ID, &e.Type, &claim, &storyID, &version, &e.Verdict, &e.Verifiability,
			&assignee, &actor, &detail, &e.At, &e.ActorName, &e.AssigneeName); err != nil {
			return nil, err
		}
		e.ClaimID, e.StoryID, e.Version = claim.Int64, storyID.Int64, version.Int64
		e.AssigneeID, e.ActorID = nullID(assignee), nullID(actor)
		if detail != "" {
			e.Detail = json.RawMessage(detail)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, rows.Err()
}

// LastEventID is the id of the newest stored event (0 when there is none).
func (s *Store) LastEventID(ctx context.Context) (int64, error) {
	var id sql.NullInt64
	err := s.read(ctx).Raw(`SELECT MAX(id) FROM events`).Scan(&id).Error
	return id.Int64, err
}
