package liveblog

import "testing"

// TestAmpersandInName keeps a name joined by "&" whole ("Borg & Sons",
// "St Ann's Hospital & Medical Center") instead of its last part.
func TestAmpersandInName(t *testing.T) {
	checkTable(t, []claimCase{
		{"Borg & Sons said the recall covered 40,000 heaters.",
			[]want{{"the recall covered 40,000 heaters", "Borg & Sons"}}},
		{"Ostra Hospital & Medical Center released a statement late Monday saying the ward had been secured.",
			[]want{{"the ward had been secured", "Ostra Hospital & Medical Center"}}},
	})
}
