package liveblog

import "testing"

// TestNoSpeaker keeps subjects that deny there is a speaker, passives and
// pictures out of the claimants, and credits a picture to the party that
// released or confirmed it.
func TestNoSpeaker(t *testing.T) {
	checkTable(t, []claimCase{
		{"No group has claimed the bombing but the interior minister said the attackers were known to police.",
			[]want{{"the attackers were known to police", "interior minister"}, {"the bombing", ""}}},
		{"No one has claimed responsibility for the two blasts yet but the defence minister, Ana Borg, said those behind them were known.",
			[]want{{"those behind them were known", "Ana Borg"}, {"responsible", ""}}},
		{"There were two blasts, with three people reported to have been injured at the depot.", []want{{"two blasts", ""}}},
		{"Photos confirmed by the port authority showed cranes toppled onto the quay.", []want{{"cranes toppled", "port authority"}}},
		{"Satellite images released by the space agency showed the bridge had collapsed.", []want{{"the bridge had collapsed", "space agency"}}},
		{"Officials from all but two districts said the roads were open.", []want{{"the roads were open", "Officials"}}},
	})
}

// TestBackReferencesToSpeakers resolves "it" past an outlet that only
// relayed, "he" past a building's name, and "the statement" to the body
// that issued it.
func TestBackReferencesToSpeakers(t *testing.T) {
	checkTable(t, []claimCase{
		{"The navy said 12 sailors were hurt, Radio Kalmar reported. It said in a statement that the fire was under control.",
			[]want{{"the fire was under control", "navy"}}},
		{"Tom Reyes lost his brother at the Harbour Hotel in Vell.\n\n\"I am devastated,\" he said.", []want{{"I am devastated", "Tom Reyes"}}},
		{`"The strikes hit only depots," the defence ministry said. "No civilians were harmed," the statement added.`,
			[]want{{"The strikes hit only depots", "defence ministry"}, {"No civilians were harmed", "defence ministry"}}},
		{`"We are moving the cattle," said Imran Qureshi. The statement said 11 camps were set up.`,
			[]want{{"11 camps were set up", "statement"}}},
	})
}

// TestLongAppositives keeps the name before a long description as the
// speaker, also when the description ends with a place's name.
func TestLongAppositives(t *testing.T) {
	checkTable(t, []claimCase{
		{"Lena Ortiz, a nurse based in the northern town of Ravel, said doctors feared a second wave of patients.", []want{{"second wave", "Lena Ortiz"}}},
		{`Mark Obi, a former envoy to the EU with ties to the opposition, told the radio that the figures were "a fiction".`, []want{{"a fiction", "Mark Obi"}}},
		{"Tomi Sova, a journalist based in the country's capital, Halverston, said officials expected the toll to climb much higher.", []want{{"the toll to climb much higher", "Tomi Sova"}}},
		{"The port operator, Piet Vermaas, said the cranes were down.", []want{{"the cranes were down", "Piet Vermaas"}}},
	})
}

// TestParticiplesAndNouns reads verb forms that are participles or nouns
// ("in a video posted on …", "propaganda claims", "No official source has
// yet confirmed") as no attribution, and a day between speaker and verb as
// no speaker.
func TestParticiplesAndNouns(t *testing.T) {
	checkTable(t, []claimCase{
		{"Ana Borg claimed the town had fallen, in a video posted on the group's channel on Tuesday.",
			[]want{{"the town had fallen", "Ana Borg"}}},
		{"The group often mixes real footage with propaganda claims.", []want{{"real footage", ""}}},
		{"No official source has yet confirmed the deaths.", []want{{"the deaths", ""}}},
		{"A separate statement Friday said one soldier was killed.", []want{{"one soldier was killed", "statement"}}},
		{`"On May 28 the strike hit the command post," the statement said.`, []want{{"the strike hit the command post", "statement"}}},
		{"The hardest hit area was the port, the Post reports.", []want{{"The hardest hit area", "Post"}}},
	})
	for _, c := range checkClaims(t, "Ana Borg claimed the town had fallen, in a video posted on the group's channel on Tuesday.") {
		if c.Claimant != "Ana Borg" {
			t.Errorf("claim %q by %q", c.Claim, c.Claimant)
		}
	}
}
