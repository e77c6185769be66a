package liveblog

import (
	"strings"
	"testing"
)

// TestSecondSpeakerAfterBut: "X claims C1 but Y said C2" without a comma
// gives two claims, each with its own speaker.
func TestSecondSpeakerAfterBut(t *testing.T) {
	text := "Kalmar claims Vell has confirmed the death but the State Department said there has been no such confirmation."
	cands := checkClaims(t, text, want{"Vell has confirmed the death", "Kalmar"}, want{"no such confirmation", "State Department"})
	for _, c := range cands {
		if c.Claimant == "Kalmar" && strings.Contains(c.Claim, "but") {
			t.Errorf("first claim runs into the second: %q", c.Claim)
		}
	}
	// A "but" inside the claim with no speaker after it stays in the claim.
	checkClaims(t, "The mayor said the town was small but the damage was great.", want{"the damage was great", "mayor"})
}
