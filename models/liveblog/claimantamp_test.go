package liveblog

import "testing"

// TestAmpersandJoinsAName keeps a name joined by "&" whole ("Vell Hospital
// & Medical Center", "Orr & Lind"), rather than taking its second half for
// the speaker.
func TestAmpersandJoinsAName(t *testing.T) {
	checkClaims(t, "Vell Hospital & Medical Center released a statement late Monday saying police had secured the building.",
		want{"police had secured the building", "Vell Hospital & Medical Center"})
	checkClaims(t, "Orr & Lind said the recall covers two batches.", want{"recall covers two batches", "Orr & Lind"})
}
