package liveblog

import "testing"

// TestPageChrome proposes nothing from a page's furniture that a copied
// live blog carries along, and keeps links out of a claim.
func TestPageChrome(t *testing.T) {
	text := "Officials said 20 people had died.\n\n" +
		"Read more: Minister says talks will resume next week\n\n" +
		"Sign up for our newsletter, which says what matters every morning.\n\n" +
		"Related: Police say the suspect fled on foot\n\n" +
		"Police said a curfew was imposed."
	checkClaims(t, text, want{"20 people had died", "Officials"}, want{"a curfew was imposed", "Police"},
		want{"talks will resume", ""}, want{"what matters", ""}, want{"suspect fled", ""})
	cands := checkClaims(t, "Officials say the coast road is closed. pic.twitter.com/abc123", want{"the coast road is closed", "Officials"})
	for _, c := range cands {
		if c.Claim != "the coast road is closed" {
			t.Errorf("claim %q keeps the link", c.Claim)
		}
	}
}
