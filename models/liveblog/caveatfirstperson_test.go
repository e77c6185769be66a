package liveblog

import "testing"

// TestFirstPersonCaveat: a live blog's own "we have not confirmed this",
// as a clause after the report or a sentence of its own, is the text's
// caveat on the report; a party's "has not confirmed" is not.
func TestFirstPersonCaveat(t *testing.T) {
	flagged(t, "The Coast Herald is reporting that two bridges near Orro have collapsed, we have not confirmed that yet.",
		map[string]bool{"two bridges": true})
	flagged(t, "Fire crews say 30 sheds burned in Orro. We haven't confirmed this.",
		map[string]bool{"30 sheds": true})
	flagged(t, "Fire crews say 30 sheds burned in Orro. The council has not confirmed when the road reopens.",
		map[string]bool{"30 sheds": false})
}
