package liveblog

import (
	"strings"
	"testing"
)

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

// TestLinkLists proposes nothing from a list of other articles' headlines
// under "More from the region:", and reads the text again after it.
func TestLinkLists(t *testing.T) {
	checkClaims(t, "Officials said the road would reopen.\n\nMore from the region:\nRebels claim capture of key town\nGovernment says talks will resume",
		want{"the road would reopen", "Officials"}, want{"talks will resume", ""}, want{"capture of key town", ""})
	checkClaims(t, "Most read\n\nMinister says schools will stay shut\n\nCoast guard warns of storm\n\nThe coast guard said three boats had capsized.",
		want{"schools will stay shut", ""}, want{"three boats had capsized", "coast guard"})
}

// TestChromeInitials keeps the quick first-letter test of isChrome and
// opensLinkList in step with their lists.
func TestChromeInitials(t *testing.T) {
	for _, o := range chromeOpeners {
		if c := o[0]; c < 0x80 && !strings.ContainsRune(chromeInitials, rune(c)) {
			t.Errorf("chromeInitials lacks %q (%q)", c, o)
		}
		if !isChrome(o + " x") {
			t.Errorf("isChrome(%q) = false", o+" x")
		}
	}
	for _, o := range listOpeners {
		if !strings.ContainsRune(listInitials, rune(o[0])) || !opensLinkList(o) {
			t.Errorf("opensLinkList(%q) = false", o)
		}
	}
}
