package events

import (
	"sync"
	"time"
)

// DefaultBuffer is how many events a subscriber may have waiting before it
// counts as too far behind. A burst such as a bulk verdict on 500 claims
// fits; a reader that stopped reading does not hold on for long.
const DefaultBuffer = 2048

// ringSize is how many of the latest events the hub keeps for its
// subscribers; no subscriber may fall further behind than this.
const ringSize = 4096

// Hub hands published events to its subscribers. The latest events sit in
// one ring shared by every subscriber, and each subscriber only keeps its
// place in it, so an idle subscriber costs a few words rather than a buffer
// of its own. Publishing never waits for a subscriber: it stores the events
// and nudges each subscriber; one that has more than its buffer's worth
// waiting is dropped at once, its last event a Resync. Use NewHub.
type Hub struct {
	mu     sync.Mutex
	ring   []Event
	next   uint64 // sequence number the next published event gets
	subs   map[*Subscription]struct{}
	closed bool
	now    func() time.Time
}

// NewHub returns an empty hub.
func NewHub() *Hub {
	return &Hub{ring: make([]Event, ringSize), subs: map[*Subscription]struct{}{}, now: time.Now}
}

// Subscription is one subscriber's place in the hub. When Ready fires,
// Take returns the events that arrived for it, in the order they were
// published.
type Subscription struct {
	hub    *Hub
	filter Filter
	ready  chan struct{}
	// The fields below are guarded by hub.mu.
	pos             uint64 // sequence number of the next event to take
	stop            uint64 // for an ended subscription: where it ended
	buffer          uint64
	dropped, closed bool
	resyncTaken     bool
}

// Subscribe registers a subscriber that gets the events f lets through,
// published from now on, and may have up to buffer of them waiting (at
// least 2, at most the hub's ring; DefaultBuffer when 0). After the hub was
// closed the subscription comes back already ended.
func (h *Hub) Subscribe(f Filter, buffer int) *Subscription {
	if buffer == 0 {
		buffer = DefaultBuffer
	}
	buffer = min(max(buffer, 2), ringSize)
	s := &Subscription{hub: h, filter: f, ready: make(chan struct{}, 1), buffer: uint64(buffer)}
	h.mu.Lock()
	defer h.mu.Unlock()
	s.pos = h.next
	if h.closed {
		s.end()
		return s
	}
	h.subs[s] = struct{}{}
	return s
}

// Ready fires when events may be waiting, or the subscription ended: call
// Take then.
func (s *Subscription) Ready() <-chan struct{} { return s.ready }

// Filter is what the subscriber asked for.
func (s *Subscription) Filter() Filter { return s.filter }

// Take returns the events waiting for the subscriber, appended to buf, and
// whether the subscription is still open. Once it ended, Take returns
// what was still waiting and false; for a subscriber dropped for falling
// behind, that is a single Resync event (once).
func (s *Subscription) Take(buf []Event) ([]Event, bool) {
	h := s.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if s.dropped {
		if !s.resyncTaken {
			s.resyncTaken = true
			buf = append(buf, Event{Type: Resync, At: h.now().UTC()})
		}
		return buf, false
	}
	last := h.next
	if s.closed {
		last = min(last, s.stop)
	}
	for ; s.pos < last; s.pos++ {
		e := h.ring[s.pos%ringSize]
		if s.filter.Match(e) {
			buf = append(buf, e)
		}
	}
	return buf, !s.closed
}

// Dropped reports whether the hub ended the subscription because the
// subscriber fell behind.
func (s *Subscription) Dropped() bool {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	return s.dropped
}

// Close ends the subscription. Closing twice is harmless.
func (s *Subscription) Close() {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.end()
}

// end ends the subscription and wakes its reader; the caller holds hub.mu.
func (s *Subscription) end() {
	if s.closed {
		return
	}
	s.closed = true
	s.stop = s.hub.next
	delete(s.hub.subs, s)
	s.wake()
}

// wake nudges the subscriber's reader without ever blocking.
func (s *Subscription) wake() {
	select {
	case s.ready <- struct{}{}:
	default:
	}
}

// Publish stores evs, in order, and wakes every subscriber; it never blocks
// on one. A subscriber that would have more than its buffer waiting is
// dropped instead.
func (h *Hub) Publish(evs ...Event) {
	if len(evs) == 0 {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	for _, e := range evs {
		h.ring[h.next%ringSize] = e
		h.next++
	}
	for s := range h.subs {
		if h.next-s.pos > s.buffer {
			s.dropped = true
			s.end()
			continue
		}
		s.wake()
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
