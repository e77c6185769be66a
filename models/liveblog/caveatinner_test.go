package liveblog

import "testing"

// TestCaveatInsideTheSentence: a caveat set off inside the claim's own
// sentence ("said, in a claim that could not be verified, that …") flags
// that claim, is cut from it, and flags no other.
func TestCaveatInsideTheSentence(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "inside",
		story: "{C} The army said it hit a weapons depot.\n\nThe mayor said the schools would reopen.",
		forms: []string{
			"The ministry said, in a claim that could not be independently verified, that 20 people died in the strike.",
			"According to the ministry, whose figures could not be independently verified, 20 people died in the strike.",
			"The ministry said 20 people died in the strike, a figure AFP could not independently verify.",
			"The ministry – whose figures cannot be independently verified – said 20 people died in the strike.",
		},
		want: map[string]bool{"20 people died": true, "weapons depot": false, "schools would reopen": false},
	}})
}

// TestCaveatHeadIsCut: the claim keeps none of the caveat clause, and a
// speaker's own doubt ("they could not confirm, however, that …") stays
// the speaker's claim, whole and unflagged.
func TestCaveatHeadIsCut(t *testing.T) {
	for _, text := range []string{
		"The ministry said, in a claim that could not be independently verified, that 20 people died in the strike.",
		"According to the ministry, whose figures could not be independently verified, 20 people died in the strike.",
	} {
		for _, c := range checkClaims(t, text, want{"20 people died in the strike", "ministry"}) {
			if c.Claim != "20 people died in the strike" || !c.Unverifiable {
				t.Errorf("%q: claim %q unverifiable=%v; want the claim without the caveat, flagged", text, c.Claim, c.Unverifiable)
			}
		}
	}
	cands := checkClaims(t, "Officials said they could not confirm, however, that 20 people died in the strike.",
		want{"they could not confirm, however, that 20 people died", "Officials"})
	for _, c := range cands {
		if c.Unverifiable {
			t.Errorf("%q is flagged; a speaker's own doubt is the speaker's claim", c.Claim)
		}
	}
}
