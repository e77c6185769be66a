package models

// matchesNothing reports whether f's filters exclude each other through the
// verdict: unconfirmed (or stale) claims awaiting sign-off, or a verdict
// filter naming only verdicts the other filters rule out. No claim can
// match, whatever the database holds, so the list answers at once: the
// database would otherwise count through every claim one filter allows (at
// a million claims, seconds) to find none.
func (f *ClaimFilter) matchesNothing() bool {
	in, ok := facetVerdicts(*f)
	return ok && len(in) == 0
}
