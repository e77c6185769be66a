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

// TestCaveatOnTheCitedSource keeps a caveat that qualifies its own
// sentence's source ("according to differing accounts that could not be
// independently verified") to that sentence: closing a story, it does not
// flag the claims before it.
func TestCaveatOnTheCitedSource(t *testing.T) {
	text := "At least 12 people were killed in fighting near Orlo, the army said.\n\n" +
		"Rebel spokesman Ivo Tan said two of their fighters were killed.\n\n" +
		"The fighting follows clashes last month that killed up to 30 combatants, according to differing accounts that could not be independently verified."
	for _, c := range checkClaims(t, text, want{"At least 12 people were killed", "army"}, want{"two of their fighters", "Ivo Tan"}) {
		if c.Unverifiable && !strings.Contains(c.Claim, "30 combatants") {
			t.Errorf("%q by %q flagged by the caveat on another sentence's source", c.Claim, c.Claimant)
		}
	}
	if citedSourceCaveat("the toll could not be verified, according to the agency") || !citedSourceCaveat("…, according to figures which could not be confirmed") {
		t.Error("citedSourceCaveat misreads where the caveat stands")
	}
}
