package liveblog

import "testing"

// TestPronounsSkipNamesInsideClaims resolves "she", "it" and "It put …" to
// the party that spoke before, not to a name that stood inside what that
// party said or in how its words were passed on.
func TestPronounsSkipNamesInsideClaims(t *testing.T) {
	checkTable(t, []claimCase{
		{"Ministry spokeswoman Ana Borg denied reports that the envoy Piet Vermaas had met rebel leaders.\n\nShe said the reports were spread to sow discord.",
			[]want{{"to sow discord", "Ana Borg"}}},
		{"The Kalmar Press agency said the streets were calm.\n\n\"Masked youths threw bottles at buses\" near Harbour Square in Vell, it said.",
			[]want{{"threw bottles at buses", "Kalmar Press"}}},
		{"The brigade said it held the depot. It said it also controlled the village of Ost Varna nearby.\n\nIt said it captured 12 soldiers.",
			[]want{{"captured 12 soldiers", "brigade"}}},
		{"The Northern Front said in a statement published by the Monitor Group that it had taken two hostages. It put the police death toll at 40.",
			[]want{{"death toll", "Northern Front"}}},
		// A name opening the sentence is its subject, and "he" may be him.
		{"Ivo Marsh resigned on Friday, the mayor's office said.\n\nMarsh drew criticism on Tuesday when he told reporters he had no regrets about closing the dam.",
			[]want{{"no regrets about closing", "Ivo Marsh"}}},
	})
}

// TestPronounsNeverResolveForward keeps "it" and "he" from taking a name
// printed after them (a place in the next sentence, a byline).
func TestPronounsNeverResolveForward(t *testing.T) {
	for _, c := range []struct{ text, later string }{
		{"The militia's northern wing claimed responsibility for raids on two police posts, it said in a statement. Ten officers were killed at posts in Ravel and Dunmore.", "Ravel"},
		{"A police officer told that the rebels planned to seize the station, he added.\n\nLena Ortiz", "Lena Ortiz"},
	} {
		for _, cand := range checkClaims(t, c.text) {
			if cand.Claimant == c.later {
				t.Errorf("%q: claim %q by %q, a name printed after the pronoun", c.text, cand.Claim, cand.Claimant)
			}
		}
	}
}

// TestBackReferencesToTheRightParty resolves "he" to a speaker named by one
// word, "the colonel" to the unnamed colonel who spoke last rather than a
// colonel named earlier, and keeps "state TV" and "testimony … at Harbour
// Bay, Vell" whole.
func TestBackReferencesToTheRightParty(t *testing.T) {
	checkTable(t, []claimCase{
		{"0915 GMT: Borg says everyone should stay home. He said the army had taken charge of the search.",
			[]want{{"the army had taken charge", "Borg"}}},
		{"Rebel spokesman Colonel Ivo Marsh said his men took the hill.\n\nBut an army intelligence colonel told the agency that fighting had reached the camp.\n\n\"The enemy went round us on the right,\" the colonel said.",
			[]want{{"his men took the hill", "Ivo Marsh"}, {"went round us", "army intelligence colonel"}}},
		{"Governor Ana Diaz said the town was safe.\n\nThe governor said the levee held.", []want{{"the levee held", "Ana Diaz"}}},
		{"At least 10 people were killed in the capital on Saturday, state TV says.\n\nIt said rioters set two shops on fire.",
			[]want{{"rioters set two shops on fire", "state TV"}}},
		{"According to testimony from captives held at Harbour Bay, Vell, the leader fled to the hills.",
			[]want{{"the leader fled to the hills", "testimony"}}},
	})
}

// TestPluralPresentVerbs reads the plural present of reporting verbs that
// live entries use ("Police confirm that …", "Officials tell …").
func TestPluralPresentVerbs(t *testing.T) {
	checkTable(t, []claimCase{
		{"0215 GMT: Police confirm that two riders died in the crash.", []want{{"two riders died", "Police"}}},
		{"Officials tell Radio Kalmar that divers recovered six bodies.", []want{{"divers recovered six bodies", "Officials"}}},
		{"Medics admit that the ward was full.", []want{{"the ward was full", "Medics"}}},
		{"Police confirm the deaths.", []want{{"the deaths", ""}}},
	})
}

// TestPersonNamedInABodysClaim: "she" after a body's claim naming a person
// is that person (the body is no "she"), and a pronoun speaker goes on
// being the same speaker past a name inside his own claim.
func TestPersonNamedInABodysClaim(t *testing.T) {
	checkTable(t, []claimCase{
		{"Police said Ana Borg was pulled alive from the rubble on Monday.\n\n\"I thought I would die,\" she said.",
			[]want{{"I thought I would die", "Ana Borg"}}},
		{"Spokesman Col. Pedro Lima said the port was calm.\n\nHe also said the smuggler Ivo Marsh is thought to be hiding in the hills.\n\nHe denied reports that Marsh had fled abroad.",
			[]want{{"Marsh had not fled abroad", "Pedro Lima"}}},
	})
}
