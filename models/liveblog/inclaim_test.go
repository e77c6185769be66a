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
		{"Ivo Marsh resigned on Friday, the mayor's office said.\n\nMarsh came under criticism on Wednesday when he said he did not regret closing the dam.",
			[]want{{"did not regret", "Ivo Marsh"}}},
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
