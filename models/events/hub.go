package events

import (
	"sync"
	"time"
)

// DefaultBuffer is how many events a subscriber may have waiting before it
// counts as too far behind. A burst such as a bulk verdict on 500 claims
// fits; a reader that stopped reading does not hold on for long.
const DefaultBuffer = 1024

// Hub hands published events to its subscribers. Publishing never waits for
// a subscriber: each has a bounded buffer, and one whose buffer is full is
// dropped at once with a Resync event in the slot kept for it. Its zero value
// is not ready; use NewHub.
type Hub struct {
	mu     sync.Mutex
	subs   map[*Subscription]struct{}
	closed bool
	now    func() time.Time
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{subs: map[*Subscription]struct{}{}, now: time.Now}
}

// Subscription is one subscriber's end of the hub: the events meant for it
// arrive on C, in the order they were published.
type Subscription struct {
	hub    *Hub
	filter Filter
	ch     chan Event
	// dropped and closed are guarded by hub.mu.
	dropped, closed bool
}

// Subscribe registers a subscriber that gets the events f lets through,
// with room for buffer of them (at least 2; DefaultBuffer when 0). After the
// hub was closed the subscription comes back already closed.
func (h *Hub) Subscribe(f Filter, buffer int) *Subscription {
	if buffer == 0 {
		buffer = DefaultBuffer
	}
	// One slot more than asked: it is kept for the Resync event.
	s := &Subscription{hub: h, filter: f, ch: make(chan Event, max(buffer, 2)+1)}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		s.closed = true
		close(s.ch)
		return s
	}
	h.subs[s] = struct{}{}
	return s
}

// C delivers the subscriber's events; it is closed when the subscription
// ends (Close, a drop, or the hub closing).
func (s *Subscription) C() <-chan Event { return s.ch }

// Filter is what the subscriber asked for.
func (s *Subscription) Filter() Filter { return s.filter }

// Dropped reports whether the hub ended the subscription because the
// subscriber fell behind (its last event is then a Resync).
func (s *Subscription) Dropped() bool {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.dropped
}

// Close ends the subscription; events already buffered can still be read
// from C. Closing twice is harmless.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.end()
}

// end closes the subscription; the caller holds hub.mu.
func (s *Subscription) end() {
	if s.closed {
		return
	}
	s.closed = true
	delete(s.hub.subs, s)
	close(s.ch)
}

// Publish hands evs, in order, to every subscriber whose filter lets them
// through. It never blocks on a subscriber: only Publish sends on the
// channels, under the hub's lock, and it checks for room first.
func (h *Hub) Publish(evs ...Event) {
	if len(evs) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		for _, e := range evs {
			if !s.filter.Match(e) {
				continue
			}
			if len(s.ch) >= cap(s.ch)-1 {
				s.ch <- Event{Type: Resync, At: h.now().UTC()}
				s.dropped = true
				s.end()
				break
			}
			s.ch <- e
		}
	}
}

// Subscribers counts the open subscriptions.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// Close ends every subscription and refuses new ones: the server is going
// away, and the streams should end rather than hang.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for s := range h.subs {
		s.end()
	}
}
