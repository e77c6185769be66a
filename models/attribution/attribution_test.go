package attribution

import "testing"

func TestLine(t *testing.T) {
	const unv = " The claim has not yet been independently verified."
	cases := []struct {
		name string
		c    Claim
		want string
	}{
		// Articles for institutions.
		{"ministry takes the", Claim{Name: "Russian Defense Ministry", Kind: "military", Text: "Two drones were shot down"},
			"According to the Russian Defense Ministry, two drones were shot down." + unv},
		{"ministry guessed as a person still takes the", Claim{Name: "Civil Rescue Corps", Kind: "person", Text: "140 people were pulled from the rubble"},
			"According to the Civil Rescue Corps, 140 people were pulled from the rubble." + unv},
		{"ministry of", Claim{Name: "Ministry of Defence", Kind: "government", Text: "Troops withdrew"},
			"According to the Ministry of Defence, troops withdrew." + unv},
		{"capital The lowered", Claim{Name: "The interior ministry", Text: "The quake had a magnitude of 7.1"},
			"According to the interior ministry, the quake had a magnitude of 7.1." + unv},
		{"lowercase the kept", Claim{Name: "the national seismological institute", Text: "the magnitude was 6.9"},
			"According to the national seismological institute, the magnitude was 6.9." + unv},
		{"publication keeps The", Claim{Name: "The New York Times", Kind: "media", Text: "Officials confirmed the deal"},
			"According to The New York Times, officials confirmed the deal." + unv},
		{"brand takes none", Claim{Name: "Reuters", Kind: "media", Text: "Shipping resumed"},
			"According to Reuters, shipping resumed." + unv},
		{"acronym takes none", Claim{Name: "NATO", Kind: "military", Text: "Jets were scrambled"},
			"According to NATO, jets were scrambled." + unv},
		{"person takes none", Claim{Name: "Carmen Ruiz", Kind: "person", Text: "The first army units arrived only six hours after the quake"},
			"According to Carmen Ruiz, the first army units arrived only six hours after the quake." + unv},
		{"anonymous with article", Claim{Name: "a doctor at the regional hospital", Kind: "anonymous", Text: "Patients are treated in the car park"},
			"According to a doctor at the regional hospital, patients are treated in the car park." + unv},
		{"possessive takes none", Claim{Name: "London's daily intelligence update", Kind: "intelligence", Text: "Army commanders lack reserves"},
			"According to London's daily intelligence update, army commanders lack reserves." + unv},
		{"possessive management", Claim{Name: "the hospital's management", Text: "All patients were receiving care"},
			"According to the hospital's management, all patients were receiving care." + unv},
		{"title as name", Claim{Name: "Governor of Smolensk", Kind: "government", Text: "A drone hit an oil depot"},
			"According to the governor of Smolensk, a drone hit an oil depot." + unv},
		{"two-word title", Claim{Name: "Prime Minister of Israel", Text: "Talks will continue"},
			"According to the prime minister of Israel, talks will continue." + unv},
		{"title before a person's name stays", Claim{Name: "Governor Vyacheslav Gladkov", Kind: "person", Text: "Two women were killed"},
			"According to Governor Vyacheslav Gladkov, two women were killed." + unv},
		{"militia", Claim{Name: "People's militia", Kind: "armed group", Text: "Russian forces killed two civilians"},
			"According to People's militia, Russian forces killed two civilians." + unv},
		{"party", Claim{Name: "Labour Party", Text: "Turnout was high"},
			"According to the Labour Party, turnout was high." + unv},
		{"lower-case description takes the", Claim{Name: "national rail operator", Text: "Rail services were suspended"},
			"According to the national rail operator, rail services were suspended." + unv},
		{"nobody lowered", Claim{Name: "Ana Borg", Text: "Nobody here wants a long strike"},
			"According to Ana Borg, nobody here wants a long strike." + unv},
		// Roles as appositives.
		{"role lowered with the", Claim{Name: "Vyacheslav Gladkov", Role: "Governor of Belgorod region", Text: "Two women were killed by Ukrainian shelling.", Verifiability: "not_verifiable"},
			"According to Vyacheslav Gladkov, the governor of Belgorod region, two women were killed by Ukrainian shelling. The claim could not be independently verified."},
		{"possessive role kept", Claim{Name: "Li Hui", Role: "China's special envoy", Text: "Neither party has closed the door to talks"},
			"According to Li Hui, China's special envoy, neither party has closed the door to talks." + unv},
		{"role with proper adjective", Claim{Name: "Andriy Kovalenko", Role: "Ukrainian military spokesman", Text: "Fighting continues near Bakhmut"},
			"According to Andriy Kovalenko, the Ukrainian military spokesman, fighting continues near Bakhmut." + unv},
		{"role with acronym", Claim{Name: "Rafael Grossi", Role: "IAEA director general", Text: "Power was cut"},
			"According to Rafael Grossi, the IAEA director general, power was cut." + unv},
		{"role with article", Claim{Name: "Dario Pellet", Role: "the corps' commander", Text: "Many more are trapped"},
			"According to Dario Pellet, the corps' commander, many more are trapped." + unv},
		{"role a", Claim{Name: "Jan Nowak", Role: "A spokesman for the port", Text: "Ships are waiting"},
			"According to Jan Nowak, a spokesman for the port, ships are waiting." + unv},
		{"role same as name", Claim{Name: "UN", Role: "UN", Text: "the talks failed", Verdict: "unverified"},
			"According to UN, the talks failed. The claim could not be independently verified."},
		{"role trailing punctuation", Claim{Name: "Olena Bilous", Role: "mayor of Kherson,", Text: "Water is back"},
			"According to Olena Bilous, the mayor of Kherson, water is back." + unv},
		// The claim's first letter.
		{"proper noun kept", Claim{Name: "Ihor Terekhov", Text: "Kharkiv was hit overnight"},
			"According to Ihor Terekhov, Kharkiv was hit overnight." + unv},
		{"nationality kept", Claim{Name: "Vadim Filashkin", Text: "Russian forces shelled the village"},
			"According to Vadim Filashkin, Russian forces shelled the village." + unv},
		{"acronym claim kept", Claim{Name: "Ana Ruiz", Text: "UN staff left the city"},
			"According to Ana Ruiz, UN staff left the city." + unv},
		{"neither lowered", Claim{Name: "Li Hui", Text: "Neither party has made an offer."},
			"According to Li Hui, neither party has made an offer." + unv},
		{"number kept", Claim{Name: "Carmen Ruiz", Text: "140 people died"},
			"According to Carmen Ruiz, 140 people died." + unv},
		{"it's lowered", Claim{Name: "Carmen Ruiz", Text: "It's too late"},
			"According to Carmen Ruiz, it's too late." + unv},
		{"quoted claim kept", Claim{Name: "Carmen Ruiz", Text: `"Far too late," the teams came`},
			`According to Carmen Ruiz, "Far too late," the teams came.` + unv},
		// Pronouns and the first person.
		{"he believes", Claim{Name: "Li Hui", Role: "China's special envoy", Text: `he believes there is no point in negotiations,"`},
			`Li Hui, China's special envoy, believes there is no point in negotiations".` + unv},
		{"he without role", Claim{Name: "Li Hui", Text: "He believes a ceasefire is possible"},
			"Li Hui believes a ceasefire is possible." + unv},
		{"she with title role", Claim{Name: "Olena Bilous", Role: "Mayor of Kherson", Text: "she said water would return by Friday"},
			"Olena Bilous, the mayor of Kherson, said water would return by Friday." + unv},
		{"it for an institution", Claim{Name: "Russian Defense Ministry", Kind: "military", Text: "it destroyed three launchers"},
			"The Russian Defense Ministry destroyed three launchers." + unv},
		{"they for an institution", Claim{Name: "the dockers' union", Text: "They will strike on Monday"},
			"The dockers' union will strike on Monday." + unv},
		{"they for a person stays", Claim{Name: "Carmen Ruiz", Kind: "person", Text: "they arrived too late"},
			"According to Carmen Ruiz, they arrived too late." + unv},
		{"we quoted", Claim{Name: "a doctor at the regional hospital", Text: "We are treating patients in the car park"},
			"A doctor at the regional hospital said: “We are treating patients in the car park.”" + unv},
		{"I quoted with role", Claim{Name: "Li Hui", Role: "China's special envoy", Text: "I see no point in talks."},
			"Li Hui, China's special envoy, said: “I see no point in talks.”" + unv},
		{"we with question", Claim{Name: "Carmen Ruiz", Text: "Why did we wait?"},
			"According to Carmen Ruiz, why did we wait?" + unv},
		// Punctuation merged.
		{"double stop", Claim{Name: "Carmen Ruiz", Text: "Troops arrived late.."},
			"According to Carmen Ruiz, troops arrived late." + unv},
		{"comma at the end", Claim{Name: "Carmen Ruiz", Text: "Troops arrived late,"},
			"According to Carmen Ruiz, troops arrived late." + unv},
		{"comma inside a closing quote", Claim{Name: "Carmen Ruiz", Text: `Teams came "far too late,"`},
			`According to Carmen Ruiz, teams came "far too late".` + unv},
		{"stop inside curly quote", Claim{Name: "Carmen Ruiz", Text: "Teams came “far too late.”"},
			"According to Carmen Ruiz, teams came “far too late”." + unv},
		{"question kept", Claim{Name: "Carmen Ruiz", Text: "Where were the troops?"},
			"According to Carmen Ruiz, where were the troops?" + unv},
		{"exclamation in quote", Claim{Name: "Carmen Ruiz", Text: `Troops shouted "run!"`},
			`According to Carmen Ruiz, troops shouted "run!"` + unv},
		// Tails.
		{"verified signed off", Claim{Name: "Reuters", Text: "The bridge fell", Verdict: "verified", SignedOff: true},
			"According to Reuters, the bridge fell. The claim has been independently verified."},
		{"verified not signed off", Claim{Name: "Reuters", Text: "The bridge fell", Verdict: "verified"},
			"According to Reuters, the bridge fell. The claim is being checked."},
		{"verified and contradicted", Claim{Name: "Reuters", Text: "The bridge fell", Verdict: "verified", SignedOff: true, Contradicted: true},
			"According to Reuters, the bridge fell. The claim has been independently verified; a competing account contradicts it."},
		{"unreviewed and contradicted", Claim{Name: "Reuters", Text: "The bridge fell", Contradicted: true},
			"According to Reuters, the bridge fell. The claim has not yet been independently verified. A competing account contradicts it."},
		{"false signed off", Claim{Name: "Reuters", Text: "The bridge fell", Verdict: "false", SignedOff: true},
			"According to Reuters, the bridge fell. The claim is false."},
		{"disputed", Claim{Name: "Reuters", Text: "The bridge fell", Verdict: "disputed", Contradicted: true},
			"According to Reuters, the bridge fell. The claim is disputed by other accounts and could not be independently verified."},
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, tc := range cases {
		if got := Line(tc.c); got != tc.want {
			t.Errorf("%s:\n got  %q\n want %q", tc.name, got, tc.want)
		}
	}
}
