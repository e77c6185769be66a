package liveblog

import "testing"

// TestHeIsTheSurnameThatSpokeLast resolves "he" to a person who spoke by
// his surname alone, first or last word of the full name given before,
// rather than to a name that stood in passing after that full name.
func TestHeIsTheSurnameThatSpokeLast(t *testing.T) {
	checkTable(t, []claimCase{
		{"Colonel Zhao Ming, the navy's spokesman, made the remarks in response to questions about photos taken by the Velder Republic, which show aircraft and ten ships traveling in formation.\n\n" +
			"\"The drill is routine,\" Zhao said at a news conference.\n\n" +
			"He stressed that the navy's plans were defensive in nature.",
			[]want{{"the navy's plans were defensive", "Zhao"}}},
		{"Captain Ana Borg, the port's harbour master, made the remarks about photos taken by the Velder Republic, which show ships waiting at the mouth of the channel.\n\n" +
			"\"The channel is clear,\" Borg said on Monday.\n\n" +
			"She added that the pilots had resumed work.",
			[]want{{"the pilots had resumed work", "Borg"}}},
	})
}

// TestItIsTheBodyOfTheSentenceBefore resolves "It" to the subject of the
// sentence before when that sentence said nothing anyone claimed and its
// subject is a body: a country or organisation, or a description headed by
// an organisation word; a subject that is no body leaves "It" alone.
func TestItIsTheBodyOfTheSentenceBefore(t *testing.T) {
	checkTable(t, []claimCase{
		{"Vellia did not immediately comment on the raid. It has acknowledged carrying out two other raids since Monday.",
			[]want{{"carrying out two other raids", "Vellia"}}},
		{"After the storm passed at midnight, the weather office lowered its warning. It later said in a post that the storm was weakening.",
			[]want{{"the storm was weakening", "weather office"}}},
	})
	cands := checkClaims(t, "The fire spread along the ridge overnight. It said in a post that the town was safe.")
	for _, c := range cands {
		if c.Claimant != "It" {
			t.Errorf("a fire cannot speak: claim %q by %q", c.Claim, c.Claimant)
		}
	}
}
