package liveblog

import "testing"

// TestByItsCount reads "By its count, …" as "according to" the body that
// spoke before, and "by" in other uses as nothing.
func TestByItsCount(t *testing.T) {
	checkTable(t, []claimCase{
		{"The coast guard said the raids in the north were repelled. By its count, at least 60 smugglers died, while only two officers were hurt.",
			[]want{{"at least 60 smugglers died", "coast guard"}}},
		{"By the ministry's tally, 300 homes were flooded.", []want{{"300 homes were flooded", "ministry"}}},
		{"The town was taken by their count of votes.", []want{{"The town was taken", ""}}},
	})
}
