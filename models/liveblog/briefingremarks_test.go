package liveblog

import "testing"

// TestRemarksHeaderSpeaksThroughout reads "Remarks from NAME's media
// briefing:" over paragraphs with no turns as the host's remarks, under
// every subheading; an office's briefing names no one.
func TestRemarksHeaderSpeaksThroughout(t *testing.T) {
	text := "Foreign Ministry: Remarks from Maria Lenko's media briefing\n\n" +
		"Remarks from Maria Lenko’s media briefing:\n\n" +
		"The situation in Syria\n\n" +
		"The focus on local ceasefires continues to yield results. Civilians are returning to the towns southwest of Damascus.\n\n" +
		"Over 100 families have returned from a refugee camp in Lebanon to their homes."
	checkClaims(t, text, want{"Civilians are returning", "Maria Lenko"}, want{"Over 100 families have returned", "Maria Lenko"})
	if got := remarksHost("Highlights of the Foreign Ministry's press briefing"); got != "" {
		t.Errorf("an office's briefing names host %q", got)
	}
	checkClaims(t, "Highlights of the Foreign Ministry's press briefing\n\nOver 100 families have returned from a refugee camp in Lebanon.",
		want{"families have returned", ""})
}
