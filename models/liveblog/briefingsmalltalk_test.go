package liveblog

import (
	"strings"
	"testing"
)

// TestBriefingSmallTalkClaimsNothing drops the turns of a briefing that
// only banter with the room or run it — a short remark naming nothing
// ("That sounds about right."), the room's jokes around "(Laughter.)",
// "no opening remarks, let's go to Dana" — while an answer that names
// someone or gives a figure stays the spokesperson's.
func TestBriefingSmallTalkClaimsNothing(t *testing.T) {
	text := "MS. VALE: Right on time, it seems.\n\n" +
		"QUESTION: Barely. The coffee line was long.\n\n" +
		"MS. VALE: Ah, I see, you were stuck downstairs. (Laughter.) Maybe tomorrow we start a bit later for you.\n\n" +
		"All right, I have no opening remarks today, so let's go to Dana.\n\n" +
		"QUESTION: Is the microphone working?\n\n" +
		"MS. VALE: That sounds about right to me.\n\n" +
		"QUESTION: Short answer.\n\n" +
		"MS. VALE: Short? Sure.\n\n" +
		"QUESTION: Has the envoy left for Cairo?\n\n" +
		"MS. VALE: Yes. The envoy left for Cairo this morning and will meet the foreign minister on Friday.\n\n" +
		"QUESTION: And the convoy?\n\n" +
		"MS. VALE: Yes, it arrived.\n\n" +
		"QUESTION: Any casualties?\n\n" +
		"MS. VALE: No casualties were reported."
	cands := checkClaims(t, text,
		want{"envoy left for Cairo", "VALE"},
		want{"right on time", ""},
		want{"stuck downstairs", ""},
		want{"start a bit later", ""},
		want{"opening remarks", ""},
		want{"let's go to", ""},
		want{"sounds about right", ""},
		want{"Short? Sure", ""},
		want{"it arrived", ""},
		want{"No casualties were reported", "VALE"})
	if len(cands) != 2 {
		t.Errorf("%d candidates, want 2: %s", len(cands), describe(cands))
	}
}

// TestBriefingOperatorRunsTheCall reads a conference call's operator as
// running the call: queueing instructions and "This question comes from
// …" claim nothing, and a short greeting turn of the spokesperson ends the
// operator's turn rather than being read as the operator's words.
func TestBriefingOperatorRunsTheCall(t *testing.T) {
	text := "MR. OKAFOR: Hi, everyone, and thanks for joining the call. Let's take the first question.\n\n" +
		"OPERATOR: Thank you. If you wish to ask a question, please press star one on your telephone keypad now.\n\n" +
		"The first question comes from Lena Park with the Daily Ledger. Please go ahead.\n\n" +
		"MR. OKAFOR: Hi, Lena.\n\n" +
		"QUESTION: Hi. What can you tell us about the detained aid workers?\n\n" +
		"MR. OKAFOR: The three aid workers were released on Sunday and are now in Nairobi."
	cands := checkClaims(t, text,
		want{"aid workers were released", "OKAFOR"},
		want{"press star one", ""},
		want{"first question comes from", ""},
		want{"Hi, Lena", ""})
	if len(cands) != 1 {
		t.Errorf("%d candidates, want 1: %s", len(cands), describe(cands))
	}
}

// TestBriefingNoInformationOpensNothing drops an answer's opening that
// only says the spokesperson knows nothing of what was asked ("I'm not
// aware of the report you mention", "I have nothing to share on that");
// a turn of nothing else proposes no claim, and the facts after such an
// opening are still the spokesperson's. A denial of knowledge that
// weighs a claim ("no information to confirm …") is the speaker's stance
// on it and stays.
func TestBriefingNoInformationOpensNothing(t *testing.T) {
	text := "Spokesperson Lin Hao: The minister will visit Hanoi on Monday.\n\n" +
		"Reporter: There are reports of a new dam on the river. Can you confirm?\n\n" +
		"Lin Hao: I'm not aware of the report you mention. I have nothing to share on that.\n\n" +
		"Reporter: What about the fishing boats?\n\n" +
		"Lin Hao: I have no information on that. The coast guard escorted 14 boats back to port on Tuesday.\n\n" +
		"Reporter: And the rumours about the border post?\n\n" +
		"Lin Hao: We have no information to confirm the post was shelled.\n\n" +
		"Reporter: And the crew?\n\n" +
		"Lin Hao: I don't have anything on that, but our embassy is in touch with their families."
	cands := checkClaims(t, text,
		want{"visit Hanoi", "Lin Hao"},
		want{"escorted 14 boats", "Lin Hao"},
		want{"no information to confirm", "Lin Hao"},
		want{"embassy is in touch", "Lin Hao"},
		want{"not aware of the report", ""},
		want{"nothing to share", ""})
	for _, c := range cands {
		if c.Rule == ruleSpeakerColon && len(c.Claim) > 17 && c.Claim[:17] == "I have no informa" {
			t.Errorf("the turn's claim keeps its no-information opening: %q", c.Claim)
		}
	}
}

// TestHostCallingOnJournalistStillSpeaks keeps a host's statement whose
// turn ends by calling on a journalist ("With that, we'll take questions.
// Lita?"): the call is not a question, and it is cut from the claim. A
// journalist's short question stays a question.
func TestHostCallingOnJournalistStillSpeaks(t *testing.T) {
	for _, text := range []string{
		"MR. DORN: Good afternoon. The minister spoke with her Latvian counterpart and offered two more radar units.\n\nWith that, we'll take questions. Lita?\n\nQUESTION: Thanks. Where will the radars go?\n\nMR. DORN: They will be placed near the eastern border.",
		"MR. DORN: The minister spoke with her Latvian counterpart and offered two more radar units. With that, we'll take questions. Yes, Lita?\n\nQUESTION: Thanks. Where will the radars go?\n\nMR. DORN: They will be placed near the eastern border.",
	} {
		cands := checkClaims(t, text, want{"offered two more radar units", "DORN"}, want{"placed near the eastern border", "DORN"})
		for _, c := range cands {
			if strings.Contains(c.Claim, "Lita") || strings.Contains(c.Claim, "take questions") {
				t.Errorf("the call on a journalist stays in the claim: %q", c.Claim)
			}
		}
	}
	checkClaims(t, "Lin Hao: The talks will resume in May.\n\nHarbour TV: The ships were seen near the reef. Any update?\n\nLin Hao: I would refer you to the competent authorities.",
		want{"talks will resume", "Lin Hao"}, want{"ships were seen near the reef", ""})
}

// TestJournalistAsksWithoutQuestionMark reads a turn that asks in so many
// words ("I would like to ask about …", "Please tell us …") as a
// journalist's, though it ends with a full stop; the spokesperson's answer
// stays a claim.
func TestJournalistAsksWithoutQuestionMark(t *testing.T) {
	text := "Press Secretary Ito Ken: The minister will travel to Manila on Monday.\n\n" +
		"Harbour TV, Mori: I would like to ask about the ferry accident. Reports say twelve nationals were on board. Please tell us what the government knows.\n\n" +
		"Press Secretary Ito Ken: Two nationals were on board and both are safe."
	checkClaims(t, text, want{"travel to Manila", "Ito Ken"}, want{"both are safe", "Ito Ken"},
		want{"twelve nationals were on board", ""}, want{"ferry accident", ""})
}

// TestTurnEchoProposedOnce proposes a claim a spokesperson's turn makes
// once, not again from the "I noted that …" inside it; another speaker
// named in the turn keeps its own claim, without the turn's label. The
// journalist's two-word turn ("Reporter: Anything else?") is a turn of its
// own, so the host's statement before it is no question.
func TestTurnEchoProposedOnce(t *testing.T) {
	text := "Lin Hao: Good afternoon. I noted that the fishermen were released on Tuesday.\n\n" +
		"Reporter: Anything else?\n\n" +
		"Lin Hao: The coast guard said the boats were towed to port."
	cands := checkClaims(t, text, want{"fishermen were released", "Lin Hao"}, want{"boats were towed", "Lin Hao"})
	n := 0
	for _, c := range cands {
		if strings.Contains(c.Claim, "fishermen were released") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the fishermen's release proposed %d times: %s", n, describe(cands))
	}
	found := false
	for _, c := range cands {
		found = found || strings.HasPrefix(c.Claimant, "The coast guard") && strings.Contains(c.Claim, "boats were towed")
	}
	if !found {
		t.Errorf("the coast guard's claim inside the turn is gone: %s", describe(cands))
	}
}
