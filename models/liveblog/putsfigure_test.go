package liveblog

import "testing"

// TestPutsTheNumberAt: "X puts the number of … at more than N" gives X's
// figure, whichever words qualify the number.
func TestPutsTheNumberAt(t *testing.T) {
	checkTable(t, []claimCase{
		{"The ministry puts the number of people displaced by the storm at more than 9,000.", []want{{"9,000", "ministry"}}},
		{"Local medics put the toll from the blast at close to 70.", []want{{"70", "medics"}}},
	})
}
