package liveblog

import "testing"

// TestLeadInListAndEllipsis: a list under "X gave other details:" is X's,
// item after item, even when an item names another source on the way; an
// ellipsis ends a lead-in as a colon does; the paragraph after the list is
// the writer's again.
func TestLeadInListAndEllipsis(t *testing.T) {
	checkTable(t, []claimCase{
		{"Harbour update\n\nHarbour master Ole Brandt has also confirmed other details:\n" +
			"- The tanker ran aground at 4am\n" +
			"- Two tugs were sent from Varde. Earlier posts had suggested the crew left the ship\n" +
			"- No fuel has leaked so far\n\n" +
			"The harbour stayed open through the night.",
			[]want{{"The tanker ran aground", "Ole Brandt"}, {"Two tugs were sent", "Ole Brandt"}, {"No fuel has leaked", "Ole Brandt"},
				{"The harbour stayed open", ""}}},
		{"Storm update\n\nThe minister chaired a meeting tonight.\n\nRuth Okafor said...\n\nThe rail lines will stay shut until Monday.",
			[]want{{"The rail lines will stay shut", "Ruth Okafor"}}},
	})
}
