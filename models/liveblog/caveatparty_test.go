package liveblog

import "testing"

// TestPartysOwnCheck: "Orvan Relief Mission monitors could not confirm …"
// after the mission's own report is that party's finding about what it
// knows, not the text's caveat, so it flags neither the mission's claims
// nor another speaker's; an outlet saying so stays a caveat.
func TestPartysOwnCheck(t *testing.T) {
	flagged(t, "The Orvan Relief Mission said in a report that 20 villagers died in the shelling.\n\n"+
		"A village elder told reporters at least 35 people were killed.\n\n"+
		"Orvan Relief Mission monitors could not confirm whether all the dead were civilians.",
		map[string]bool{"20 villagers died": false, "35 people were killed": false})
	flagged(t, "The Orvan Relief Mission said in a report that 20 villagers died in the shelling.\n\n"+
		"Reuters could not independently confirm the report.",
		map[string]bool{"20 villagers died": true})
}
