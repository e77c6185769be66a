package liveblog

import "testing"

// TestClaimsCarriedByDocuments gives a claim made in a party's document to
// that party: "X released a statement saying C", "A report cited this
// statement from X: "C"", and "X claimed to have downed …" (a claim, not
// an act).
func TestClaimsCarriedByDocuments(t *testing.T) {
	checkTable(t, []claimCase{
		{"The Northern Front released a statement saying its fighters destroyed seven trucks.",
			[]want{{"destroyed seven trucks", "Northern Front"}}},
		{"A Kalmar Press report cited this statement from the Northern Front: \"We destroyed seven trucks.\"",
			[]want{{"destroyed seven trucks", "Northern Front"}}},
		{"Rebels claimed to have downed a helicopter with a machine gun.", []want{{"have downed a helicopter", "Rebels"}}},
		// Passives stay without a speaker.
		{"Two people were reported to have been hurt.", []want{{"hurt", ""}}},
		{"The agency issued a stark warning about the floods.", []want{{"floods", ""}}},
	})
}
