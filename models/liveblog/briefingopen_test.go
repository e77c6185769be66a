package liveblog

import "testing"

// TestOpeningWelcomeRunsTheBriefing drops the sentences of an opening turn
// that welcome the room, wish it well, say how the briefing is held and
// what it has "at the top", however long or dated they are; the facts
// after them stay the host's.
func TestOpeningWelcomeRunsTheBriefing(t *testing.T) {
	for _, c := range []struct{ text, claim, who string }{
		{"MS. LANE: Hi, everyone. Welcome to the daily briefing. I have a few things at the top, and then I will be happy to open it up for questions. I think you saw our statement last night, but an update on the situation in Mosul.\n\n" +
			"QUESTION: Can you tell us more?\n\n" +
			"MS. LANE: The consulate in Mosul was attacked at dawn and two guards were killed.", "two guards were killed", "LANE"},
		{"Shri Ravi Menon, Official Spokesperson: Good evening and a very warm welcome to the first weekly media briefing of the Ministry of External Affairs of 2023. I wish you a Happy New Year. Due to the weather, we are now doing this on a virtual format till such time things improve. I would like to give the floor to Asha.\n\n" +
			"Asha Rao: Sir, what is India's position on the new study?\n\n" +
			"Shri Ravi Menon, Official Spokesperson: Forty fishermen were released on Monday.", "Forty fishermen were released", "Ravi Menon"},
		{"MR DALE: Good afternoon. I've actually come emptyhanded today, don't have anything at the top, and I see we're also empty in front, so I don't know what to do. (Laughter.)\n\n" +
			"QUESTION: What about the tanker?\n\n" +
			"MR DALE: The tanker was attacked by a drone off Oman on Thursday.", "tanker was attacked", "DALE"},
	} {
		if cands := checkClaims(t, c.text, want{c.claim, c.who}); len(cands) != 1 {
			t.Errorf("%d candidates, want 1: %s", len(cands), describe(cands))
		}
	}
}

// TestModeratorTurnWithOfficeInBrackets reads "Shri Asha Rao, OSD (PR): …"
// as a turn of its own: the moderator relaying a journalist's questions
// claims nothing, and is not the spokesperson before.
func TestModeratorTurnWithOfficeInBrackets(t *testing.T) {
	if name, _, ok := speakerPrefix("Shri Asha Rao, OSD (PR): Sir, the first set of questions is on Sri Lanka."); !ok || name != "Shri Asha Rao, OSD (PR)" {
		t.Errorf("speaker %q %v", name, ok)
	}
	text := "Shri Ravi Menon, Official Spokesperson: I have no announcement today, so let us go to questions.\n\n" +
		"Shri Asha Rao, OSD (PR): Sir, the first set of questions is on Sri Lanka. Mala from News 18 is asking, \"Twelve fishermen were released by a court. When will they reach India?\" We have a similar question from ETV.\n\n" +
		"Shri Ravi Menon, Official Spokesperson: The fishermen will be flown home on Friday."
	cands := checkClaims(t, text, want{"flown home on Friday", "Ravi Menon"}, want{"first set of questions", ""}, want{"Twelve fishermen", ""})
	if len(cands) != 1 {
		t.Errorf("%d candidates, want 1: %s", len(cands), describe(cands))
	}
}
