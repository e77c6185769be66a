package models

import "sync"

// A claim's attribution line opens with its claimant ("According to the
// interior ministry, "), worked out from the claimant's name, role and kind
// by rules that read every word. The desk's views show the same claimants
// page after page, so the openings of recent claimants are kept: an opening
// depends on nothing else, so a kept one is always the one the rules would
// give, whatever was committed since.

// maxKeptOpenings bounds the openings kept; past it they start again empty.
const maxKeptOpenings = 8192

// openingMemo keeps claimants' attribution openings, by (name, role, kind).
// Its zero value is ready; it belongs to one Store.
type openingMemo struct {
	mu sync.RWMutex
	m  map[[3]string]string
}

// openingKey is the claimant of c as openingMemo and attribution.LineOpening
// key them.
func openingKey(c *Claim) [3]string {
	return [3]string{c.ClaimantName, c.ClaimantRole, c.ClaimantKind}
}

// fill copies into page the kept openings of the claimants of claims, and
// reports how many it found.
func (m *openingMemo) fill(page map[[3]string]string, claims []Claim) int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for i := range claims {
		k := openingKey(&claims[i])
		if o, ok := m.m[k]; ok {
			page[k] = o
		}
	}
	return len(page)
}

// keep adds the openings of page to those kept.
func (m *openingMemo) keep(page map[[3]string]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil || len(m.m)+len(page) > maxKeptOpenings {
		m.m = make(map[[3]string]string, len(page))
	}
	for k, o := range page {
		m.m[k] = o
	}
}
