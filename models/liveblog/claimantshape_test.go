package liveblog

import (
	"strings"
	"testing"
)

// TestClausePiecesAreNoClaimants drops candidates whose claimant is a
// piece of an ordinary sentence: a verb phrase, an expletive "It's", a
// request "Please …", a day, a place with its preposition, a pronoun
// with its verb. The speakers in the same texts keep their claims.
func TestClausePiecesAreNoClaimants(t *testing.T) {
	for _, c := range []struct {
		text   string
		wants  []want
		claims int
	}{
		{"Nordland, with a population of two million, is one of the poorest regions. It's thought to be among the most violent, the regional council said.",
			[]want{{"among the most violent", "regional council"}, {"population of two million", ""}}, 1},
		{"The governor is meeting officials. It's confirmed that gas cylinders caused the fire. The fire brigade said three people were hurt.",
			[]want{{"gas cylinders caused", ""}, {"three people were hurt", "fire brigade"}}, 1},
		{"Reporter: Some staff are still in the capital. Please tell us whether you are in touch with them.\n\nMinister Lea Ford: We are in touch with all 40 staff.",
			[]want{{"whether you are in touch", ""}}, -1},
		{"In Tarsia, the Pallas agency, which is run by the rebels, reported that two bridges were destroyed overnight.",
			[]want{{"two bridges were destroyed", "Pallas agency"}}, 1},
		{"Gunmen killed as many as 12 guards at a border post, according to accounts from local officials Wednesday.",
			[]want{{"killed as many as 12 guards", "officials"}}, 1},
	} {
		cands := checkClaims(t, c.text, c.wants...)
		for _, k := range cands {
			if notAClaimant(k.Claimant) || k.Claimant == "It" || k.Claimant == "Wednesday" || k.Claimant == "In Tarsia" {
				t.Errorf("%q: claimant %q kept", c.text, k.Claimant)
			}
		}
		if c.claims >= 0 && len(cands) != c.claims {
			t.Errorf("%q: %d candidates, want %d: %s", c.text, len(cands), c.claims, describe(cands))
		}
	}
}

// TestClaimantLeads removes an answer label and the wire formula "came
// as" from in front of a speaker, and finds nothing to remove in a name.
func TestClaimantLeads(t *testing.T) {
	for in, out := range map[string]string{
		"A: China":                        "China",
		"came as Iran's foreign minister": "Iran's foreign minister",
		"Came As Usual Ltd":               "Came As Usual Ltd",
		"Amnesty International":           "Amnesty International",
	} {
		if got := withoutClauseLead(in); got != out {
			t.Errorf("withoutClauseLead(%q) = %q, want %q", in, got, out)
		}
	}
	for _, name := range []string{"the regional council", "Theresa May", "In-Q-Tel", "it security firm Avast", "We Are Family Foundation",
		"Isabel Ortiz", "Inga Berg", "At least two witnesses"} {
		if notAClaimant(name) {
			t.Errorf("notAClaimant(%q) = true, want false", name)
		}
	}
	for _, piece := range []string{"is one of the poorest", "It's", "It", "Please", "Wednesday", "In Tarsia", "we are organising events as they're"} {
		if !notAClaimant(piece) {
			t.Errorf("notAClaimant(%q) = false, want true", piece)
		}
	}
}

// TestTitleInAppositionIsNoClaim drops a "C, S said" reading whose claim
// is only a title or a place ("The Veldan Interior Minister, Ora Pelt,
// called on …"); a short claim with a verb stays.
func TestTitleInAppositionIsNoClaim(t *testing.T) {
	checkClaims(t, "The Veldan Interior Minister, Ora Pelt, called on the two militias to withdraw.", want{"Veldan Interior Minister", ""})
	checkClaims(t, "Kessel in Russian-Occupied Veldan, local officials said.", want{"Kessel in", ""})
	checkClaims(t, "Nine Soldiers Died, the army said.", want{"Nine Soldiers Died", "army"})
	if !nameOnlyClaim("The Somali Prime Minister") || nameOnlyClaim("The ministry said Two Died") || nameOnlyClaim("Rebels advanced") {
		t.Error("nameOnlyClaim misreads a title or a clause")
	}
}

// TestCharacterisationInsideAReport gives "in what it called …" inside a
// reported claim to the speaker who reported it, not to the subject of the
// reported clause.
func TestCharacterisationInsideAReport(t *testing.T) {
	cands := checkClaims(t, "The health office said that most of the victims were women and children, in what it called a \"terrible massacre\" by the militia.",
		want{"most of the victims were women", "health office"})
	for _, c := range cands {
		if strings.Contains(c.Claimant, "victims") {
			t.Errorf("claim %q by %q", c.Claim, c.Claimant)
		}
	}
}
