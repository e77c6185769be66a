package liveblog

import "testing"

// TestBriefingBareQA reads a transcript that labels its turns "Q …" and
// "A …" without a colon: the question claims nothing (and its first word
// is no speaker), the answer is the host's; "A …" in news with no "Q …"
// is an article. Sympathy that opens an answer is dropped, not the
// answer.
func TestBriefingBareQA(t *testing.T) {
	text := "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on March 3, 2020\n\n" +
		"Q Iranian officials admitted that they shot down the airliner. What is China's comment?\n\n" +
		"A We are deeply saddened by this tragedy. We express deepest condolences to the families. Relevant parties are in communication regarding the crash.\n\n" +
		"Q The ministry started using Twitter last month. Can you tell us its purpose?\n\n" +
		"A Many embassies and diplomats posted overseas have opened social media accounts."
	checkClaims(t, text, want{"Relevant parties are in communication", "Lin Hao"}, want{"have opened social media accounts", "Lin Hao"},
		want{"shot down the airliner", ""}, want{"started using Twitter", ""})
	checkClaims(t, "A bomb exploded near the market on Monday, police said.\n\nA second blast hit the station.",
		want{"bomb exploded near the market", "police"})
}
