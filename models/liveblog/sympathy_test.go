package liveblog

import "testing"

// TestSympathyIsNoClaim: words of sympathy or attention propose no
// candidate, and the speaker still speaks on in the next sentence.
func TestSympathyIsNoClaim(t *testing.T) {
	checkTable(t, []claimCase{
		{"\"Thoughts and prayers to every family waiting tonight,\" Governor Ana Lind said. \"Crews will search the lake again at dawn,\" she added.",
			[]want{{"thoughts and prayers", ""}, {"Crews will search the lake", "Ana Lind"}}},
		{"Mayor Tom Pell said he was deeply saddened by the loss of the ferry crew.", []want{{"deeply saddened", ""}}},
		{"The minister said her thoughts were with the 14 families who lost homes in the slide.", []want{{"14 families", "minister"}}},
	})
}
