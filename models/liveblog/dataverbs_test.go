package liveblog

import "testing"

// TestWhatFiguresAndDescriptionsSay gives figures and information their
// provider as speaker ("Figures released by the ministry show that …",
// "The information provided by officials indicates that …") and reads
// "described X as Y" without quotation marks as a claim about X.
func TestWhatFiguresAndDescriptionsSay(t *testing.T) {
	checkTable(t, []claimCase{
		{"Figures released by the health ministry show that 40 people died.", []want{{"40 people died", "health ministry"}}},
		{"The information provided by the local officials indicates that smugglers cross the border at night.",
			[]want{{"smugglers cross the border", "local officials"}}},
		{"The Kalmar Press agency described the dead as fishermen from the island.",
			[]want{{"the dead as fishermen", "Kalmar Press"}}},
		// No characterisation, no claim.
		{"The mayor described the plan as well as the costs.", []want{{"the plan", ""}}},
	})
}
