package liveblog

import "testing"

// TestGermanTicker reads a German news ticker with the same frames: times
// with "Uhr", "X sagte, C", "C, sagte X am Abend", "X teilte mit, dass C"
// and the caveat "ließ sich nicht unabhängig überprüfen".
func TestGermanTicker(t *testing.T) {
	text := "23:15 Uhr: Innenministerin Marta Kellner sagte, die Lage sei ernst.\n\n" +
		"23:40 Uhr: Die Deiche halten, sagte Kellner am Abend.\n\n" +
		"+++ 10:50 +++ Die Polizei teilte mit, dass 20 Menschen festgenommen wurden.\n\n" +
		"+++ 11:20 +++ Der Hafenbetreiber erklärte, drei Schiffe seien gesunken. Das ließ sich nicht unabhängig überprüfen."
	b, err := Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 4 || b.Entries[0].Time != "23:15 Uhr" {
		t.Fatalf("entries %+v", b.Entries)
	}
	cands := checkClaims(t, text, want{"die Lage sei ernst", "Marta Kellner"}, want{"Die Deiche halten", "Marta Kellner"},
		want{"20 Menschen festgenommen", "Polizei"}, want{"drei Schiffe seien gesunken", "Hafenbetreiber"})
	for _, c := range cands {
		if c.Claim == "mit, dass 20 Menschen festgenommen wurden" {
			t.Errorf("claim %q keeps the verb's particle", c.Claim)
		}
	}
	flagged(t, text, map[string]bool{"drei Schiffe seien gesunken": true, "die Lage sei ernst": false})
}
