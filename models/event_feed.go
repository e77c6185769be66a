package models

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"claimdesk/models/events"
)

// The store's event feed reads the event table after every commit of this
// process, and on a short timer for what other processes commit (the import
// command, a second server; on PostgreSQL their NOTIFY wakes it at once),
// and publishes what is new to one in-memory hub that every open stream
// subscribes to. Each event is read from the database once per process, not
// once per stream.

// EventPollInterval is how often the feed looks for events written by other
// processes on SQLite, which has no way to be told.
const EventPollInterval = 500 * time.Millisecond

// pgEventPollInterval is the same backstop on PostgreSQL, for a notification
// lost while the listening connection was down.
const pgEventPollInterval = 2 * time.Second

// eventFeed is the store's feed; it starts with the first call to Events.
// newEventFeed makes its channels when the store opens.
type eventFeed struct {
	once    sync.Once
	started atomic.Bool
	hub     *events.Hub
	// wake is nudged after a commit that may have written events; stopped
	// is closed when the feed ends. Both are made when the store opens.
	wake    chan struct{}
	stopped chan struct{}
	// last is the id of the newest event published to the hub.
	mu   sync.Mutex
	last int64
	err  error
	// board is who has which claim open; server names this process to
	// the others in presence announcements (see presence.go).
	board  *events.Board
	server string
}

// Events returns the hub that carries every event committed to this
// database from now on, starting the feed on first use. Streams subscribe
// to it and replay older events with EventsAfter. The hub is closed when the
// store closes.
func (s *Store) Events() *events.Hub {
	f := s.feed
	f.once.Do(func() {
		f.hub = events.NewHub()
		f.started.Store(true)
		last, err := s.LastEventID(context.Background())
		f.last, f.err = last, err
		go s.runFeed()
	})
	return f.hub
}

// EndStreams ends every open stream's subscription, for a server that is
// shutting down: streams never end on their own, and a graceful shutdown
// waits for every request to finish.
func (s *Store) EndStreams() {
	if s.feed.started.Load() {
		s.feed.hub.Close()
	}
}

// FeedPosition is the id of the newest event the feed has published, and
// the error of its latest read of the event table (nil when it worked).
func (s *Store) FeedPosition() (int64, error) {
	s.feed.mu.Lock()
	defer s.feed.mu.Unlock()
	return s.feed.last, s.feed.err
}

// wakeFeed tells the feed that a commit may have written events. It never
// blocks: one pending wake-up covers any number of commits.
func (s *Store) wakeFeed() {
	select {
	case s.feed.wake <- struct{}{}:
	default:
	}
}

// runFeed publishes new events until the store closes.
func (s *Store) runFeed() {
	f := s.feed
	defer close(f.stopped)
	defer f.hub.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	interval := EventPollInterval
	if s.d.pg {
		interval = pgEventPollInterval
		go s.listenPostgres(ctx)
		go s.repeatPresence(ctx)
	}
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		select {
		case <-s.closing:
			return
		case <-f.wake:
		case <-tick.C:
		}
		s.publishNewEvents(ctx)
	}
}

// publishNewEvents reads what was committed since the last event published
// and publishes it, page by page.
func (s *Store) publishNewEvents(ctx context.Context) {
	f := s.feed
	for {
		f.mu.Lock()
		last := f.last
		f.mu.Unlock()
		evs, err := s.EventsAfter(ctx, last, 0, maxEventPage)
		f.mu.Lock()
		f.err = err
		if len(evs) > 0 {
			f.last = evs[len(evs)-1].ID
		}
		f.mu.Unlock()
		if err != nil {
			return // tried again at the next wake-up or tick
		}
		f.hub.Publish(events.Framed(evs)...)
		if len(evs) < maxEventPage {
			return
		}
	}
}

// stopFeed waits for the feed to finish before the pools close.
func (s *Store) stopFeed() {
	if s.feed.started.Load() {
		<-s.feed.stopped
	}
}

// newEventFeed returns a feed not yet started.
func newEventFeed() *eventFeed {
	return &eventFeed{wake: make(chan struct{}, 1), stopped: make(chan struct{}),
		board: events.NewBoard(), server: randomToken(9)}
}
