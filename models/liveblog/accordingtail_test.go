package liveblog

import "testing"

// TestAccordingSourceEndsAtItsName cuts a day closing the source after
// "according to" and a wire's credit line after its full stop.
func TestAccordingSourceEndsAtItsName(t *testing.T) {
	checkTable(t, []claimCase{
		{"Rebels killed as many as 14 guards in one raid, according to accounts from provincial officials Tuesday.",
			[]want{{"Rebels killed as many as 14 guards", "provincial officials"}}},
		{"More than 9,000 people have also fled, according to the UN. * AFP",
			[]want{{"More than 9,000 people have also fled", "UN"}}},
	})
	for _, c := range checkClaims(t, "Rebels killed as many as 14 guards in one raid, according to accounts from provincial officials Tuesday.") {
		if c.Claimant != "accounts from provincial officials" {
			t.Errorf("claimant %q", c.Claimant)
		}
	}
}
