package liveblog

import "testing"

// TestClaimsInsideRelativeClauses proposes the claim a named party makes in
// a relative clause of another party's claim, besides the outer claim.
func TestClaimsInsideRelativeClauses(t *testing.T) {
	for _, c := range []struct{ text, outer, inner, party string }{
		{"The guards said the convoy was hit near a post in the Ost hills that Varna says is its own land.",
			"the convoy was hit", "the Ost hills is its own land", "Varna"},
		{"The ministry said troops drove the militia out of villages in the eastern Vell region, which Kalmar claims it has captured.",
			"troops drove the militia out", "it has captured", "Kalmar"},
		// A relative clause without a named party is only a description.
		{"The mayor said the bridge that crews built last year had held.", "the bridge", "", ""},
	} {
		cands := checkClaims(t, c.text, want{c.outer, "the"})
		found := false
		for _, cand := range cands {
			if cand.Rule == ruleRelativeClause {
				found = cand.Claim == c.inner && cand.Claimant == c.party
				if !found {
					t.Errorf("%q: nested claim %q by %q, want %q by %q", c.text, cand.Claim, cand.Claimant, c.inner, c.party)
				}
			}
		}
		if !found && c.inner != "" {
			t.Errorf("%q: no claim %q by %q in %s", c.text, c.inner, c.party, describe(cands))
		}
	}
}
