package models

import (
	"context"
	"encoding/json"
	"time"

	"claimdesk/models/events"
)

// Who has a claim open is kept in memory only (events.Board). On
// PostgreSQL, where several servers serve one desk, each server tells the
// others through NOTIFY whenever the viewers of a claim change on it, and
// repeats what it has every presenceRepeat; an announcement not repeated
// within presenceTTL (the server stopped without saying so) is forgotten.

// pgPresenceChannel carries presence between servers.
const pgPresenceChannel = "claimdesk_presence"

const (
	presenceRepeat = 20 * time.Second
	presenceTTL    = 3 * presenceRepeat
)

// presenceNote is one server's word on one claim's viewers.
type presenceNote struct {
	Server  string          `json:"server"`
	ClaimID int64           `json:"claim_id"`
	Viewers []events.Viewer `json:"viewers"`
}

// OpenClaimPage counts u among the viewers of a claim until the returned
// leave is called (once, when the page's stream ends). Everyone with the
// claim open, the new page included, gets the viewers as they now are
// through an events.Presence event.
func (s *Store) OpenClaimPage(claimID int64, u *User) (leave func()) {
	f := s.feed
	s.presenceChanged(claimID, f.board.Join(claimID, events.Viewer{ID: u.ID, Name: u.Name}))
	return func() {
		if f.board.Leave(claimID, u.ID) {
			s.presenceChanged(claimID, true)
		}
	}
}

// ClaimViewers lists who has a claim open, on every server.
func (s *Store) ClaimViewers(claimID int64) []events.Viewer {
	return s.feed.board.Viewers(claimID, s.Now())
}

// presenceChanged publishes a claim's viewers to the streams here and, when
// local (the viewers here changed), to the other servers.
func (s *Store) presenceChanged(claimID int64, local bool) {
	now := s.Now()
	s.Events().Publish(events.Event{Type: events.Presence, ClaimID: claimID, At: now,
		Viewers: s.feed.board.Viewers(claimID, now)})
	if local && s.d.pg {
		s.announcePresence(claimID, s.feed.board.LocalViewers(claimID))
	}
}

// announcePresence tells the other servers who has a claim open here. A
// failure only delays presence until the next repeat, so it is not reported.
func (s *Store) announcePresence(claimID int64, vs []events.Viewer) {
	b, err := json.Marshal(presenceNote{Server: s.feed.server, ClaimID: claimID, Viewers: vs})
	if err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.w.WithContext(ctx).Exec(`SELECT pg_notify(?, ?)`, pgPresenceChannel, string(b)).Error
}

// presenceHeard takes another server's announcement. A note about no claim
// is a server that just started listening and asks to hear what the others
// have.
func (s *Store) presenceHeard(payload string) {
	var n presenceNote
	if json.Unmarshal([]byte(payload), &n) != nil || n.Server == s.feed.server || n.ClaimID < 0 {
		return
	}
	if n.ClaimID == 0 {
		s.announceAllPresence()
		return
	}
	now := s.Now()
	if s.feed.board.Announce(n.Server, n.ClaimID, n.Viewers, now, now.Add(presenceTTL)) {
		s.presenceChanged(n.ClaimID, false)
	}
}

// repeatPresence, on PostgreSQL, repeats this server's viewers to the others
// and forgets the announcements of servers that went quiet, until ctx ends.
func (s *Store) repeatPresence(ctx context.Context) {
	t := time.NewTicker(presenceRepeat)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.announceAllPresence()
		for _, claim := range s.feed.board.Expire(s.Now()) {
			s.presenceChanged(claim, false)
		}
	}
}

// announceAllPresence tells the other servers about every claim open here.
func (s *Store) announceAllPresence() {
	for claim, vs := range s.feed.board.LocalClaims() {
		s.announcePresence(claim, vs)
	}
}
