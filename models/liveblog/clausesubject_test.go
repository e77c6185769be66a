package liveblog

import "testing"

// TestSpeakerPhraseShapes finds the speaker in subject phrases that carry
// more than a name: a clause joined by "and" before it, a title "of" a
// two-word place, a group a single speaker belongs to, an aside opened by
// "where" or "formerly", and a name after "and" in a list.
func TestSpeakerPhraseShapes(t *testing.T) {
	checkTable(t, []claimCase{
		{"Dozens of people were hurt in the gale and officials said the toll was likely to rise.",
			[]want{{"the toll was likely to rise", "officials"}}},
		{"Parts of the coast received 8 inches of rain last week and the weather office said radar showed more rain fell on Sunday.",
			[]want{{"radar showed more rain", "weather office"}}},
		{"The council and the port authority said the quay was closed.", []want{{"the quay was closed", "council and the port authority"}}},
		{"Kalmar Press cited the Mayor of Ost Varna as saying that the bridge was destroyed by shelling.",
			[]want{{"the bridge was destroyed", "Mayor of Ost Varna"}}},
		{"Secretary of State Ana Diaz said the talks would resume.", []want{{"the talks would resume", "Ana Diaz"}}},
		{"Residents reported heavy shelling in the town, and at least one said soldiers had fled.",
			[]want{{"soldiers had fled", "one of residents"}}},
		{"Two dockers, and Tom Reyes, a member of the harbour's workers council, said police fired tear gas.",
			[]want{{"police fired tear gas", "Tom Reyes"}}},
		{"The mayor of the hill district of Ost Varna, where backing for the strike is strong, said a second fire had broken out.",
			[]want{{"a second fire had broken out", "mayor of the hill district"}}},
		{`The Harbour Front, formerly the army-backed Coast Brigade, said in a statement: "Our units have reached the port."`,
			[]want{{"Our units have reached the port", "Harbour Front"}}},
		// "What some … say is" characterises; it quotes no one.
		{"Ties have worsened over what many in the north say is neglect by the capital.", []want{{"neglect by the capital", ""}}},
	})
	for _, c := range checkClaims(t, "Dozens of people were hurt in the gale and officials said the toll was likely to rise.") {
		if c.Claimant != "officials" {
			t.Errorf("claim %q by %q, want the speaker after \"and\" alone", c.Claim, c.Claimant)
		}
	}
}

// TestAsidesAfterTheSpeaker ends a trailing speaker at ", who …" and lets
// a participle of circumstance follow "he said,".
func TestAsidesAfterTheSpeaker(t *testing.T) {
	checkTable(t, []claimCase{
		{"Ana Borg visited the ward on Friday.\n\n\"Most of the patients are miners, because at noon they were still underground,\" she said, referring to the hour the shaft fell.",
			[]want{{"Most of the patients are miners", "Ana Borg"}}},
		{"\"Our order is to reach the trapped families first,\" said the mayor, who is known as Mama Vell.",
			[]want{{"reach the trapped families", "mayor"}}},
		// A participle that reports opens a claim of its own.
		{"\"The road is shut,\" he said, insisting that no one was hurt.", []want{{"no one was hurt", "he"}}},
	})
}

// TestOwnTallyAndThatAfterInversion: a news agency's own count is not a
// party's claim, and "X, however, claimed that …" has its speaker before
// the verb, not the "that" clause after it.
func TestOwnTallyAndThatAfterInversion(t *testing.T) {
	checkTable(t, []claimCase{
		{"Nine guards died, according to a Reuters count drawn from hospital records.", []want{{"Nine guards died", ""}}},
		{"Nine guards died, according to the interior ministry.", []want{{"Nine guards died", "interior ministry"}}},
		{"Witnesses, however, claimed that the number of dead in the crash, which happened near the depot, could be near 60.",
			[]want{{"could be near 60", "Witnesses"}}},
	})
}

// TestAcronymsAndCounts: an acronym such as "WHO" opening a title is no
// relative clause, and an -ed form after a number describes what is
// counted ("900 confirmed and suspected cases"), unless the word before is
// a name with digits ("The M23 denied").
func TestAcronymsAndCounts(t *testing.T) {
	checkTable(t, []claimCase{
		{"WHO Director General Tomas Reyes, speaking after his visit to the clinic, told reporters the raids were hurting the response.\n\nLater, in a written statement, he said: \"These raids target the whole town.\"",
			[]want{{"hurting the response", "Tomas Reyes"}, {"These raids target the whole town", "Tomas Reyes"}}},
		{"Since the outbreak began in May, there have been more than 800 confirmed and probable infections, including 250 deaths, the health ministry said Thursday.",
			[]want{{"800 confirmed and probable infections", "health ministry"}}},
		{"The K19 militia denied its fighters had reached the depot.", []want{{"reached the depot", "K19 militia"}}},
	})
}

// TestObjectsOutletsAndDashAsides: "warned of X" states nothing to check;
// "…," she told the agency of the raid" quotes her; "the agency" is the
// outlet that reported last; a description between dashes is not the
// speaker.
func TestObjectsOutletsAndDashAsides(t *testing.T) {
	checkTable(t, []claimCase{
		{"Several embassies had already warned of a possible strike on the port.", []want{{"possible strike", ""}}},
		{"\"Firing began at about five in the morning and resumed an hour later,\" the mayor told Radio Kalmar of the latest raid.",
			[]want{{"Firing began at about five", "mayor"}}},
		{"The Kalmar news agency said five people were killed.\n\nThe Harbour Press also reported clashes, saying crowds were fleeing the square. Youths threw bottles at police, the agency said.",
			[]want{{"Youths threw bottles at police", "Harbour Press"}}},
		{"The Coast Monitor for Civil Rights - a group based in Vell which relies on volunteers and other sources inside the region - said more than 30 sailors were killed.",
			[]want{{"30 sailors were killed", "Coast Monitor for Civil Rights"}}},
	})
}
