package liveblog

import "testing"

// TestUnnamedSpokespersonHosts gives the remarks under "Transcript of the
// Media Briefing by the Spokesperson" to the spokesperson, though the
// header names no one.
func TestUnnamedSpokespersonHosts(t *testing.T) {
	text := "Office of the Spokesperson\n\nTranscript of the Media Briefing by the Spokesperson\nThursday, 3 April 2025\n\n" +
		"Welcome to the Ministry of Foreign Affairs.\n\n" +
		"So far, 14 survivors of the ferry accident have been confirmed as our nationals on the basis of verified information. " +
		"Our Embassy remains in contact with the survivors and with the local authorities."
	checkClaims(t, text, want{"14 survivors", "Spokesperson"}, want{"remains in contact", "Spokesperson"})
}
