package liveblog

import "testing"

// TestSourceNamedInTheNextSentence gives an unattributed sentence to the
// source that "That's according to …" names right after it, also across a
// paragraph break, and proposes nothing from the back-reference alone.
func TestSourceNamedInTheNextSentence(t *testing.T) {
	checkTable(t, []claimCase{
		{"The fire spread quickly. That is according to Ivo Marsh, a local firefighter.",
			[]want{{"The fire spread quickly", "Ivo Marsh"}, {"local firefighter", ""}}},
		{"Winds reached 90 mph overnight.\n\nThat’s according to the Kalmar Weather Service.",
			[]want{{"Winds reached 90 mph", "Kalmar Weather Service"}}},
		// The sentence before has its speaker already.
		{"The mayor said the levee held. That is according to the city website.", []want{{"the levee held", "mayor"}}},
	})
}
