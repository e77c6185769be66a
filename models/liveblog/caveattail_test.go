package liveblog

import "testing"

// TestCaveatTails reads a closing clause that says a claim could not be
// checked as the text's caveat on that claim: the claim loses the clause
// and is flagged, the other claims of the entry are not.
func TestCaveatTails(t *testing.T) {
	for _, text := range []string{
		"The ministry said 45 people had died, a figure that could not be independently verified. The army said the base was calm.",
		"The ministry said 45 people had died, a toll that Northwire was unable to confirm independently. The army said the base was calm.",
		"According to the ministry, 45 people had died, though this could not be independently verified. The army said the base was calm.",
		"The ministry said 45 people had died, but the claim could not be independently verified. The army said the base was calm.",
		"The ministry said 45 people had died (this could not be independently verified). The army said the base was calm.",
	} {
		cands := checkClaims(t, text, want{"45 people had died", "ministry"})
		for _, c := range cands {
			if c.Claim != "45 people had died" && c.Claim != "the base was calm" {
				t.Errorf("%q: claim %q keeps the caveat", text, c.Claim)
			}
		}
		flagged(t, text, map[string]bool{"45 people had died": true, "the base was calm": false})
	}
	// A party's own words stay whole: it says it cannot confirm.
	checkClaims(t, `"We could not confirm, and still cannot confirm, the number of dead," the mayor said.`,
		want{"still cannot confirm", "mayor"})
}

// TestCaveatWordings reads caveats worded without "not … independently".
func TestCaveatWordings(t *testing.T) {
	flagged(t, "The rebels said they had killed 12 soldiers. It was not possible to verify the claim.",
		map[string]bool{"killed 12 soldiers": true})
	flagged(t, "The rebels said they had killed 12 soldiers. The army said it had lost two men. None of the claims could be verified independently.",
		map[string]bool{"killed 12 soldiers": true, "lost two men": true})
	flagged(t, "Residents said the bombing started at dawn.\n\nState media said the city was calm.\n\nNone of the accounts could be independently confirmed.",
		map[string]bool{"bombing started at dawn": true, "the city was calm": true})
}

// TestCaveatEitherSide: a caveat about the statements of either side
// covers every claim of the entry, before or after it; a bare denial ("The
// army denied it.") denies the claim before it.
func TestCaveatEitherSide(t *testing.T) {
	flagged(t, "With phone lines cut, it is impossible to verify statements from either side. The rebels said they took the airport. The army said the airport was never lost.",
		map[string]bool{"they took the airport": true, "the airport was never lost": true})
	flagged(t, "The rebels said they took the airport.\n\nThe army said the airport was never lost.\n\nCalls to a spokesman went unanswered. Northwire is unable to verify claims by either side while the province has no phone network.",
		map[string]bool{"they took the airport": true, "the airport was never lost": true})
	cands := checkClaims(t, "The rebels said they took the airport. The army denied it.", want{"they took the airport", "rebels"})
	if len(cands) != 2 || cands[1].Claimant != "the army" || cands[1].Verb != "denied" {
		t.Errorf("want the army's denial as a second claim; got %s", describe(cands))
	}
}

// TestCaveatSidesNamedOnly reads "sides" as whose words could not be
// checked only when the caveat says so, not in "as the two sides met".
func TestCaveatSidesNamedOnly(t *testing.T) {
	flagged(t, "The envoy said the talks had to be serious.\n\nThe rebels said they had killed a general. There was no independent confirmation of the claim, made on the day the talks began.",
		map[string]bool{"talks had to be serious": false, "killed a general": true})
	flagged(t, "The rebels said they had killed a general.\n\nThe army said the general was alive.\n\nNorthwire could not verify either side's claims.",
		map[string]bool{"killed a general": true, "the general was alive": true})
}

// TestCaveatNoSpeaker: the clause that says what could not be verified is
// not a speaker of the rest of its sentence.
func TestCaveatNoSpeaker(t *testing.T) {
	checkClaims(t, "Ana Borg said the town had fallen. Northwire could not independently verify Borg's claim, but an early response from the army disputed it.",
		want{"the town had fallen", "Ana Borg"}, want{"disputed it", ""})
}
