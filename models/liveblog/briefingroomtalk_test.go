package liveblog

import (
	"strings"
	"testing"
)

// TestBriefingRoomTalkSentencesDropped drops, from any turn of a host,
// the sentences that only address the room — a greeting, a word on the
// weather, a welcome to visitors or to one journalist, good wishes,
// calling on the next journalist, a joke beside "(Laughter.)" — and keeps
// the turn's other sentences as the host's claim.
func TestBriefingRoomTalkSentencesDropped(t *testing.T) {
	text := "MS. ORTA: Hi there, folks. Happy Friday. Looks like a lovely autumn afternoon out there. I hope you all get a walk in.\n\n" +
		"QUESTION: We will try.\n\n" +
		"MS. ORTA: Marta, welcome. Nice to see you back.\n\n" +
		"We have some journalism students from Valdora University sitting at the back today. Welcome. Glad to have you all here.\n\n" +
		"So, welcome. Hope you have enjoyed the tour of the building.\n\n" +
		"The minister will travel to Lisbon on Monday to sign the fisheries accord. Good to see so many of you in the room, by the way.\n\n" +
		"And with that, Pavel, I’ll take your question.\n\n" +
		"QUESTION: Is the accord final?\n\n" +
		"MS. ORTA: I saw Pavel yawning. He looked bored. (Laughter.) Happy Friday again.\n\n" +
		"QUESTION: Some of us have deadlines.\n\n" +
		"MS. ORTA: Oh, I didn't realise you were in a hurry. (Laughter.) Next week I'll give you ten minutes, not two.\n\n" +
		"QUESTION: Seriously though?\n\n" +
		"MS. ORTA: Yes. Both governments approved the final text last week."
	cands := checkClaims(t, text,
		want{"travel to Lisbon", "ORTA"},
		want{"approved the final text", "ORTA"},
		want{"lovely autumn", ""},
		want{"walk in", ""},
		want{"Marta, welcome", ""},
		want{"Nice to see", ""},
		want{"journalism students", ""},
		want{"enjoyed the tour", ""},
		want{"take your question", ""},
		want{"yawning", ""},
		want{"ten minutes, not two", ""})
	for _, c := range cands {
		if c.Claimant == "ORTA" && (strings.Contains(c.Claim, "Good to see") || strings.Contains(c.Claim, "Happy Friday")) {
			t.Errorf("claim %q keeps its room talk", c.Claim)
		}
	}
	if len(cands) != 2 {
		t.Errorf("%d candidates, want 2: %s", len(cands), describe(cands))
	}
}

// TestWelcomingADecisionStays keeps a host's welcome of a decision or of
// efforts — a stance, and a claim — while a welcome to the room goes.
func TestWelcomingADecisionStays(t *testing.T) {
	for _, s := range []string{"We welcome the ceasefire agreed by both sides.", "We welcome all efforts to reopen the crossing.",
		"Happy to report that the convoy reached the camp.", "Thanks to the rescue teams, 40 miners were brought up."} {
		if roomSentence(s) {
			t.Errorf("roomSentence(%q) = true, want a claim", s)
		}
	}
	for _, s := range []string{"Welcome.", "Tomas, welcome.", "So, welcome back, everyone.", "I want to welcome our guests from the trade ministry.",
		"Thank you for coming.", "What a gorgeous morning."} {
		if !roomSentence(s) {
			t.Errorf("roomSentence(%q) = false, want room talk", s)
		}
	}
}
