package liveblog

import "testing"

// TestRarerReportingVerbs finds claims behind the rarer verbs of
// attribution, and not behind the same verbs with a plain object.
func TestRarerReportingVerbs(t *testing.T) {
	checkTable(t, []claimCase{
		{"At least 40 have died this week in the clashes, Northwire tallied from hospital sources.", []want{{"At least 40 have died", "Northwire"}}},
		{"The minister emphasised that the dam was safe.", []want{{"the dam was safe", "minister"}}},
		{"The company conceded that two tanks had leaked.", []want{{"two tanks had leaked", "company"}}},
		{"Asked about the convoy, the spokesman replied that it had turned back.", []want{{"it had turned back", "spokesman"}}},
		{"The union vowed that no ship would be unloaded.", []want{{"no ship would be unloaded", "union"}}},
		{"Residents complained that the water had been cut for three days.", []want{{"the water had been cut", "Residents"}}},
		{"The mayor replied to the letter on Monday.", []want{{"to the letter", ""}}},
		{"The government promised to rebuild the bridge.", []want{{"rebuild the bridge", ""}}},
		{"Officials counted the ballots twice.", []want{{"the ballots twice", ""}}},
	})
}
