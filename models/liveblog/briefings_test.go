package liveblog

import (
	"strings"
	"testing"
)

// TestTitledSpeakerTurn reads one "Title Name: words" paragraph as a turn of
// that speaker; one untitled "Name: words" alone may be a dateline.
func TestTitledSpeakerTurn(t *testing.T) {
	checkClaims(t, "Q: What is the toll?\n\nSpokesman Karim Haddad: Twelve people were killed and 40 were injured.",
		want{"Twelve people were killed", "Karim Haddad"})
	checkClaims(t, "Foreign Minister Ana Borg: The embassy will stay open until the end of the month.",
		want{"The embassy will stay open", "Ana Borg"})
	checkClaims(t, "Halverston: The port stayed closed on Monday.", want{"port stayed closed", ""})
}

// TestBriefingTurns reads a briefing transcript's turns: the host named
// in the header speaks the announcements before the first turn, a
// journalist's turn that ends with (or holds) a question claims nothing
// however many paragraphs it runs over, "Speaker 2:" and "CCTV reporter:"
// are turns, the pleasantries and the running of the briefing are no
// claims, and "I"/"we" in the host's turn are the host.
func TestBriefingTurns(t *testing.T) {
	text := "Foreign Ministry Spokesperson Lin Hao hosted a regular press conference on June 3, 2022\n\n" +
		"The ASEAN ministers' meeting will be held in Vientiane on June 9. Foreign Minister Tan Wei will attend.\n\n" +
		"Harbour TV: According to reports, 40 fishermen were detained by the coast guard on Monday.\n\n" +
		"This means the dispute has escalated again.\n\n" +
		"What is China's comment?\n\n" +
		"Lin Hao: Good afternoon. I have one announcement at the top, and then I'll take your questions. " +
		"I noted that the fishermen were released on Tuesday after questioning.\n\n" +
		"CCTV reporter: Can you tell us about China's expectations for the meeting?\n\n" +
		"Lin Hao: We hope the meeting will produce a code of conduct by the end of the year.\n\n" +
		"Speaker 2: Sir, there are reports that the coast guard fired water cannon. Has the ministry raised it? Anything you can tell us would help.\n\n" +
		"Lin Hao: The coast guard acted in accordance with the law."
	cands := checkClaims(t, text, want{"will be held in Vientiane", "Lin Hao"}, want{"fishermen were released", "Lin Hao"},
		want{"code of conduct", "Lin Hao"}, want{"acted in accordance with the law", "Lin Hao"},
		want{"40 fishermen were detained", ""}, want{"dispute has escalated", ""}, want{"fired water cannon", ""},
		want{"expectations for the meeting", ""})
	for _, c := range cands {
		if strings.Contains(c.Claim, "announcement") || strings.Contains(c.Claim, "Good afternoon") || c.Claimant == "I" {
			t.Errorf("candidate %q by %q runs the briefing", c.Claim, c.Claimant)
		}
	}
}

// TestBriefingAsides drops the turns that only run a briefing.
func TestBriefingAsides(t *testing.T) {
	text := "MR PRICE: Good afternoon. Quite a crowd we have today.\n\n" +
		"QUESTION: Hello.\n\n" +
		"MR PRICE: Very sorry for the delay today. It may be Tuesday, but it feels like a Monday.\n\n" +
		"MR PRICE: Let the transcript reflect the applause. (Laughter.)\n\n" +
		"MR PRICE: The embassy in Kyiv will reopen next week with a reduced staff.\n\n" +
		"Kremlin spokespeople claim the strikes hit only military targets.\n\n" +
		"With that, Matt."
	cands := checkClaims(t, text, want{"embassy in Kyiv will reopen", "PRICE"}, want{"hit only military targets", "Kremlin"})
	if len(cands) != 2 {
		t.Errorf("%d candidates, want 2: %s", len(cands), describe(cands))
	}
}

// TestBriefingQA reads "Q:"/"A:" transcripts whose header names the
// spokesperson once ("Spokesperson Mao Ning's Regular Press Conference").
func TestBriefingQA(t *testing.T) {
	text := "Foreign Ministry Spokesperson Lin Hao's Regular Press Conference on March 3, 2022\n\n" +
		"Q: Reports say the talks in Geneva failed. What is China's comment?\n\n" +
		"A: The talks were constructive and will continue next month in Geneva.\n\n" +
		"Q: There are reports that the minister will travel to Moscow. Can you confirm?\n\n" +
		"A: China and Russia maintain close communication at all levels."
	checkClaims(t, text, want{"talks were constructive", "Lin Hao"}, want{"maintain close communication", "Lin Hao"},
		want{"talks in Geneva failed", ""}, want{"minister will travel", ""})
	if got := briefingHost("Briefing by Foreign Ministry Spokesperson Maria Lenko, Moscow, April 19, 2017"); got != "Maria Lenko" {
		t.Errorf("host %q", got)
	}
	if got := briefingHost("Spokesperson Karim Haddad said on Monday that the talks would resume."); got != "" {
		t.Errorf("a news sentence names host %q", got)
	}
}

// TestOpeningTurnRunsTheBriefing drops an opening turn that only greets
// and hands out the floor.
func TestOpeningTurnRunsTheBriefing(t *testing.T) {
	text := "Shri Ravi Menon, Official Spokesperson: A very good evening to all of you. Festive season going on, but good to see all of you over this weekly media interaction. So I'm happy to start with questions this time. Asha first, and then we will see how to go ahead.\n\n" +
		"Asha Rao: Sir, what is India's position on the new study?\n\n" +
		"Shri Ravi Menon, Official Spokesperson: We have our interest in further studies and data on this issue."
	cands := checkClaims(t, text, want{"further studies and data", "Ravi Menon"})
	if len(cands) != 1 {
		t.Errorf("%d candidates, want 1: %s", len(cands), describe(cands))
	}
}
