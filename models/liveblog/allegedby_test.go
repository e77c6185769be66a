package liveblog

import "testing"

// TestDenialNamesTheAlleger proposes, beside a denial, the claim of the
// party it answers when the sentence names that party: "…, as alleged by
// X" and "the claims made by X that …"; a denial that names no one
// proposes the denial alone.
func TestDenialNamesTheAlleger(t *testing.T) {
	checkTable(t, []claimCase{
		{"The navy on Monday denied that its patrol boat had sunk a fishing trawler, as alleged by harbour officials in Ostra.",
			[]want{{"had not sunk a fishing trawler", "navy"}, {"had sunk a fishing trawler", "harbour officials in Ostra"}}},
		{"Vellia rejected the claims made by the Kalmar Front that its fighters shot down two army helicopters.",
			[]want{{"its fighters shot down two army helicopters", "Kalmar Front"}}},
	})
	cands := checkClaims(t, "The army denied that it had shelled the market.", want{"it had not shelled the market", "army"})
	if len(cands) != 1 {
		t.Errorf("a denial naming no one: want one candidate, got %s", describe(cands))
	}
	for _, c := range checkClaims(t, "Vellia rejected the claims made by the Kalmar Front that its fighters shot down two army helicopters.") {
		if c.Claimant == "Kalmar Front" && (c.Rule != ruleAlleged || c.Verb != "alleged") {
			t.Errorf("the alleger's claim: rule %q verb %q", c.Rule, c.Verb)
		}
	}
	if RuleDescription(ruleAlleged) == "" {
		t.Error("the rule has no description")
	}
}
