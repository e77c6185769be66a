package liveblog

import "testing"

// TestParticipleSubjectAfterLinker gives a participle ("…, saying C") the
// sentence's subject even when a conjunction or linking adverb opens the
// sentence ("But the ministry had another account, saying …").
func TestParticipleSubjectAfterLinker(t *testing.T) {
	checkTable(t, []claimCase{
		{"But the ministry had a different account, saying 12 guards were killed in the clash.",
			[]want{{"12 guards were killed", "ministry"}}},
		{"However, the port authority issued a notice, saying the harbour would stay shut.",
			[]want{{"the harbour would stay shut", "port authority"}}},
		{"And the mayor of Ostra wrote to residents, saying the water was safe to drink.",
			[]want{{"the water was safe to drink", "mayor of Ostra"}}},
	})
	for _, c := range checkClaims(t, "But the ministry had a different account, saying 12 guards were killed in the clash.") {
		if c.Rule != ruleParticiple || c.Claimant != "the ministry" {
			t.Errorf("claim %q by %q [%s], want the ministry by %s", c.Claim, c.Claimant, c.Rule, ruleParticiple)
		}
	}
}
