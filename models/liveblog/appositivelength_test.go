package liveblog

import "testing"

// TestInvertedSpeakerWithLongOffice keeps a speaker after "said" whose
// office runs past ten words ("…, head of the Borland Observatory for Civil
// Liberties"), and names the person, not the place a second appositive
// describes.
func TestInvertedSpeakerWithLongOffice(t *testing.T) {
	checkTable(t, []claimCase{
		{`"Two rockets hit the depot," said Mira Koval, head of the Borland Observatory for Civil Liberties and Human Rights.`,
			[]want{{"Two rockets hit the depot", "Mira Koval"}}},
		{`"The bridge is closed," said Jon Arby, chairman of the district council and the mayor's younger brother.`,
			[]want{{"The bridge is closed", "Jon Arby"}}},
		{`"The water rose in minutes," said Lea Sund, a farmer from Ostby, a village on the northern bank of the river.`,
			[]want{{"The water rose in minutes", "Lea Sund"}}},
	})
	cands := checkClaims(t, `"Two rockets hit the depot," said Mira Koval, head of the Borland Observatory for Civil Liberties and Human Rights.`)
	if len(cands) != 1 || cands[0].Rule != ruleClaimVerbSpeaker {
		t.Errorf("rule: got %s", describe(cands))
	}
}
