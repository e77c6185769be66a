package liveblog

import "testing"

// TestSaidByTelephone: "he said by satellite telephone" is a channel, not
// the passive participle of "confirmed by the port authority".
func TestSaidByTelephone(t *testing.T) {
	checkTable(t, []claimCase{
		{`"We took the town," he said by satellite telephone from an undisclosed location.`, []want{{"We took the town", "he"}}},
		{`"The road is cut," the mayor said by phone.`, []want{{"The road is cut", "mayor"}}},
		{"Photos confirmed by the port authority showed the damage.", []want{{"showed the damage", ""}}},
	})
	c := checkClaims(t, `"The road is cut," the mayor said by phone.`)
	if len(c) == 1 && c[0].Channel != "by phone" {
		t.Errorf("channel %q, want \"by phone\"", c[0].Channel)
	}
}
