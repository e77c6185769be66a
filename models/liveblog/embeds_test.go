package liveblog

import (
	"strings"
	"testing"
)

// TestEmbeddedPost reads a post embedded in a live blog as a claim of the
// account that signed it, without its link and hashtags.
func TestEmbeddedPost(t *testing.T) {
	text := "4.45 PM: Relief teams reach the coast.\n\n" +
		"Relief and restoration work on a war footing in Gopalpur to tackle the cyclone pic.twitter.com/j7Pv69Uvd7 - Doordarshan News (@DDNewsLive) 3 May 2019\n\n" +
		"#WATCH Gopalpur: Coast Guard loading relief material on a chopper. #CycloneDana pic.twitter.com/cN7p17zIVE — ANI (@ANI) May 3, 2019"
	cands := checkClaims(t, text, want{"restoration work on a war footing", "Doordarshan News"}, want{"Coast Guard loading relief material", "ANI"})
	for _, c := range cands {
		if c.Rule == ruleEmbeddedPost && (strings.Contains(c.Claim, "pic.twitter") || strings.Contains(c.Claim, "#")) {
			t.Errorf("claim %q keeps the post's link or hashtags", c.Claim)
		}
	}
	if _, _, ok := embeddedPost("The minister - who spoke to reporters - said the dam held."); ok {
		t.Error("a sentence with dashes read as an embedded post")
	}
}
