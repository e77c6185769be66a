package liveblog

import (
	"strings"
	"testing"
)

// find returns the candidate whose claim contains claim, or fails.
func find(t *testing.T, cands []Candidate, claim string) Candidate {
	t.Helper()
	for _, c := range cands {
		if strings.Contains(strings.ToLower(c.Claim), strings.ToLower(claim)) {
			return c
		}
	}
	t.Fatalf("no candidate with claim %q in %+v", claim, cands)
	return Candidate{}
}

// TestAttributionPatterns covers each attribution pattern the extractor
// promises, with the attribution data it should report.
func TestAttributionPatterns(t *testing.T) {
	tests := []struct {
		name, text      string
		claim, claimant string
		verb, channel   string
		via             string
		direct          bool
		wantCount       int // 0: not checked
	}{
		{name: "S said that C", text: "The mayor, Ana Lind, said that the bridge was closed.",
			claim: "the bridge was closed", claimant: "Ana Lind", verb: "said"},
		{name: "S said C", text: "Police said two men had been arrested.",
			claim: "two men had been arrested", claimant: "Police", verb: "said"},
		{name: "C, S said", text: "Two men have been arrested, police said on Tuesday.",
			claim: "Two men have been arrested", claimant: "police", verb: "said"},
		{name: "C, says S", text: "The bridge will reopen on Friday, says the transport authority.",
			claim: "The bridge will reopen on Friday", claimant: "transport authority", verb: "says"},
		{name: "According to S, C", text: "According to the coast guard, three boats capsized.",
			claim: "three boats capsized", claimant: "coast guard", verb: "according to"},
		{name: "C, according to S", text: "Russian troops entered the town, according to Russian sources.",
			claim: "Russian troops entered the town", claimant: "Russian sources", channel: "according to Russian sources"},
		{name: "S told O that C", text: "Health minister Jon Berg told reporters that 40 beds were free.",
			claim: "40 beds were free", claimant: "Jon Berg", verb: "told", channel: "told reporters"},
		{name: "S told O C", text: "A spokeswoman told the news agency NPA the talks had failed.",
			claim: "the talks had failed", claimant: "spokeswoman", channel: "told the news agency NPA"},
		{name: "S claimed in a statement that C", text: "The rebel group claimed in a statement that it had shot down a helicopter.",
			claim: "it had shot down a helicopter", claimant: "rebel group", verb: "claimed", channel: "in a statement"},
		{name: "said on Telegram", text: "The regional governor said on Telegram that a drone had hit a school.",
			claim: "a drone had hit a school", claimant: "governor", channel: "on Telegram"},
		{name: "quote, speaker after", text: `"We will rebuild every house," Mayor Tom Reyes said.`,
			claim: "We will rebuild every house", claimant: "Tom Reyes", direct: true},
		{name: "quote, inverted speaker", text: `"We will rebuild every house," said Mayor Tom Reyes.`,
			claim: "We will rebuild every house", claimant: "Tom Reyes", direct: true},
		{name: "quote, speaker before with colon", text: `The minister said: "Nobody will be left behind."`,
			claim: "Nobody will be left behind", claimant: "minister", direct: true},
		{name: "split quote", text: `"The dam is safe," the engineer said, "and the water is falling."`,
			claim: "The dam is safe, and the water is falling", claimant: "engineer", direct: true},
		{name: "S accused O of C", text: "The opposition accused the government of hiding the death toll.",
			claim: "the government hiding the death toll", claimant: "opposition", verb: "accused"},
		{name: "S denied that C", text: "The army denied that its soldiers had fired on protesters.",
			claim: "its soldiers had not fired on protesters", claimant: "army", verb: "denied"},
		{name: "S rejected claims that C", text: "The ministry rejected claims that it had ignored warnings.",
			claim: "it had not ignored warnings", claimant: "ministry", verb: "rejected"},
		{name: "relayed report", text: "The Kremlin said talks would resume next week, Reuters reported.",
			claim: "talks would resume next week", claimant: "Kremlin", via: "Reuters reported"},
		{name: "relayed with citing", text: "Explosions were heard near the airport, the agency reported, citing witnesses.",
			claim: "Explosions were heard near the airport", claimant: "agency", channel: "citing witnesses"},
		{name: "relayed citing a named source", text: "Explosions were heard near the airport, the agency reported, citing police chief Ana Diaz.",
			claim: "Explosions were heard near the airport", claimant: "Ana Diaz", via: "the agency reported"},
		{name: "quoted by", text: "Defence minister Ola Dahl, quoted by state television, said the border was calm.",
			claim: "the border was calm", claimant: "Ola Dahl", via: "quoted by state television"},
		{name: "adding that", text: "Officials said the fire was contained, adding that no homes had been lost.",
			claim: "no homes had been lost", claimant: "Officials", verb: "added"},
		{name: "put at", text: "The health ministry put the death toll at 31.",
			claim: "the death toll at 31", claimant: "health ministry", verb: "put"},
		{name: "anonymous source", text: `"We are out of blood," a nurse told our reporter, asking not to be named.`,
			claim: "We are out of blood", claimant: "a nurse", channel: "told our reporter", direct: true},
		{name: "quantity is not an introduction", text: "At least 12 people were killed, the health ministry in Gaza said.",
			claim: "At least 12 people were killed", claimant: "health ministry", verb: "said"},
		{name: "number with comma in an aside", text: "The company, which employs 3,000 people, said it would appeal the ruling.",
			claim: "it would appeal the ruling", claimant: "the company", verb: "said"},
		{name: "channel in the introduction", text: "Speaking to reporters in Brussels, NATO Secretary General Mark Rutte said the alliance stood united.",
			claim: "the alliance stood united", claimant: "Mark Rutte", channel: "Speaking to reporters"},
		{name: "semicolon between two accounts", text: "Israel says it targeted militants; Palestinian health officials say most of the dead were civilians.",
			claim: "most of the dead were civilians", claimant: "Palestinian health officials", verb: "say"},
		{name: "relative clause", text: "The mayor, who said last week that the town was safe, resigned on Monday.",
			claim: "the town was safe", claimant: "the mayor", verb: "said"},
		{name: "channel in an aside", text: "Zelensky, in his nightly video address, said Ukraine needed more air defence.",
			claim: "Ukraine needed more air defence", claimant: "Zelensky", channel: "in his nightly video address"},
		{name: "said nothing of substance", text: "The army has said little about its losses.", wantCount: -1},
		{name: "confirmed a reference", text: "The governor's office later confirmed the figure.", wantCount: -1},
		{name: "no attribution", text: "The river rose by two metres overnight. Roads were closed.", wantCount: -1},
		{name: "reports as noun", text: "There are no reports of damage so far.", wantCount: -1},
		{name: "passive is not a report", text: "No casualties were reported in the town.", wantCount: -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := Extract(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			if tc.wantCount < 0 {
				if len(cands) != 0 {
					t.Fatalf("want no candidates, got %+v", cands)
				}
				return
			}
			c := find(t, cands, tc.claim)
			if !strings.Contains(strings.ToLower(c.Claimant), strings.ToLower(tc.claimant)) {
				t.Errorf("claimant %q, want it to contain %q", c.Claimant, tc.claimant)
			}
			if tc.verb != "" && c.Verb != tc.verb {
				t.Errorf("verb %q, want %q", c.Verb, tc.verb)
			}
			if tc.channel != "" && c.Channel != tc.channel {
				t.Errorf("channel %q, want %q", c.Channel, tc.channel)
			}
			if tc.via != "" && c.Via != tc.via {
				t.Errorf("via %q, want %q", c.Via, tc.via)
			}
			if c.Direct != tc.direct {
				t.Errorf("direct %v, want %v", c.Direct, tc.direct)
			}
		})
	}
}

// TestSpeakerResolution checks that surnames, roles and pronouns become the
// fullest name the entry gives, also when the name comes later.
func TestSpeakerResolution(t *testing.T) {
	tests := []struct{ name, text, claim, claimant string }{
		{"surname", "Marta Kellner, who heads the agency, said nine people died. Three are missing, Kellner said.",
			"Three are missing", "Marta Kellner"},
		{"pronoun he", "Mayor Tom Reyes said the water had peaked. He said schools would reopen on Monday.",
			"schools would reopen", "Tom Reyes"},
		{"pronoun she after quote", `"We need boats," said Ana Borg, a rescue coordinator. "We need them now," she added.`,
			"We need them now", "Ana Borg"},
		{"its commander", "The Civil Rescue Corps said 40 people were saved. Its commander told the radio that many more were trapped.",
			"many more were trapped", "Civil Rescue Corps"},
		{"role, name later", "The governor said two women were killed in the shelling. Governor Vyacheslav Gladkov later posted a video of the damage.",
			"two women were killed", "Vyacheslav Gladkov"},
		{"pronoun, name later", "He said the talks had collapsed. Union leader Piet Jansen walked out of the meeting at noon.",
			"the talks had collapsed", "Piet Jansen"},
		{"the company", "Greyline Terminals has 400 workers. The company said it had offered a pay rise.",
			"offered a pay rise", "Greyline Terminals"},
		{"quote-only paragraph", "The mayor, Ilse Baumann, said the town was cut off.\n\n\"We have no power and no water.\"",
			"We have no power", "Ilse Baumann"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cands, err := Extract(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			c := find(t, cands, tc.claim)
			if !strings.Contains(c.Claimant, tc.claimant) {
				t.Errorf("claimant %q, want %q", c.Claimant, tc.claimant)
			}
		})
	}
}

// TestCaptionClaim checks that a credited photo caption is a claim by the
// credited source.
func TestCaptionClaim(t *testing.T) {
	text := "Quake live\n\nPhoto: Rescuers search a collapsed house in Vellamar. Photo: Civil Rescue Corps / Handout\n\n19:40 – Rescue goes on\n\nTeams are still searching."
	cands, err := Extract(text)
	if err != nil {
		t.Fatal(err)
	}
	c := find(t, cands, "Rescuers search a collapsed house")
	if c.Claimant != "Civil Rescue Corps" || c.EntryIndex != -1 {
		t.Errorf("got %+v", c)
	}
}
