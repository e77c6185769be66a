package liveblog

import "testing"

// TestSecondSpeakerAfterContrast: "While S1 confirmed C1, S2 reports C2"
// and "S1 say C1, although S2 say C2" give each speaker its own claim.
func TestSecondSpeakerAfterContrast(t *testing.T) {
	checkTable(t, []claimCase{
		{"Flood live\n\nWhile a police officer confirmed that two people drowned in Arlo, the Valley Post reports that four people drowned.",
			[]want{{"two people drowned in Arlo", "police officer"}, {"four people drowned", "Valley Post"}}},
		{"Flood live\n\nDistrict officials say 300 homes were flooded, although residents say the figure is far higher.",
			[]want{{"300 homes were flooded", "District officials"}, {"the figure is far higher", "residents"}}},
	})
	c := checkClaims(t, "Flood live\n\nDistrict officials say 300 homes were flooded, although residents say the figure is far higher.")
	for _, x := range c {
		if x.Claimant == "District officials" && x.Claim != "300 homes were flooded" {
			t.Errorf("officials' claim %q runs into the residents' words", x.Claim)
		}
	}
}
