package similar

import (
	"strings"
	"testing"
)

// Figures are read the way a reader understands them, whatever way they are
// written, and what is a time or a year is not taken for a figure.
func TestFiguresAreNormalised(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // figures as "value bound unit", joined by "; "
	}{
		{"Two women were killed.", "2 women"},
		{"2 women were killed.", "2 women"},
		{"A pair of women were killed.", "2 women"},
		{"More than 30 ships wait.", "more than 30 ships"},
		{"30+ ships wait.", "more than 30 ships"},
		{"At least 30 ships wait.", "more than 30 ships"},
		{"Up to 300 soldiers were lost.", "fewer than 300 soldiers"},
		{"About 2,000 residents left.", "about 2000 residents"},
		{"Forty-two schools closed.", "42 schools"},
		{"Twenty one people were hurt.", "21 people"},
		{"Two hundred and fifty homes flooded.", "250 homes"},
		{"1.2 million hectares burned.", "1200000 hectares"},
		{"A dozen drones were shot down.", "12 drones"},
		{"Dozens of drones were shot down.", "dozens drones"},
		{"The epicentre was 12 kilometres north.", "12 km"},
		{"The epicentre was 12 km north.", "12 km"},
		{"Turnout reached 61 percent.", "61 %"},
		{"Turnout reached 61%.", "61 %"},
		{"At 11:03 the governor spoke of three dead.", "3 dead"},
		{"In 2022 the dam held.", ""},
		{"One of the bridges fell.", ""},
		{"No one was hurt on 3 March.", ""},
	} {
		ts := tokenize(tc.text)
		var got []string
		for _, f := range figures(ts, make([]bool, len(ts))) {
			got = append(got, strings.TrimSpace(f.String()+" "+f.Unit))
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: figures %q, want %q", tc.text, g, tc.want)
		}
	}
}

// The claimant's aliases count as the claimant; a denial or a negation is
// read from the verb and from the text.
func TestClaimantAliasesAndNegation(t *testing.T) {
	a := Extract(Claim{Text: "Two women were killed in Shebekino.", Claimant: "Vyacheslav Gladkov", Aliases: []string{"governor of Belgorod"}})
	b := Extract(Claim{Text: "Two women were killed in Shebekino.", Claimant: "Governor of Belgorod"})
	if r := Compare(a, b); !strings.Contains(r.Reason, "same claimant") || r.Score < DuplicateScore {
		t.Errorf("alias not taken for the claimant: %s", r.Reason)
	}
	d := Extract(Claim{Text: "Two women were killed in Shebekino.", Claimant: "Ukrainian army", Verb: "denied"})
	if !d.Negated {
		t.Error("the verb denied does not negate the claim")
	}
	if r := Compare(a, d); !containsString(r.Differences, "said vs denied") {
		t.Errorf("differences %q lack said vs denied", r.Differences)
	}
	n := Extract(Claim{Text: "Nobody was killed in Shebekino."})
	if !n.Negated {
		t.Error("nobody does not negate the claim")
	}
	twice := Extract(Claim{Text: "The army denied that it did not fire.", Claimant: "Army"})
	if twice.Negated {
		t.Error("a denied negation reads as negated")
	}
	if r := Compare(a, Extract(Claim{Text: "Two women were killed in Belgorod.", Claimant: "Gladkov"})); !containsString(r.Differences, "Shebekino vs Belgorod") {
		t.Errorf("differences %q lack the place", r.Differences)
	}
}
