package liveblog

import "testing"

// TestRuleNamesThePattern checks that each candidate says which rule found
// it, and that every rule has words for the import screen.
func TestRuleNamesThePattern(t *testing.T) {
	for _, c := range []struct{ text, rule string }{
		{"The union said no cargo ship had been unloaded since Monday.", ruleSpeakerVerbClaim},
		{"No cargo ship had been unloaded since Monday, the union said.", ruleClaimSpeakerVerb},
		{`"We will stay out until we get an offer," said Ana Borg.`, ruleClaimVerbSpeaker},
		{"According to the ministry, 40 people were rescued overnight.", ruleAccordingBefore},
		{"Forty people were rescued overnight, according to the ministry.", ruleAccordingAfter},
		{"The company accused the union of refusing to negotiate.", ruleAccusation},
		{"The ministry denied that it had ignored the warnings.", ruleDenial},
		{"The health ministry put the death toll at nine.", ruleFigure},
		{"The mayor issued a warning on Monday, saying the dam could burst.", ruleParticiple},
		{"The governor was quoted as saying the army had been asked to help.", ruleQuotedAsSaying},
	} {
		cands, err := Extract(c.text)
		if err != nil || len(cands) == 0 {
			t.Errorf("%q: no candidate (%v)", c.text, err)
			continue
		}
		if got := cands[0].Rule; got != c.rule {
			t.Errorf("%q: rule %q, want %q", c.text, got, c.rule)
		}
		if RuleDescription(cands[0].Rule) == "" {
			t.Errorf("%q: rule %q has no description", c.text, cands[0].Rule)
		}
	}
}
