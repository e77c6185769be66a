package liveblog

import "testing"

// TestCaveatTableScopes: more scope cases of the caveat table — a credit
// line after the closing caveat, a third party after a lead caveat, a
// party's caveat beside another party's claim or before the party speaks,
// a toll caveat beside a dismissal, a statement that stands for its
// issuer's words, "either side" mid-story.
func TestCaveatTableScopes(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "closing paragraph before a credit line",
		story: "Rebels said they had taken the depot.\n\nThe army said two soldiers died in the clash.\n\n{C}\n\n(Reporting by Ana Lind; Editing by Tom Berg)",
		forms: []string{"Reuters could not independently verify the reports.", "Reuters was not able to verify the claims."},
		want:  map[string]bool{"taken the depot": true, "two soldiers died": true},
	}, {
		name: "lead caveat and a third party",
		story: "Varland said its forces shot down two drones, and Kestria said it hit a fuel depot. {C}\n\n" +
			"A Varland army spokesman said the drones were launched at dawn.\n\n" +
			"The weather office said rain was expected on Friday.",
		forms: []string{"Neither claim could be independently verified.", "Northwire could not verify either claim."},
		want:  map[string]bool{"shot down two drones": true, "launched at dawn": true, "rain was expected": false},
	}, {
		name:  "party caveat in the same paragraph",
		story: "The health ministry said 12 people were killed in the strike. The army said it targeted a weapons store. {C}",
		forms: []string{"The ministry's figures could not be independently verified.", "Northwire could not verify the ministry's claims."},
		want:  map[string]bool{"12 people were killed": true, "weapons store": false},
	}, {
		name:  "party caveat before the party speaks",
		story: "{C}\n\nThe health ministry said 12 people were killed in the strike.\n\nThe army said it targeted a weapons store.",
		forms: []string{"Northwire could not independently verify the ministry's figures."},
		want:  map[string]bool{"12 people were killed": true, "weapons store": false},
	}, {
		name: "toll caveat in the same paragraph",
		story: "Both sides claim heavy losses. The rebels said they killed 10 soldiers overnight. The government dismissed the rebel claims as propaganda. " +
			"Officials conceded that positions came under heavy fire. The army said 59 fighters were killed. {C}",
		forms: []string{"Casualty tolls are impossible to confirm independently.", "The casualty figures could not be independently verified."},
		want:  map[string]bool{"killed 10 soldiers": true, "59 fighters": true, "positions came under heavy fire": false},
	}, {
		name: "the statement of one party",
		story: "Rebels said their fighters ambushed a convoy near the river.\n\nThe ministry said the army had taken the town.\n\n" +
			"A report by the regional agency cited a statement from the rebels: \"We destroyed seven trucks.\"\n\n{C}\n\nThe governor said the roads were open.",
		forms: []string{"Northwire cannot independently verify the authenticity of this statement.", "The statement could not be independently verified."},
		want:  map[string]bool{"ambushed a convoy": true, "taken the town": false, "roads were open": false},
	}, {
		name:  "either side mid story",
		story: "The rebels said they took the airport.\n\nThe army said the airport was never lost.\n\n{C}\n\nThe aid agency said 3,000 families needed tents.",
		forms: []string{"Northwire could not verify either side's claims."},
		want:  map[string]bool{"took the airport": true, "never lost": true, "3,000 families": false},
	}})
}

// TestCaveatNearestClaim: "this" after a sentence with two speakers'
// claims is the last one's; "the reports" in a clause after a speaker's
// claim are that speaker's reports, also those just before it.
func TestCaveatNearestClaim(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name:  "this after two speakers",
		story: "Residents reported heavy fighting in the town, and at least one said rebels had captured it. {C}",
		forms: []string{
			"It was not possible to confirm this with officials.",
			"It was not immediately possible to confirm this with government officials.",
			"This could not be independently verified.",
		},
		want: map[string]bool{"heavy fighting": false, "rebels had captured it": true},
	}, {
		name: "the reports after a speaker's claims",
		story: "An army spokesman accused the rebels of killing civilians at the market.\n\n" +
			"\"The rebels were shooting at people as they entered,\" the spokesman added{C}\n\n" +
			"The UN mission said peacekeepers were patrolling the town.",
		forms: []string{
			", although the reports could not be independently confirmed.",
			", but the accounts could not be independently verified.",
		},
		want: map[string]bool{"killing civilians": true, "shooting at people": true, "peacekeepers were patrolling": false},
	}})
}

// TestCaveatPartyByCapital: a caveat on a country's claims covers what
// its capital, its government's seat or its adjective says ("Russia's
// claims" and "Moscow said"), not the other side's.
func TestCaveatPartyByCapital(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "country and capital",
		story: "Moscow said its forces shot down 20 drones over the border.\n\nThe Kremlin said talks were still possible.\n\n" +
			"Kyiv said its forces struck a fuel depot.\n\n{C}",
		forms: []string{"Russia's claims could not be independently verified.", "Northwire could not verify the Russian claims."},
		want:  map[string]bool{"shot down 20 drones": true, "talks were still possible": true, "struck a fuel depot": false},
	}, {
		name: "capital and country",
		story: "Russia's defence ministry said its forces shot down 20 drones.\n\n" +
			"Ukraine's air force said it struck a fuel depot.\n\n{C}",
		forms: []string{"Moscow's claims could not be independently verified."},
		want:  map[string]bool{"shot down 20 drones": true, "struck a fuel depot": false},
	}, {
		name: "American",
		story: "The Pentagon said its aircraft hit three launch sites.\n\n" +
			"Houthi officials said the strikes killed 15 civilians.\n\n{C}",
		forms: []string{"Northwire could not verify the American account.", "The U.S. claims could not be independently verified."},
		want:  map[string]bool{"hit three launch sites": true, "killed 15 civilians": false},
	}})
}

// TestCaveatLeadByCapital: a lead caveat follows its parties through the
// entry also when they speak by another name ("Ukraine" in the lead,
// "Kyiv" further down), and not to a third party.
func TestCaveatLeadByCapital(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "lead names countries",
		story: "Russia said its forces repelled an attack near the dam, and Ukraine said it had taken two villages. {C}\n\n" +
			"Moscow said 40 Ukrainian soldiers were killed.\n\nKyiv said its forces held the bridge.\n\n" +
			"The UN refugee agency said 3,000 people had fled the area.",
		forms: []string{"Neither claim could be independently verified.", "Northwire could not verify either account."},
		want: map[string]bool{"repelled an attack": true, "taken two villages": true, "40 Ukrainian soldiers": true,
			"held the bridge": true, "3,000 people": false},
	}})
}

// TestCaveatLiveBlogEntries: in a live blog a caveat covers claims of its
// own entry only, an entry's headline saying "Unconfirmed reports" is no
// caveat, and a ticker's German caveat stays in its entry too.
func TestCaveatLiveBlogEntries(t *testing.T) {
	flagged(t, "Live updates\n\n10:05 – Drone strike claims\n\n"+
		"Kestria's army said it destroyed 12 drones overnight. Varland said none of its drones were lost. Neither claim could be independently verified.\n\n"+
		"09:40 – Power cuts\n\nThe grid operator said 40,000 homes were without power.\n\n"+
		"09:10 – Unconfirmed reports of blast\n\nThe mayor said schools would open as usual.\n\n"+
		"08:55 – Port\n\nLocal media reported an explosion at the port. We have not been able to confirm this.",
		map[string]bool{"destroyed 12 drones": true, "none of its drones": true, "40,000 homes": false,
			"schools would open": false, "explosion at the port": true})
	flagged(t, "+++ 10:35 +++\n\nDas Verteidigungsministerium teilte mit, dass 20 Drohnen abgeschossen worden seien. Die Angaben ließen sich nicht unabhängig überprüfen.\n\n"+
		"+++ 10:20 +++\n\nDer Bürgermeister sagte, die Schulen blieben geschlossen.",
		map[string]bool{"20 Drohnen": true, "Schulen blieben geschlossen": false})
}

// TestCaveatAllSidesCurly: "all sides’ statements" with a curly
// apostrophe names every side, not a party called "sides".
func TestCaveatAllSidesCurly(t *testing.T) {
	r := referentOf("Access is restricted, meaning all sides’ statements are hard to verify.",
		"access is restricted, meaning all sides’ statements are hard to verify.")
	if !r.sides || r.party != "" {
		t.Errorf("sides = %v, party = %q; want every side and no party", r.sides, r.party)
	}
}

// TestCaveatTollIsCasualties: "the toll" and "the casualties" are about
// people killed or hurt: a caveat on them does not cover another figure
// of the story (troops deployed), while "the figures" cover every figure.
func TestCaveatTollIsCasualties(t *testing.T) {
	story := "The ministry said 40 people were killed in the strike.\n\nThe army said 400 soldiers were deployed to the area.\n\n{C}"
	runCaveatTable(t, []caveatCase{{
		name:  "toll",
		story: story,
		forms: []string{"Northwire could not independently confirm the toll.", "The casualty figures could not be independently verified.",
			"The death toll could not be independently verified."},
		want: map[string]bool{"40 people were killed": true, "400 soldiers": false},
	}, {
		name:  "figures",
		story: story,
		forms: []string{"The figures could not be independently verified."},
		want:  map[string]bool{"40 people were killed": true, "400 soldiers": true},
	}})
}

// TestCaveatGermanParty: "Die Angaben der ukrainischen Armee" are that
// party's claims only, in a ticker as in English copy.
func TestCaveatGermanParty(t *testing.T) {
	runCaveatTable(t, []caveatCase{{
		name: "German party",
		story: "Die ukrainische Armee teilte mit, dass 20 Drohnen abgeschossen worden seien. " +
			"Das russische Verteidigungsministerium sagte, ein Depot sei zerstört worden. {C}",
		forms: []string{
			"Die Angaben der ukrainischen Armee ließen sich nicht unabhängig überprüfen.",
			"Die Angaben der Armee konnten nicht unabhängig bestätigt werden.",
		},
		want: map[string]bool{"20 Drohnen": true, "Depot sei zerstört": false},
	}})
}
