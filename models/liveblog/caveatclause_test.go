package liveblog

import "testing"

// TestCaveatClauseBeforeAStatement: a sentence that opens with a passive
// caveat ("The claim could not be confirmed, and …", "The figures could
// not be verified though …") is the text's caveat on the claims before it,
// even when a speaker's statement about checking follows; that statement
// is not covered by it.
func TestCaveatClauseBeforeAStatement(t *testing.T) {
	flagged(t, "Militants said they shot down a helicopter near Dorsk.\n\n"+
		"The claim could not be independently confirmed, and an army spokesman told reporters: \"Nothing we have seen confirms it.\"",
		map[string]bool{"shot down a helicopter": true})
	flagged(t, "Border guards said about 40 smugglers were detained at the crossing.\n\n"+
		"The figures for the smugglers could not be independently verified though a lawyer for the families said on Monday that most of those held were farmers.",
		map[string]bool{"40 smugglers": true, "most of those held were farmers": false})
}
