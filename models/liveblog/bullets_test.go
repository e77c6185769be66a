package liveblog

import "testing"

// TestBulletMarkNotInSpeaker reads the items of a bulleted list of key events
// as sentences: the list mark is no part of the speaker.
func TestBulletMarkNotInSpeaker(t *testing.T) {
	text := "Key events\n\n" +
		"  • Vellia says 212 of its soldiers have been killed, its first toll since the war began.\n\n" +
		"• The harbour authority said the port would reopen on Friday.\n\n" +
		"▪ Rescuers said two people were still missing.\n\n" +
		"· Fighting went on through the night."
	cands := checkClaims(t, text,
		want{"212 of its soldiers have been killed", "Vellia"},
		want{"the port would reopen on Friday", "harbour authority"},
		want{"two people were still missing", "Rescuers"})
	for _, c := range cands {
		if c.Rule != ruleSpeakerVerbClaim {
			t.Errorf("%q: rule %q, want %q", c.Claim, c.Rule, ruleSpeakerVerbClaim)
		}
	}
	if got := splitSentences("  • Two people died."); len(got) != 1 || got[0].s != len("  • ") {
		t.Errorf("sentences of a bullet: %v", got)
	}
}
