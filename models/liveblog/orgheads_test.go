package liveblog

import "testing"

// TestOrganisationHeads: rights monitors and campaigns are organisations,
// so "It …" after them refers to them and not to a body named earlier.
func TestOrganisationHeads(t *testing.T) {
	checkTable(t, []claimCase{
		{"The Harn National Guard has sent troops to the coast.\n\nOn Monday, Dalmar Rights Monitor said 300 people were detained.\n\nIt also reported that 40 of them were students.",
			[]want{{"40 of them", "Dalmar Rights Monitor"}}},
		{"The Harn National Guard has sent troops to the coast.\n\nThe Kestrel Freedom Campaign said 300 people were detained.\n\nIt alleged on its website that 40 of them were students.",
			[]want{{"40 of them", "Kestrel Freedom Campaign"}}},
	})
}
