package liveblog

import "testing"

// TestPronounInAdverbialClause gives the pronoun speaker of a clause opened
// by "after", "because" or "when" the main clause's subject when they
// agree, not a party named in an earlier sentence.
func TestPronounInAdverbialClause(t *testing.T) {
	checkTable(t, []claimCase{
		{"The port authority said the pier was closed.\n\nPolice shot the gunman after they say talks with him failed.",
			[]want{{"talks with him failed", "Police"}}},
		{"Ana Borg left the house because she says the walls cracked.", []want{{"the walls cracked", "Ana Borg"}}},
		{"The coastguard said two boats sank.\n\nThe fishermen returned to port when they say the wind rose.",
			[]want{{"the wind rose", "fishermen"}}},
		// No agreement, no change: "she" is not the police.
		{"Lena Ortiz said the road was blocked.\n\nPolice closed the road after she said a tree fell.",
			[]want{{"a tree fell", "Lena Ortiz"}}},
	})
}
