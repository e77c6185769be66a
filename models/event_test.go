package models

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"gorm.io/gorm"

	"claimdesk/models/events"
)

// eventsSince reads every stored event after id.
func eventsSince(t *testing.T, s *Store, after, story int64) []events.Event {
	t.Helper()
	evs, err := s.EventsAfter(context.Background(), after, story, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

// Every kind of change to a claim leaves its event, in the transaction of
// the change, holding the claim as it stands after it.
func TestEventForEveryClaimChange(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	start, err := f.s.LastEventID(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := f.claim(t, "Two women were killed by shelling.")
	c, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: "checking", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.SetVerifiability(ctx, f.fc, c.ID, VerifiabilityChange{Verifiability: VerifNotVerifiable, Reason: "no access", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.Assign(ctx, f.fc, c.ID, &f.fc.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	ev := f.evidence(t, c, "supports", "https://example.org/a", "")
	f.evidence(t, c, "supports", "https://example.org/b", "")
	if err := f.s.RemoveEvidence(ctx, f.fc, c.ID, ev.ID, "wrong link"); err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: False, Rationale: "refuted", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if c, err = f.s.SignOff(ctx, f.editor, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.AddNote(ctx, f.fc, c.ID, "called the ministry"); err != nil {
		t.Fatal(err)
	}
	got := eventsSince(t, f.s, start, 0)
	want := []string{events.ClaimCreated, events.ClaimVerdict, events.ClaimVerifiability, events.ClaimAssigned,
		events.EvidenceAdded, events.EvidenceAdded, events.EvidenceRemoved, events.ClaimVerdict, events.ClaimSignedOff, events.ClaimPublished, events.ClaimUpdated}
	if len(got) != len(want) {
		t.Fatalf("%d events, want %d: %+v", len(got), len(want), got)
	}
	for i, e := range got {
		if e.Type != want[i] {
			t.Errorf("event %d is %s, want %s", i, e.Type, want[i])
		}
		if i > 0 && e.ID <= got[i-1].ID {
			t.Errorf("event ids do not grow: %d after %d", e.ID, got[i-1].ID)
		}
		if e.ClaimID != c.ID || e.StoryID != f.story.ID || e.ActorID == nil {
			t.Errorf("event %d: claim %d story %d actor %v", i, e.ClaimID, e.StoryID, e.ActorID)
		}
	}
	if e := got[1]; e.Verdict != "in_review" || e.Version != 2 || e.ActorName != "Fay Checker" || e.AssigneeID != nil {
		t.Errorf("first verdict event: %+v", e)
	}
	if e := got[3]; e.AssigneeID == nil || *e.AssigneeID != f.fc.ID || e.AssigneeName != "Fay Checker" || e.Verifiability != "not_verifiable" {
		t.Errorf("assignment event: %+v", e)
	}
	var d struct {
		Action     string `json:"action"`
		EvidenceID int64  `json:"evidence_id"`
	}
	if err := json.Unmarshal(got[6].Detail, &d); err != nil || d.EvidenceID != ev.ID || d.Action != ActEvidenceRemoved {
		t.Errorf("evidence removed detail %s (%v)", got[6].Detail, err)
	}
	if e := got[8]; e.Verdict != "false" || e.Version != c.Version || e.ActorName != "Eve Editor" {
		t.Errorf("sign-off event: %+v", e)
	}
	if err := json.Unmarshal(got[10].Detail, &d); err != nil || d.Action != ActNote {
		t.Errorf("note detail %s", got[10].Detail)
	}
	if story := eventsSince(t, f.s, start, f.story.ID+1); len(story) != 0 {
		t.Errorf("another story has %d events", len(story))
	}
	if story := eventsSince(t, f.s, got[4].ID, f.story.ID); len(story) != 6 || story[0].ID != got[5].ID {
		t.Errorf("story events after %d: %d", got[4].ID, len(story))
	}
}

// A change that is refused leaves no event; a bulk action leaves one per
// claim it changed.
func TestEventOnlyForCommittedChanges(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	a, b := f.claim(t, "First claim."), f.claim(t, "Second claim.")
	start := eventsSince(t, f.s, 0, 0)
	last := start[len(start)-1].ID
	if _, err := f.s.SetVerdict(ctx, f.fc, a.ID, VerdictChange{Verdict: InReview, Rationale: "x", Version: a.Version + 5}); err == nil {
		t.Fatal("a stale version was accepted")
	}
	if _, err := f.s.SetVerdict(ctx, f.fc, a.ID, VerdictChange{Verdict: False, Rationale: "no evidence", Version: a.Version}); err == nil {
		t.Fatal("false without evidence was accepted")
	}
	if got := eventsSince(t, f.s, last, 0); len(got) != 0 {
		t.Fatalf("refused changes left events: %+v", got)
	}
	res, err := f.s.BulkVerdict(ctx, f.fc, []int64{a.ID, b.ID, 999999}, Disputed, "accounts conflict")
	if err != nil || len(res.Changed) != 2 {
		t.Fatalf("bulk: %+v %v", res, err)
	}
	got := eventsSince(t, f.s, last, 0)
	if len(got) != 2 || got[0].ClaimID != a.ID || got[1].ClaimID != b.ID || got[1].Verdict != "disputed" {
		t.Fatalf("bulk events: %+v", got)
	}
}

// RecordEvent is how other features record their own events.
func TestRecordEventInOwnTransaction(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	before, _ := f.s.LastEventID(ctx)
	at := f.s.Now()
	err := f.s.write(ctx, func(tx *gorm.DB) error {
		return RecordEvent(tx, events.Event{Type: events.CandidateProposed, StoryID: f.story.ID, ActorID: &f.fc.ID,
			At: at, Detail: json.RawMessage(`{"candidate_id":12}`)})
	})
	if err != nil {
		t.Fatal(err)
	}
	c := f.claim(t, "A claim.")
	err = f.s.write(ctx, func(tx *gorm.DB) error {
		return RecordClaimEvent(tx, events.ClaimPublished, c.ID, &f.editor.ID, at, map[string]any{"signed_off": true})
	})
	if err != nil {
		t.Fatal(err)
	}
	got := eventsSince(t, f.s, before, f.story.ID)
	if len(got) != 3 {
		t.Fatalf("%d events: %+v", len(got), got)
	}
	if e := got[0]; e.Type != events.CandidateProposed || e.ClaimID != 0 || string(e.Detail) != `{"candidate_id":12}` || !e.At.Equal(at) || e.ActorName != "Fay Checker" {
		t.Errorf("candidate event: %+v", e)
	}
	if e := got[2]; e.Type != events.ClaimPublished || e.ClaimID != c.ID || e.Verdict != "unreviewed" || e.Version != c.Version {
		t.Errorf("published event: %+v", e)
	}
	if err := f.s.w.Exec(`UPDATE events SET type = 'x' WHERE id = ?`, got[0].ID).Error; err == nil {
		t.Error("an event was updated")
	}
	if err := f.s.w.Exec(`DELETE FROM events WHERE id = ?`, got[0].ID).Error; err == nil {
		t.Error("an event was deleted")
	}
}

// nextEvent waits up to three seconds for an event on sub.
func nextEvent(t *testing.T, sub *events.Subscription) events.Event {
	t.Helper()
	deadline := time.After(3 * time.Second)
	for {
		select {
		case <-sub.Ready():
			evs, open := sub.Take(nil)
			if len(evs) > 0 {
				return evs[0]
			}
			if !open {
				t.Fatal("subscription closed")
			}
		case <-deadline:
			t.Fatal("no event within 3 s")
		}
	}
}

// The feed publishes what this process commits, and what another process
// on the same database commits (the import command, a second server).
func TestFeedPublishesCommitsOfEveryProcess(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	c := f.claim(t, "Before anyone listened.")
	sub := f.s.Events().Subscribe(events.Filter{}, 16)
	defer sub.Close()
	c, err := f.s.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: InReview, Rationale: "checking", Version: c.Version})
	if err != nil {
		t.Fatal(err)
	}
	if e := nextEvent(t, sub); e.Type != events.ClaimVerdict || e.ClaimID != c.ID || e.Version != c.Version {
		t.Fatalf("local change: %+v", e)
	}
	other, err := Open(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.SetVerdict(ctx, f.fc, c.ID, VerdictChange{Verdict: Disputed, Rationale: "from elsewhere", Version: c.Version}); err != nil {
		t.Fatal(err)
	}
	if e := nextEvent(t, sub); e.Type != events.ClaimVerdict || e.Verdict != "disputed" || e.ActorName != "Fay Checker" {
		t.Fatalf("change by another process: %+v", e)
	}
	pos, err := f.s.FeedPosition()
	if err != nil {
		t.Fatal(err)
	}
	if last, _ := f.s.LastEventID(ctx); pos != last {
		t.Fatalf("feed at %d, table at %d", pos, last)
	}
}

// Closing the store ends every stream's subscription.
func TestCloseEndsFeed(t *testing.T) {
	f := newFixture(t)
	sub := f.s.Events().Subscribe(events.Filter{}, 4)
	if err := f.s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sub.Ready():
		if evs, open := sub.Take(nil); open || len(evs) > 0 {
			t.Fatalf("after close: %d events, open %v", len(evs), open)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("subscription still open after the store closed")
	}
}
