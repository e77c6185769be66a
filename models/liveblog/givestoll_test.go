package liveblog

import "testing"

// TestAnnouncedCountsAndGivenTolls reads a count as the object of
// "announced" and a toll "gave" puts forward as claims, while "announced a
// ceasefire", "found four bodies" and "gave a speech" stay acts; a figure's
// claim ends with its number, and a "who" closing the speaker phrase goes.
func TestAnnouncedCountsAndGivenTolls(t *testing.T) {
	checkTable(t, []claimCase{
		{"The health ministry has announced 14 new confirmed measles cases and three deaths in the east.",
			[]want{{"14 new confirmed measles cases", "health ministry"}}},
		{"The interior ministry meanwhile gave yet another toll -- four guards and 12 attackers dead.",
			[]want{{"four guards and 12 attackers dead", "interior ministry"}}},
		{"Officials in the south who earlier gave a combined death toll of 64 effectively pushed the national toll past 500.",
			[]want{{"a combined death toll of 64", "Officials in the south"}}},
		{"The ministry announced a ceasefire on Monday.", []want{{"ceasefire", ""}}},
		{"Rescuers found four bodies on Saturday night.", []want{{"four bodies", ""}}},
		{"The minister gave a speech to 300 farmers on Monday.", []want{{"speech", ""}}},
	})
	for _, c := range checkClaims(t, "Officials in the south who earlier gave a combined death toll of 64 effectively pushed the national toll past 500.") {
		if c.Claimant != "Officials in the south" || c.Claim != "a combined death toll of 64" || c.Rule != ruleFigure {
			t.Errorf("claim %q by %q [%s]", c.Claim, c.Claimant, c.Rule)
		}
	}
}

// TestWhatHappenedAfterTheLastReport lets "could not verify what happened"
// cover every report of the story when it follows the last report in that
// report's paragraph, as it does when it stands in a paragraph of its own.
func TestWhatHappenedAfterTheLastReport(t *testing.T) {
	text := "The coalition said 30 rebels were killed and it knew of no civilian deaths.\n\n" +
		"The defence ministry said four civilians and 26 rebels were dead. It was impossible to independently verify what happened in the remote district.\n\n" +
		"\"Forty people, all civilians, were killed,\" the governor said."
	cands := checkClaims(t, text, want{"30 rebels were killed", "coalition"}, want{"four civilians and 26 rebels were dead", "defence ministry"},
		want{"Forty people", "governor"})
	for _, c := range cands {
		if !c.Unverifiable {
			t.Errorf("%q by %q is not flagged", c.Claim, c.Claimant)
		}
	}
}
