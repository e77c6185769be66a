package liveblog

import "testing"

// TestGroupRefersBack: "The rights group added …" after an organisation
// spoke refers back to it, not to a group of that kind named only later
// in the entry.
func TestGroupRefersBack(t *testing.T) {
	checkTable(t, []claimCase{
		{"Pellan Watch said 12 reporters were held in the capital.\n\nThe rights group added that four of them were hurt.\n\n" +
			"Local rights group Open Doors Harn posted a video of the arrests.",
			[]want{{"four of them were hurt", "Pellan Watch"}}},
	})
}
