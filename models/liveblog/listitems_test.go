package liveblog

import "testing"

// TestBulletedKeyPoints reads the bulleted key points over a live page as
// statements, not as headings, and drops the bullet from the claim.
func TestBulletedKeyPoints(t *testing.T) {
	cands := checkClaims(t, "Storms live\n\nKey Points\n\n  • Winds of up to 80 mph are hitting the coast\n  • More than 40,000 homes are still without power, says the Kalmar Grid Company\n  • Ferries are cancelled\n\nThe first gusts arrived at dawn.",
		want{"More than 40,000 homes are still without power", "Kalmar Grid Company"})
	for _, c := range cands {
		if c.Claim[0] != 'M' {
			t.Errorf("claim %q keeps the bullet", c.Claim)
		}
	}
}
