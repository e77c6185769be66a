package liveblog

import "testing"

// TestCaveatOnConflictingReports: "the conflicting reports" are every
// side's accounts. Right after the lead, a caveat naming them covers the
// claims of the entry after it too, whoever made them; further down, it
// covers the accounts before it and not what the story adds later.
func TestCaveatOnConflictingReports(t *testing.T) {
	flagged(t, "The navy on Tuesday denied reports that fishermen died in a strike on the port of Varno. A monitoring group said the toll had risen to twelve.\n\n"+
		"Northwire could not confirm the conflicting reports from the port on its own.\n\n"+
		"The group's director said the boats were hit at dawn.\n\n"+
		"A navy spokesman said no civilians were harmed in the raid.",
		map[string]bool{"toll had risen": true, "boats were hit": true, "no civilians were harmed": true})
	flagged(t, "Rebels said they took the ridge on Friday.\n\nThe army said its lines held.\n\nA rebel commander said twenty soldiers surrendered.\n\n"+
		"The contradictory claims could not be independently confirmed.\n\nThe foreign minister said talks would resume in May.",
		map[string]bool{"took the ridge": true, "lines held": true, "twenty soldiers": true, "talks would resume": false})
}
