package liveblog

import "testing"

// TestSpokespersonsPageSpeaksThroughout reads a spokesperson's office page
// that sums up the briefing in the third person, without turns, as the
// spokesperson's: a note "The following is a near-verbatim transcript of
// today's briefing by NAME, Spokesperson for …" makes NAME the claimant
// of every paragraph under it. A news story that only mentions a
// spokesperson's briefing gives no one the narration.
func TestSpokespersonsPageSpeaksThroughout(t *testing.T) {
	text := "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General\n\n" +
		"The following is a near-verbatim transcript of today’s briefing by Ines Valko, Spokesperson for the Secretary-General.\n\n" +
		"**Floods\n\n" +
		"Good afternoon. Our colleagues on the ground tell us that the river crested overnight. Nine relief convoys reached the delta this morning.\n\n" +
		"The Emergency Relief Coordinator arrived in the capital and met displaced families.\n\n" +
		"So far, less than 8 per cent of the flood appeal has been funded."
	checkClaims(t, text,
		want{"Nine relief convoys reached the delta", "Ines Valko"},
		want{"Relief Coordinator arrived in the capital", "Ines Valko"},
		want{"less than 8 per cent", "Ines Valko"})
	// The page goes on with questions and answers: the summary before
	// them is still the host's, under its subheadings.
	qa := text + "\n\n**Questions and Answers\n\nQuestion: Is the road to the delta open?\n\n" +
		"Spokesperson: Yes, the road reopened on Friday and trucks are moving."
	checkClaims(t, qa,
		want{"Nine relief convoys reached the delta", "Ines Valko"},
		want{"less than 8 per cent", "Ines Valko"},
		want{"road reopened on Friday", "Spokesperson"},
		want{"road to the delta open", ""})
	checkClaims(t, "At a briefing by Ines Valko, the UN spokesperson, reporters pressed for figures.\n\nNine relief convoys reached the delta this morning.",
		want{"relief convoys reached", ""})
	for line, host := range map[string]string{
		"The following is a near-verbatim transcript of today's noon briefing by Ines Valko, Spokesperson for the Secretary-General.": "Ines Valko",
		"Highlights of the noon briefing by Karl Ruud, Deputy Spokesman for the Secretary-General":                                    "Karl Ruud",
		"The following is a transcript of the briefing by the Spokesperson, Ines Valko.":                                              "",
		"Reporters asked about the briefing by Ines Valko, who said the convoy was delayed. The spokesperson declined to comment.":    "",
	} {
		if got := briefedBy(line); got != host {
			t.Errorf("briefedBy(%q) = %q, want %q", line, got, host)
		}
	}
}
