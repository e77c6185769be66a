package liveblog

import "testing"

// TestInformedIndianEnglish: "informed" with no object closing the
// sentence, and "informed that", as Indian English reports write them.
func TestInformedIndianEnglish(t *testing.T) {
	checkTable(t, []claimCase{
		{"Rains live\n\nFour relief camps have opened in the valley, a district official informed.",
			[]want{{"Four relief camps have opened", "district official"}}},
		{"Rains live\n\nThe state disaster cell informed that 300 families were moved overnight.",
			[]want{{"300 families were moved", "disaster cell"}}},
		{"Rains live\n\nThe river crossed the danger mark, the collector informed reporters.",
			[]want{{"The river crossed the danger mark", "collector"}}},
	})
}
