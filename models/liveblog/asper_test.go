package liveblog

import "testing"

// TestAsPer reads Indian English "as per X" as "according to X" when X is
// a source (a name, officials, reports), not a rule ("as per the norms").
func TestAsPer(t *testing.T) {
	checkTable(t, []claimCase{
		{"Heavy rain is expected to lash Delhi on Wednesday, as per the India Meteorological Department (IMD).",
			[]want{{"Heavy rain is expected to lash Delhi", "India Meteorological Department"}}},
		{"As per officials, 40 people were rescued from the debris.", []want{{"40 people were rescued", "officials"}}},
		{"The shops were closed at 10 pm as per the norms.", []want{{"shops were closed", ""}}},
	})
}
