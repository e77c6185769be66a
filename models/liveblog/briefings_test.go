package liveblog

import "testing"

// TestTitledSpeakerTurn reads one "Title Name: words" paragraph as a turn of
// that speaker; one untitled "Name: words" alone may be a dateline.
func TestTitledSpeakerTurn(t *testing.T) {
	checkClaims(t, "Q: What is the toll?\n\nSpokesman Karim Haddad: Twelve people were killed and 40 were injured.",
		want{"Twelve people were killed", "Karim Haddad"})
	checkClaims(t, "Foreign Minister Ana Borg: The embassy will stay open until the end of the month.",
		want{"The embassy will stay open", "Ana Borg"})
	checkClaims(t, "Halverston: The port stayed closed on Monday.", want{"port stayed closed", ""})
}
