package liveblog

import (
	"strings"
	"testing"
)

// TestOfficialAccountCaveat reads "X confirmed the attack, but it was not
// possible to independently verify the official account" as the text's
// caveat, not X's own check, and lets it cover what officials said; a
// witness's account beside it stays unflagged.
func TestOfficialAccountCaveat(t *testing.T) {
	text := "A resident said the shelling began at dawn.\n\n" +
		"\"Four guards were killed,\" a senior police official told Northwire, adding that the clash lasted two hours. " +
		"Army officials in Vell confirmed the attack, but it was not possible to independently verify the official account as access to the valley is restricted."
	cands := checkClaims(t, text, want{"Four guards were killed", "police official"}, want{"clash lasted two hours", "police official"},
		want{"shelling began at dawn", "resident"})
	for _, c := range cands {
		if want := !strings.EqualFold(c.Claimant, "a resident"); c.Unverifiable != want {
			t.Errorf("%q by %q: unverifiable %v, want %v", c.Claim, c.Claimant, c.Unverifiable, want)
		}
	}
	if !impersonalCaveat("Officials confirmed the raid, but there was no way to verify it.") || impersonalCaveat("Officials said they could not confirm the raid.") {
		t.Error("impersonalCaveat misreads who could not verify")
	}
}
