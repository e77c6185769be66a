package liveblog

import "testing"

// TestTimeAdjunctIsNoName keeps "By Thursday, …" out of the names a
// pronoun may stand for, as in a state agency's account of one official.
func TestTimeAdjunctIsNoName(t *testing.T) {
	checkClaims(t, "Zhang Hong said the attacks were premeditated.\n\nBy Thursday, local hospitals had dealt with 531 victims.\n\n\"The forces are not willing to see unity,\" he said.",
		want{"not willing to see unity", "Zhang Hong"})
}
