package events

import (
	"encoding/json"
	"time"
)

// Event types, as the stream's "event:" line names them. A client keys its
// reaction on these, so they never change meaning.
const (
	ClaimCreated       = "claim.created"
	ClaimUpdated       = "claim.updated"
	ClaimVerdict       = "claim.verdict"
	ClaimVerifiability = "claim.verifiability"
	ClaimAssigned      = "claim.assigned"
	ClaimSignedOff     = "claim.signed_off"
	EvidenceAdded      = "evidence.added"
	EvidenceRemoved    = "evidence.removed"
	CandidateProposed  = "candidate.proposed"
	ClaimPublished     = "claim.published"
	ClaimCorrected     = "claim.corrected"

	// Resync is the last event a subscriber gets when it fell too far
	// behind and was dropped: it should reconnect from the last id it saw.
	// It has no id of its own and is never stored.
	Resync = "resync"
	// Presence says who has a claim open right now; never stored.
	Presence = "presence"
	// Ready starts every stream, once what was missed has been replayed:
	// its LastID is where the stream stands.
	Ready = "ready"
)

// Event is one change as the desk sees it. ID orders events: it only grows,
// and a client resumes after the last one it saw. The claim fields hold the
// claim's state just after the change (not the change alone), so that a
// desk can redraw a row from the event without another request.
type Event struct {
	ID            int64  `json:"id,omitempty"`
	Type          string `json:"type"`
	ClaimID       int64  `json:"claim_id,omitempty"`
	StoryID       int64  `json:"story_id,omitempty"`
	Version       int64  `json:"version,omitempty"`
	Verdict       string `json:"verdict,omitempty"`
	Verifiability string `json:"verifiability,omitempty"`
	// AssigneeID is null when the claim has nobody assigned (or the event
	// is not about a claim).
	AssigneeID *int64    `json:"assignee_id"`
	ActorID    *int64    `json:"actor_id,omitempty"`
	At         time.Time `json:"at"`
	// ActorName and AssigneeName are the people's names, for the "Ana set
	// the verdict to false" line; filled in when the event is read back.
	ActorName    string `json:"actor_name,omitempty"`
	AssigneeName string `json:"assignee_name,omitempty"`
	// Detail is a small JSON object with what a type needs beyond these
	// fields (the activity action, an evidence or candidate id).
	Detail json.RawMessage `json:"detail,omitempty"`
	// Viewers is the list of people on a claim, for Presence events.
	Viewers []Viewer `json:"viewers,omitempty"`
	// LastID is, on Resync and on the "ready" event that starts a stream,
	// the id after which the client is to resume.
	LastID int64 `json:"last_id,omitempty"`
	// Frame is the event rendered for the stream (see Frame), when the
	// publisher rendered it already.
	Frame []byte `json:"-"`
}

// Viewer is someone who has a claim page open.
type Viewer struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// Stored reports whether the event comes from the event table (and so has
// an id a client can resume after), rather than being a signal of the
// moment such as Resync or Presence.
func (e Event) Stored() bool { return e.ID > 0 }

// Filter narrows what a subscriber receives. The zero Filter lets every
// stored event through.
type Filter struct {
	// StoryID, when set, keeps only the events of that story.
	StoryID int64
	// ClaimID, when set, is the claim whose presence the subscriber wants
	// (it is on that claim's page). It does not narrow stored events.
	ClaimID int64
}

// Match reports whether the subscriber with this filter should get e.
func (f Filter) Match(e Event) bool {
	if e.Type == Presence {
		return f.ClaimID != 0 && f.ClaimID == e.ClaimID
	}
	if e.Type == Resync {
		return true
	}
	return f.StoryID == 0 || f.StoryID == e.StoryID
}
