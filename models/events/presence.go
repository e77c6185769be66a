package events

import (
	"sort"
	"sync"
	"time"
)

// Board keeps who has which claim open, in memory only: the viewers on this
// server (counted per open page, so two tabs of one person count once and
// closing one leaves the other), and the viewers other servers announced,
// each announcement good until it expires. Nothing of it is ever stored.
type Board struct {
	mu     sync.Mutex
	local  map[int64]map[int64]*localViewer
	remote map[string]map[int64]remoteClaim
}

// localViewer is one person on one claim here, with their number of pages.
type localViewer struct {
	name  string
	pages int
}

// remoteClaim is what another server last said about one claim.
type remoteClaim struct {
	viewers []Viewer
	until   time.Time
}

// NewBoard returns an empty board.
func NewBoard() *Board {
	return &Board{local: map[int64]map[int64]*localViewer{}, remote: map[string]map[int64]remoteClaim{}}
}

// Join counts one more page of v on claim; it reports whether v is new on
// the claim here (and so whether the claim's viewers changed).
func (b *Board) Join(claim int64, v Viewer) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.local[claim]
	if m == nil {
		m = map[int64]*localViewer{}
		b.local[claim] = m
	}
	if lv := m[v.ID]; lv != nil {
		lv.pages++
		return false
	}
	m[v.ID] = &localViewer{name: v.Name, pages: 1}
	return true
}

// Leave counts one page of the user fewer on claim; it reports whether that
// was their last page there.
func (b *Board) Leave(claim, userID int64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	m := b.local[claim]
	lv := m[userID]
	if lv == nil {
		return false
	}
	lv.pages--
	if lv.pages > 0 {
		return false
	}
	delete(m, userID)
	if len(m) == 0 {
		delete(b.local, claim)
	}
	return true
}

// LocalViewers lists who has claim open on this server, by name.
func (b *Board) LocalViewers(claim int64) []Viewer {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.localLocked(claim)
}

func (b *Board) localLocked(claim int64) []Viewer {
	vs := make([]Viewer, 0, len(b.local[claim]))
	for id, lv := range b.local[claim] {
		vs = append(vs, Viewer{ID: id, Name: lv.name})
	}
	sortViewers(vs)
	return vs
}

// LocalClaims lists every claim someone has open on this server, with its
// viewers: what this server announces to the others.
func (b *Board) LocalClaims() map[int64][]Viewer {
	b.mu.Lock()
	defer b.mu.Unlock()
	out := make(map[int64][]Viewer, len(b.local))
	for claim := range b.local {
		out[claim] = b.localLocked(claim)
	}
	return out
}

// Announce records what another server says at now about a claim, good
// until until; an empty list withdraws it. It reports whether the claim's
// viewers, all servers together, changed.
func (b *Board) Announce(server string, claim int64, vs []Viewer, now, until time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	before := b.viewersLocked(claim, now)
	m := b.remote[server]
	if m == nil {
		m = map[int64]remoteClaim{}
		b.remote[server] = m
	}
	if len(vs) == 0 {
		delete(m, claim)
	} else {
		m[claim] = remoteClaim{viewers: append([]Viewer(nil), vs...), until: until}
	}
	return !sameViewers(before, b.viewersLocked(claim, now))
}

// Expire forgets what other servers announced that is no longer good at
// now (a server that stopped without saying so) and lists the claims whose
// viewers changed.
func (b *Board) Expire(now time.Time) []int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	var changed []int64
	for server, m := range b.remote {
		for claim, rc := range m {
			if rc.until.Before(now) {
				delete(m, claim)
				changed = append(changed, claim)
			}
		}
		if len(m) == 0 {
			delete(b.remote, server)
		}
	}
	return changed
}

// Viewers lists everyone who has claim open on any server, each once, by
// name, counting other servers' announcements good at now.
func (b *Board) Viewers(claim int64, now time.Time) []Viewer {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.viewersLocked(claim, now)
}

func (b *Board) viewersLocked(claim int64, now time.Time) []Viewer {
	seen := map[int64]bool{}
	vs := b.localLocked(claim)
	for _, v := range vs {
		seen[v.ID] = true
	}
	for _, m := range b.remote {
		rc, ok := m[claim]
		if !ok || rc.until.Before(now) {
			continue
		}
		for _, v := range rc.viewers {
			if !seen[v.ID] {
				seen[v.ID] = true
				vs = append(vs, v)
			}
		}
	}
	sortViewers(vs)
	return vs
}

func sortViewers(vs []Viewer) {
	sort.Slice(vs, func(i, j int) bool {
		if vs[i].Name != vs[j].Name {
			return vs[i].Name < vs[j].Name
		}
		return vs[i].ID < vs[j].ID
	})
}

func sameViewers(a, b []Viewer) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
