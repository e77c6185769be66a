package liveblog

import (
	"strings"
	"testing"
)

// caveatCase is one scope case of the caveat table: a story with a slot
// {C} for the caveat, and which claims any wording of the caveat must flag.
type caveatCase struct {
	name  string
	story string
	forms []string
	want  map[string]bool
}

// runCaveatTable checks every wording of every case.
func runCaveatTable(t *testing.T, cases []caveatCase) {
	t.Helper()
	for _, tc := range cases {
		for _, form := range tc.forms {
			t.Run(tc.name+"/"+form, func(t *testing.T) {
				flagged(t, strings.ReplaceAll(tc.story, "{C}", form), tc.want)
			})
		}
	}
}

// TestCaveatTableWholeStory: a caveat in a paragraph of its own at the end
// of a wire story that names the reports, the claims, the accounts, the
// events or what happened covers every report of the story, whoever made
// it, however the caveat is worded.
func TestCaveatTableWholeStory(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "closing paragraph",
		story: "Rebels said they had taken the depot.\n\nThe army said two soldiers died in the clash.\n\n" +
			"A local official said the coast road was closed.\n\n{C}",
		forms: []string{
			"Reuters could not independently verify the reports.",
			"Reuters could not immediately verify the reports.",
			"Reuters could not independently verify the report.",
			"It was not possible to verify the reports independently.",
			"Northwire was unable to confirm the reports.",
			"Independent verification of the reports was not possible.",
			"The reports have not been independently verified.",
			"AFP was unable to independently verify the accounts.",
			"None of the reports could be independently verified.",
			"The claims could not be independently confirmed.",
			"Reuters was unable to confirm events on the battlefield.",
			"Reuters was incapable of independently verifying the reports.",
			"Northwire could not independently verify what happened.",
			"(Reuters could not independently verify the reports.)",
			"Reuters could not independently verify the reports. The defence ministry did not respond to a request for comment.",
			"Reuters could not independently verify the reports, which came as talks resumed in the capital.",
		},
		want: map[string]bool{"taken the depot": true, "two soldiers died": true, "coast road was closed": true},
	}, {
		name:  "closing sentence of the last paragraph",
		story: "Rebels said they had taken the depot.\n\nThe army said two soldiers died in the clash. {C}",
		forms: []string{
			"Reuters could not independently verify the reports.",
			"None of the accounts could be independently verified.",
		},
		want: map[string]bool{"taken the depot": true, "two soldiers died": true},
	}, {
		name: "report of one source, more after it",
		story: "Four people were killed in the shelling of a village, the regional council said on Wednesday.\n\n" +
			"The council said on its channel that the shelling hit a farm.\n\n{C}\n\n" +
			"Both armies deny targeting civilians.",
		forms: []string{
			"Reuters was not able to independently verify the report.",
			"Northwire could not immediately confirm the report.",
		},
		want: map[string]bool{"Four people were killed": true, "hit a farm": true, "targeting civilians": false},
	}})
}

// TestCaveatTableLead: a caveat in the lead covers what it names and what
// the story goes on to say of the same parties, not another party's claim.
func TestCaveatTableLead(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "neither claim",
		story: "Varland said its forces shot down two drones, and Kestria said it hit a fuel depot. {C}\n\n" +
			"A Varland army spokesman said the drones were launched at dawn.\n\n" +
			"Kestria's defence ministry said the depot burned for hours.",
		forms: []string{
			"Neither claim could be independently verified.",
			"Neither claim could immediately be verified.",
			"Neither account could be verified independently.",
			"It was not possible to independently verify either claim.",
			"Northwire was unable to confirm either claim.",
			"Northwire could not verify either side's claims.",
		},
		want: map[string]bool{"shot down two drones": true, "hit a fuel depot": true, "launched at dawn": true, "burned for hours": true},
	}})
}

// TestCaveatTableParty: a caveat about one party's claims covers that
// party's claims only, before and after it, also when it names the party
// by a common noun ("the group's claim") rather than its name.
func TestCaveatTableParty(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "named party",
		story: "The health ministry said 12 people were killed in the strike. The army said it targeted a weapons store.\n\n{C}\n\n" +
			"The ministry later said three more bodies were found.",
		forms: []string{
			"The ministry's figures could not be independently verified.",
			"Northwire was unable to confirm the ministry's figures.",
			"Figures from the ministry could not be independently verified.",
			"The ministry's claims could not be confirmed.",
			"It was not possible to verify the ministry's toll independently.",
		},
		want: map[string]bool{"12 people were killed": true, "weapons store": false, "three more bodies": true},
	}, {
		name:  "party by a common noun",
		story: "The militant group Al-Shabab said it killed 20 soldiers at the base.\n\nThe army said it repelled the attack.\n\n{C}",
		forms: []string{
			"The group's claim could not be independently verified.",
			"Northwire could not independently verify the group's claim.",
			"The militants' claims could not be independently verified.",
		},
		want: map[string]bool{"killed 20 soldiers": true, "repelled the attack": false},
	}})
}

// TestCaveatTableSubheading: a subheading saying there is no independent
// confirmation is a heading, not a caveat about the next speaker.
func TestCaveatTableSubheading(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "subheading",
		story: "Rebels said they had taken the bridge.\n\n{C}\n\nThe army said the bridge was still held by its troops.",
		forms: []string{"No independent confirmation", "No independent verification", "Claims unverified"},
		want:  map[string]bool{"taken the bridge": false, "still held": false},
	}})
}

// TestCaveatTableFigures: a caveat on the toll or the figures covers the
// claims that give figures, in its paragraph or, on its own, in the story
// before it; a statement without a figure is not covered.
func TestCaveatTableFigures(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "own paragraph",
		story: "The ministry said 40 people were killed. The army said it targeted a command post.\n\n{C}",
		forms: []string{
			"The toll could not be independently verified.",
			"The casualty figures could not be independently verified.",
			"Northwire could not confirm the toll.",
			"These figures could not be independently verified.",
			"Northwire could not verify the number of people injured.",
			"The number of casualties could not be independently confirmed.",
		},
		want: map[string]bool{"40 people were killed": true, "targeted a command post": false},
	}})
}

// TestCaveatTableTail: a closing clause after a claim flags that claim and
// not the next one.
func TestCaveatTableTail(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "tail",
		story: "Rebels said they had taken the bridge{C} The army said its troops held the river bank.",
		forms: []string{
			", a claim that could not be independently verified.",
			", claims that could not be confirmed.",
			", though this could not be verified.",
			" (this could not be verified).",
			", but the claim remained unconfirmed.",
			", which has not been independently verified.",
			", something Northwire could not independently verify.",
			", an account that could not be confirmed.",
			" — a claim that could not be independently verified.",
		},
		want: map[string]bool{"taken the bridge": true, "river bank": false},
	}, {
		name:  "tail naming the speaker",
		story: "Twenty people died in the shelling, according to the regional council{C} The army said its troops held the river bank.",
		forms: []string{
			", whose figures could not be independently verified.",
			", whose claims could not be independently verified.",
		},
		want: map[string]bool{"Twenty people died": true, "river bank": false},
	}, {
		name:  "tail after a quotation",
		story: "A military spokesman told a news conference that \"47 fighters were killed overnight\"{C}\n\nThe governor said the roads were open.",
		forms: []string{
			", the claim, however, remained unconfirmed.",
			", a claim that could not be independently verified.",
		},
		want: map[string]bool{"47 fighters were killed": true, "roads were open": false},
	}, {
		name:  "tail after a comma inside the quotation",
		story: "A military spokesman told a news conference that “47 fighters were killed overnight,{C}\n\nThe governor said the roads were open.",
		forms: []string{
			"” the claim, however, remained unconfirmed.",
			"” a claim that could not be independently verified.",
		},
		want: map[string]bool{"47 fighters were killed": true, "roads were open": false},
	}})
}

// TestCaveatTableMedia: a caveat on a picture or a video covers a claim
// made in it, and the claims before it of the party that posted it, but
// not claims the picture only illustrates or that come after it.
func TestCaveatTableMedia(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "posted by the claimant",
		story: "The rebels said they had shot down an army helicopter near the capital.\n\n" +
			"The rebels posted a video of the helicopter falling. {C}\n\nThe army said it had lost no aircraft.",
		forms: []string{
			"The video could not be independently verified.",
			"The footage could not be verified.",
			"Northwire could not verify the footage.",
			"AFP was unable to immediately verify the video.",
		},
		want: map[string]bool{"shot down an army helicopter": true, "lost no aircraft": false},
	}, {
		name: "said in the video",
		story: "Police said the checkpoint was quiet.\n\nIn a video posted online, fighters are seen running across a square.\n\n" +
			"\"We are taking the base,\" a man says from behind the camera.\n\n{C}",
		forms: []string{
			"The video could not be independently verified.",
			"The video, apparently filmed in the town, could not immediately be verified.",
			"Northwire could not verify the footage.",
		},
		want: map[string]bool{"checkpoint was quiet": false, "taking the base": true},
	}, {
		name: "attached to a statement",
		story: "Police fired at the crowd, the rights group said in a Twitter post.\n\n" +
			"The tweet was accompanied by a video of people running. {C}\n\nThe governor said the city was calm.",
		forms: []string{
			"AFP was unable to immediately verify the footage.",
			"The video could not be independently verified.",
		},
		want: map[string]bool{"fired at the crowd": true, "city was calm": false},
	}, {
		name: "illustration only",
		story: "Officials said five people died in the flood.\n\nA video shared online showed cars swept along a street. {C}\n\n" +
			"Activists said the dam had been left open.",
		forms: []string{
			"The footage could not be independently verified.",
			"Northwire could not verify the video.",
		},
		want: map[string]bool{"five people died": false, "dam had been left open": false},
	}, {
		name: "posted by a party that speaks after it",
		story: "In a video posted by activists online, a helicopter is seen falling over the district. {C}\n\n" +
			"Activists said the helicopter had been attacking the district.",
		forms: []string{
			"The video could not be independently verified.",
			"Northwire could not verify the footage.",
		},
		want: map[string]bool{"attacking the district": false},
	}})
}

// TestCaveatTableGerman reads German caveats with the same scope.
func TestCaveatTableGerman(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "German",
		story: "Das Gesundheitsministerium teilte mit, dass 40 Menschen getötet worden seien. {C}\n\nDie Polizei sagte, die Straßen seien wieder frei.",
		forms: []string{
			"Die Angaben ließen sich nicht unabhängig überprüfen.",
			"Die Angaben konnten nicht unabhängig bestätigt werden.",
			"Das ließ sich zunächst nicht unabhängig überprüfen.",
			"Die Angaben wurden bislang nicht unabhängig bestätigt.",
			"Unabhängig überprüfen ließen sich die Angaben nicht.",
		},
		want: map[string]bool{"40 Menschen": true, "Straßen seien wieder frei": false},
	}})
}

// TestCaveatTableMoreWordings: wordings of wire copy beyond "could not be
// independently verified", each a caveat on the claim before it, and
// "no immediate confirmation by the coalition" (a party has not
// confirmed) none.
func TestCaveatTableMoreWordings(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "English",
		story: "Rebels said they had shot down a jet near the border. {C}\n\nThe weather office said rain was expected.",
		forms: []string{
			"There was no immediate way to verify the claim.",
			"Verification of the claim was not possible.",
			"Such claims are difficult to verify.",
			"The claim is hard to verify independently.",
			"Reuters was not immediately able to verify the claim.",
			"Neither side's claims could be independently verified.",
			"The claim could not immediately be independently verified.",
			"This could not be independently verified.",
		},
		want: map[string]bool{"shot down a jet": true, "rain was expected": false},
	}, {
		name:  "German",
		story: "Ein Sprecher der Rebellen sagte, sie hätten einen Kampfjet abgeschossen. {C}\n\nDer Wetterdienst sagte, es werde regnen.",
		forms: []string{
			"Die Angaben konnten nicht überprüft werden.",
			"Die Angaben sind nicht unabhängig überprüfbar.",
			"Eine unabhängige Überprüfung der Angaben war nicht möglich.",
			"Das konnte zunächst nicht bestätigt werden.",
		},
		want: map[string]bool{"Kampfjet abgeschossen": true, "es werde regnen": false},
	}, {
		name:  "a party has not confirmed",
		story: "The monitor said an air strike killed 11 civilians.\n\n{C}\n\nThe governor said the roads were open.",
		forms: []string{
			"There was no immediate confirmation by the coalition of the strike.",
			"There has been no confirmation from the army.",
		},
		want: map[string]bool{"killed 11 civilians": false, "roads were open": false},
	}, {
		name:  "the video's authenticity",
		story: "Officials said five people died in the flood.\n\nA video shared online showed cars swept along a street. {C}",
		forms: []string{
			"The video's authenticity could not be independently verified.",
			"The footage's origin could not be confirmed.",
		},
		want: map[string]bool{"five people died": false},
	}})
}
