package liveblog

import "testing"

// TestNameOfficeAndBody reads "Name, Title, Body," before a verb as the
// person, not the body, so "He said" after it is that person too.
func TestNameOfficeAndBody(t *testing.T) {
	text := "The navy's spokesman said the report was untrue.\n\n" +
		"Speaking on Sunday, Commodore Ivo Marek, Director, Naval Public Relations, explained that sailors had gone to help the village.\n\n" +
		"He said: \"It was not our boats that were hit.\""
	checkClaims(t, text, want{"sailors had gone to help the village", "Ivo Marek"}, want{"It was not our boats that were hit", "Ivo Marek"})
	checkTable(t, []claimCase{
		{"Ana Borg, Mayor, Ostra City Council, said the roads were open.",
			[]want{{"the roads were open", "Ana Borg"}}},
	})
}
