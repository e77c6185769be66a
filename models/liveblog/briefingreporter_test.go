package liveblog

import "testing"

// TestReporterTurnClaimsNothing reads "Reporter: …" as a journalist's
// turn even when it restates the host's words without a question mark,
// and even when it is the most frequent label because the host is named
// two ways.
func TestReporterTurnClaimsNothing(t *testing.T) {
	text := "Reporter: Have you obtained any new information regarding the incident?\n\n" +
		"Ms. Ana Borg, Minister for Foreign Affairs: Twelve people have been rescued, including one national of ours.\n\n" +
		"Reporter: In your opening remarks, you stated that embassy staff are investigating the facts,\n\n" +
		"Minister Borg: The embassy staff are at the hospital."
	cands := checkClaims(t, text, want{"Twelve people have been rescued", "Ana Borg"}, want{"embassy staff are at the hospital", "Borg"},
		want{"investigating the facts", ""})
	if len(cands) != 2 {
		t.Errorf("%d candidates, want 2: %s", len(cands), describe(cands))
	}
}
