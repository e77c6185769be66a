package liveblog

import "testing"

// TestWhatSpeakerSaidWas reads a party's characterisation embedded in
// another sentence: "in what the army said was X", "what officials are
// calling X", "a raid that it said was X" (the pronoun is the sentence's
// subject).
func TestWhatSpeakerSaidWas(t *testing.T) {
	checkTable(t, []claimCase{
		{"A video showed bodies in military uniforms in what the government said was a massacre by rebels.",
			[]want{{"massacre by rebels", "government"}}},
		{"Troops shot two men in what the Defense Department claimed was a confrontation near the border.",
			[]want{{"confrontation near the border", "Defense Department"}}},
		{"Millions are battling what some officials are calling the worst floods in a decade.",
			[]want{{"worst floods in a decade", "officials"}}},
		{"Kalmar staged a raid on a camp on Saturday that it said was an attempt to kill the commander.",
			[]want{{"attempt to kill the commander", "Kalmar"}}},
		// Not a characterisation: "what" opening the sentence, a clause
		// without a speaker, a verb that is no statement.
		{"What the mayor said was not recorded.", []want{{"not recorded", ""}}},
		{"The town was hit by what forecasters had not expected.", []want{{"expected", ""}}},
		{"The crowd cheered what the band played was a new song.", []want{{"new song", ""}}},
		// A speaker no one can be asked about, and a party's standing
		// account of its own motive, are background.
		{"Ties soured over what some in the region say is neglect by the capital.", []want{{"neglect by the capital", ""}}},
		{"The rebels fired rockets at the port in what they say is solidarity with the miners.", []want{{"solidarity with the miners", ""}}},
	})
	// Inside another party's claim, both are proposed.
	cands := checkClaims(t, "Police said troops shot two men in what the army claimed was a confrontation near the border.",
		want{"troops shot two men", "Police"})
	found := false
	for _, c := range cands {
		if c.Claimant == "army" || c.Claimant == "the army" {
			found = true
			if c.Claim != "troops shot two men in a confrontation near the border" {
				t.Errorf("army's claim %q", c.Claim)
			}
		}
	}
	if !found {
		t.Errorf("no claim by the army in %s", describe(cands))
	}
}
