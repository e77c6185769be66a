package events

import (
	"io"
	"strings"
	"sync"
	"testing"
	"time"
)

func claimEvent(id, story int64) Event {
	return Event{ID: id, Type: ClaimVerdict, ClaimID: id * 10, StoryID: story, Verdict: "false", At: time.Unix(id, 0)}
}

// receive reads n events from s or fails after a second.
func receive(t *testing.T, s *Subscription, n int) []Event {
	t.Helper()
	var got []Event
	for len(got) < n {
		select {
		case <-s.Ready():
			var open bool
			got, open = s.Take(got)
			if !open && len(got) < n {
				t.Fatalf("subscription ended after %d of %d events", len(got), n)
			}
		case <-time.After(time.Second):
			t.Fatalf("got %d of %d events", len(got), n)
		}
	}
	return got
}

// nothing fails if s has an event waiting.
func nothing(t *testing.T, s *Subscription) {
	t.Helper()
	if evs, _ := s.Take(nil); len(evs) > 0 {
		t.Fatalf("unexpected events %+v", evs)
	}
}

func TestPublishReachesEverySubscriberInOrder(t *testing.T) {
	h := NewHub()
	a, b := h.Subscribe(Filter{}, 8), h.Subscribe(Filter{}, 8)
	h.Publish(claimEvent(1, 1), claimEvent(2, 2))
	h.Publish(claimEvent(3, 1))
	for _, s := range []*Subscription{a, b} {
		got := receive(t, s, 3)
		for i, e := range got {
			if e.ID != int64(i+1) {
				t.Fatalf("event %d has id %d, want %d", i, e.ID, i+1)
			}
		}
	}
	if n := h.Subscribers(); n != 2 {
		t.Fatalf("Subscribers = %d, want 2", n)
	}
}

func TestStoryFilter(t *testing.T) {
	h := NewHub()
	s := h.Subscribe(Filter{StoryID: 2}, 8)
	h.Publish(claimEvent(1, 1), claimEvent(2, 2), claimEvent(3, 1), claimEvent(4, 2))
	got := receive(t, s, 2)
	if got[0].ID != 2 || got[1].ID != 4 {
		t.Fatalf("story 2 got events %d and %d, want 2 and 4", got[0].ID, got[1].ID)
	}
	nothing(t, s)
}

func TestPresenceGoesOnlyToThatClaimsPage(t *testing.T) {
	h := NewHub()
	page, other, desk := h.Subscribe(Filter{ClaimID: 7}, 4), h.Subscribe(Filter{ClaimID: 8}, 4), h.Subscribe(Filter{}, 4)
	h.Publish(Event{Type: Presence, ClaimID: 7, Viewers: []Viewer{{ID: 1, Name: "Ana"}}})
	got := receive(t, page, 1)
	if got[0].Viewers[0].Name != "Ana" {
		t.Fatalf("presence = %+v", got[0])
	}
	nothing(t, other)
	nothing(t, desk)
}

// A subscriber that never reads is dropped with a Resync event once its
// buffer is full, while the others keep getting every event and Publish
// never waits.
func TestStuckSubscriberIsDroppedWithResync(t *testing.T) {
	h := NewHub()
	stuck := h.Subscribe(Filter{}, 4)
	live := h.Subscribe(Filter{}, 64)
	done := make(chan struct{})
	go func() {
		for i := int64(1); i <= 40; i++ {
			h.Publish(claimEvent(i, 1))
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("Publish blocked on a subscriber that does not read")
	}
	if got := receive(t, live, 40); got[39].ID != 40 {
		t.Fatalf("the reading subscriber's last event is %d", got[39].ID)
	}
	if !stuck.Dropped() {
		t.Fatal("the stuck subscriber was not dropped")
	}
	got, open := stuck.Take(nil)
	if open || len(got) != 1 || got[0].Type != Resync {
		t.Fatalf("stuck subscriber got %+v (open %v), want only resync", got, open)
	}
	if got, _ := stuck.Take(nil); len(got) != 0 {
		t.Fatalf("resync given twice: %+v", got)
	}
	if h.Subscribers() != 1 {
		t.Fatalf("Subscribers = %d after the drop, want 1", h.Subscribers())
	}
}

func TestCloseEndsSubscriptions(t *testing.T) {
	h := NewHub()
	s := h.Subscribe(Filter{}, 4)
	s.Close()
	s.Close()
	<-s.Ready()
	if evs, open := s.Take(nil); open || len(evs) != 0 {
		t.Fatal("closed subscription still delivers")
	}
	if s.Dropped() {
		t.Fatal("a subscription closed by its owner counts as dropped")
	}
	a := h.Subscribe(Filter{}, 4)
	h.Publish(claimEvent(1, 1))
	h.Close()
	<-a.Ready()
	if evs, open := a.Take(nil); open || len(evs) != 1 {
		t.Fatalf("after the hub closed: %d events, open %v; want the one waiting, closed", len(evs), open)
	}
	if _, open := h.Subscribe(Filter{}, 4).Take(nil); open {
		t.Fatal("a closed hub accepted a subscriber")
	}
	h.Publish(claimEvent(1, 1)) // must not panic on closed channels
}

func TestConcurrentPublishAndSubscribe(t *testing.T) {
	h := NewHub()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				s := h.Subscribe(Filter{StoryID: int64(i % 3)}, 2)
				h.Publish(claimEvent(int64(i+1), int64(i%3)))
				s.Close()
			}
		}()
	}
	wg.Wait()
	if h.Subscribers() != 0 {
		t.Fatalf("Subscribers = %d after every one closed", h.Subscribers())
	}
}

func TestFrame(t *testing.T) {
	a := int64(3)
	e := Event{ID: 42, Type: ClaimAssigned, ClaimID: 7, StoryID: 2, Version: 5, AssigneeID: &a, At: time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)}
	want := "id: 42\nevent: claim.assigned\ndata: " +
		`{"id":42,"type":"claim.assigned","claim_id":7,"story_id":2,"version":5,"assignee_id":3,"at":"2026-12-03T08:00:00Z"}` + "\n\n"
	if got := string(Frame(e)); got != want {
		t.Fatalf("frame\n%q\nwant\n%q", got, want)
	}
	r := string(Frame(Event{Type: Resync, LastID: 42, At: e.At}))
	if r != "event: resync\ndata: {\"type\":\"resync\",\"assignee_id\":null,\"at\":\"2026-12-03T08:00:00Z\",\"last_id\":42}\n\n" {
		t.Fatalf("resync frame %q", r)
	}
	if evs := Framed([]Event{e}); string(evs[0].Frame) != want {
		t.Fatal("Framed did not render the frame")
	}
}

func TestReaderReadsFrames(t *testing.T) {
	e := Event{ID: 9, Type: ClaimVerdict, ClaimID: 3, Verdict: "false", At: time.Unix(0, 0).UTC()}
	stream := "retry: 2000\n\n" + string(Frame(e)) + ": keep-alive\n\n" + string(Frame(Event{Type: Ready, ID: 9, LastID: 9}))
	r := NewReader(strings.NewReader(stream))
	var got []Message
	for {
		m, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, m)
	}
	if len(got) != 3 || got[0].ID != "9" || got[0].Type != ClaimVerdict || !strings.Contains(got[0].Data, `"verdict":"false"`) ||
		got[1].Comment != "keep-alive" || got[2].Type != Ready || got[2].ID != "9" {
		t.Fatalf("messages %+v", got)
	}
}
