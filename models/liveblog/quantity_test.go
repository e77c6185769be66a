package liveblog

import "testing"

// TestQuantityIsNoAside: "at least three civilians …" before ", said X" is
// the claim, not an aside opened by the preposition "at".
func TestQuantityIsNoAside(t *testing.T) {
	checkTable(t, []claimCase{
		{"In a separate attack in the east, at least three civilians were killed by rebels, said Ana Diaz, spokeswoman for the police.",
			[]want{{"three civilians were killed by rebels", "Ana Diaz"}}},
		{"At most 40 homes were damaged, said the fire chief.", []want{{"40 homes were damaged", "fire chief"}}},
	})
}
