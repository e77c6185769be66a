package liveblog

import (
	"strings"
	"testing"
)

// TestClaimantsAreNounPhrases keeps words that cannot name a speaker out of
// the claimants: a sentence adverb before a noun ("However, reports
// cannot …"), a negated verb ("almost never publicly claims"), a pronoun
// closing a reduced relative clause ("the figures it admits to"), an
// article before an outlet's name ("A Kalmar Press report cited"), an
// impersonal passive ("It was earlier reported that"), and the standard
// "according to" names ("according to size, location and …").
func TestClaimantsAreNounPhrases(t *testing.T) {
	checkTable(t, []claimCase{
		{"The harbour was closed. However, reports cannot verify the extent of the damage.",
			[]want{{"extent of the damage", ""}}},
		{"There was no comment from the army, but the group almost never publicly claims responsibility for raids on the border.",
			[]want{{"raids on the border", ""}}},
		{"The council has never said that the bridge was unsafe.", []want{{"bridge was unsafe", ""}}},
		{"The agency checks every complaint, and publishes the figures it admits to months later.",
			[]want{{"checks every complaint", ""}}},
		{"A Kalmar Press report cited a statement from the rebels on Sunday.", []want{{"cited a statement", ""}}},
		{"The ferry sank in the storm. It was earlier reported that the bridge had collapsed.",
			[]want{{"bridge had collapsed", ""}}},
		{"The monitor, which relies on sources across the region, says it ranks the towns according to size, location and population.",
			[]want{{"ranks the towns", "monitor"}}},
		{"The convoy left on time, according to plan.", []want{{"convoy left", ""}}},
		// Still speakers: a plural noun after "according to", a collective one,
		// a verb after an adverb set off by commas.
		{"Officials, not surprisingly, said the bridge was safe.", []want{{"the bridge was safe", "Officials"}}},
		{"Two bridges were closed, according to residents.", []want{{"Two bridges were closed", "residents"}}},
		{"Two bridges were closed, according to police.", []want{{"Two bridges were closed", "police"}}},
		{"Reports say two bridges were closed.", []want{{"two bridges were closed", "Reports"}}},
	})
	// A quantifier after the speakers is not part of them.
	for _, c := range checkClaims(t, "Kalmar and Vell both claimed advances on Sunday.", want{"advances on Sunday", "Kalmar and Vell"}) {
		if c.Claimant != "Kalmar and Vell" {
			t.Errorf("claimant %q keeps the quantifier", c.Claimant)
		}
	}
	// A conjunction opening the speaker phrase is not part of it.
	text := "The militia and the army clashed on Friday, after fighters from the militia said they took the camp."
	for _, c := range checkClaims(t, text, want{"they took the camp", "fighters from the militia"}) {
		if strings.HasPrefix(c.Claimant, "after") {
			t.Errorf("%q: claimant %q keeps the conjunction", text, c.Claimant)
		}
	}
}
