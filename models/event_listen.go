package models

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
)

// On PostgreSQL several Claimdesk processes serve one desk. Each event's
// transaction sends NOTIFY with the event's id on commit (see insertEvent);
// every process keeps one connection listening, and a notification wakes
// its feed, which reads the new rows from the table like any other. The id
// in the notification is only a hint: the table is the record, so a
// notification lost while the connection was down costs nothing but the
// wait for the next poll or the catch-up after reconnecting.

// The same connection hears other servers' presence announcements.

// listenPostgres keeps a connection listening on the event channel until
// ctx ends, reconnecting with growing, jittered pauses when it drops.
func (s *Store) listenPostgres(ctx context.Context) {
	pause := 250 * time.Millisecond
	for ctx.Err() == nil {
		err := s.listenOnce(ctx)
		if ctx.Err() != nil {
			return
		}
		s.feed.mu.Lock()
		s.feed.err = err
		s.feed.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause/2 + rand.N(pause)):
		}
		pause = min(pause*2, 10*time.Second)
	}
}

// listenOnce connects, listens and waits for notifications until the
// connection fails or ctx ends.
func (s *Store) listenOnce(ctx context.Context) error {
	conn, err := pgx.Connect(ctx, s.dbURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	for _, ch := range []string{pgEventChannel, pgPresenceChannel} {
		if _, err := conn.Exec(ctx, "LISTEN "+ch); err != nil {
			return err
		}
	}
	// Whatever was committed while nobody listened, and who the other
	// servers have on which claim.
	s.wakeFeed()
	s.announcePresence(0, nil)
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		if n.Channel == pgPresenceChannel {
			s.presenceHeard(n.Payload)
			continue
		}
		s.wakeFeed()
	}
}
