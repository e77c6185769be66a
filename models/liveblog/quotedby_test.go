package liveblog

import "testing"

// TestQuotedByAgentAndProgressive: "X was quoted by an agency as saying"
// gives X, relayed by the agency; "is now reporting that" is a report of
// its subject like "is reporting that".
func TestQuotedByAgentAndProgressive(t *testing.T) {
	c := checkClaims(t, "Ana Diaz, the district police chief, was quoted by news agency Lumo as saying: “The search ended at noon.”",
		want{"The search ended at noon", "Ana Diaz"})
	if len(c) == 1 && c[0].Via != "news agency Lumo quoted" {
		t.Errorf("via %q, want the agency", c[0].Via)
	}
	checkTable(t, []claimCase{
		{"Radio Kerr is now reporting that 40 people died in the blast.", []want{{"40 people died in the blast", "Radio Kerr"}}},
		{"Local officials are also saying that the bridge will reopen on Friday.", []want{{"the bridge will reopen", "officials"}}},
		{"PTI quoted Ana Diaz as saying the road was open.", []want{{"the road was open", "Ana Diaz"}}},
	})
}
