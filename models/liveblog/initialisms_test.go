package liveblog

import "testing"

// TestInitialismSpeaker: a speaker written as an initialism keeps its
// closing full stop ("the U.N.", not "the U.N"), wherever the sentence
// puts it.
func TestInitialismSpeaker(t *testing.T) {
	checkTable(t, []claimCase{
		{"Forty families left the valley after the floods, the U.N. said on Friday.", []want{{"Forty families", "U.N."}}},
		{"The U.N. said forty families left the valley after the floods.", []want{{"forty families", "U.N."}}},
		{"Forty families left the valley, the U.N. reported in a note on Friday.", []want{{"Forty families", "U.N."}}},
	})
}
