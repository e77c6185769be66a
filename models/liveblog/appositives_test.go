package liveblog

import "testing"

// TestSpeakersBehindDescriptions finds the speaker behind what describes
// it: an appositive opened by "another", "also a" or "herself a"; a name
// given by "a group called …"; the antecedent of ", who say" after "comment
// from" or "according to"; and a bare "claimed responsibility." after an
// appositive.
func TestSpeakersBehindDescriptions(t *testing.T) {
	checkTable(t, []claimCase{
		{"Lena Ortiz, another resident, said her flat had been spared.", []want{{"her flat had been spared", "Lena Ortiz"}}},
		{"Lena Ortiz, also a resident, said her flat had been spared.", []want{{"her flat had been spared", "Lena Ortiz"}}},
		{"Ivo Marsh, 45, a baker, said his shop was destroyed.", []want{{"his shop was destroyed", "Ivo Marsh"}}},
		{"A little-known group called Harbour Front claimed responsibility for the blast.",
			[]want{{"responsible for the blast", "Harbour Front"}}},
		{"The Harbour Front, a breakaway faction of the Northern Front, claimed responsibility.",
			[]want{{"was responsible", "Harbour Front"}}},
		{"There was no immediate comment from the port authorities, who say smugglers have used the pier for years.",
			[]want{{"smugglers have used the pier", "port authorities"}}},
		{"The ferry was hit by a wave, according to the crew, who say the captain was not on the bridge.",
			[]want{{"captain was not on the bridge", "crew"}}},
		// Still no speaker: "called" with its object, "responsibility" for nothing.
		{"The minister called Borg a liar on Friday.", []want{{"liar", ""}}},
		{"The council took responsibility for the repairs.", []want{{"repairs", ""}}},
	})
}

// TestDescriptionSkipsNamesInItsAside resolves "the group" to the
// organisation named before, not to a name inside the relative clause
// that describes it.
func TestDescriptionSkipsNamesInItsAside(t *testing.T) {
	checkTable(t, []claimCase{
		{"The Northern Front attacked the base on Friday.\n\nThe group, which is close to Ivo Marsh, said it took over the base.",
			[]want{{"it took over the base", "Northern Front"}}},
		{"The Northern Front attacked the base on Friday.\n\nThe group, which is aligned with the Eastern Front, said it took over the base.",
			[]want{{"it took over the base", "Northern Front"}}},
	})
}

// TestChannelOfAMessage moves "in a WhatsApp message to …" from the claim
// to the channel.
func TestChannelOfAMessage(t *testing.T) {
	for _, c := range checkClaims(t, "Harbour Front claimed responsibility for the blast in a WhatsApp message to reporters.",
		want{"responsible for the blast", "Harbour Front"}) {
		if c.Claim != "Harbour Front was responsible for the blast" || c.Channel == "" {
			t.Errorf("claim %q, channel %q: the message is the channel", c.Claim, c.Channel)
		}
	}
}
