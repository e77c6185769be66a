package liveblog

import "testing"

// TestCaptionAttributions reads a caption that attributes what it says as
// that party's claim, not the photographer's; a handout's caption stays
// its credit's.
func TestCaptionAttributions(t *testing.T) {
	cands := checkClaims(t, "Warships lie at anchor in the bay on May 8. According to local media, sailors will parade on Friday. (Photo: Northwire / Ana Borg)",
		want{"sailors will parade on Friday", "local media"})
	for _, c := range cands {
		if c.Rule == rulePhotoCredit {
			t.Errorf("caption proposed as the photographer's: %q by %q", c.Claim, c.Claimant)
		}
	}
	checkClaims(t, "Rescuers carry a survivor from the rubble. (Photo: Civil Rescue Corps / Handout)",
		want{"Rescuers carry a survivor", "Civil Rescue Corps"})
}
