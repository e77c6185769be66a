package liveblog

import "testing"

// TestAttributionInsideTheClaim: "The gunmen, police said, belonged to …"
// keeps the claim's subject; an introduction before the speaker does not
// become part of the claim.
func TestAttributionInsideTheClaim(t *testing.T) {
	checkTable(t, []claimCase{
		{"The gunmen, police said, belonged to a banned militia from the hills.", []want{{"The gunmen belonged to a banned militia", "police"}}},
		{"Seven fighters, the army said, were killed overnight near the ridge.", []want{{"Seven fighters were killed overnight", "army"}}},
		{"On Monday, officials said the bridge would reopen within a week.", []want{{"the bridge would reopen", "officials"}}},
	})
}
