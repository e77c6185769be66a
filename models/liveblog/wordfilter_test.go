package liveblog

import "testing"

// TestWordFiltersTurnAwayNoWordOfTheirSet checks that a filter never turns
// away a word its set holds, so the look-ups behind it answer as the maps
// do, and that it does turn most other words away.
func TestWordFiltersTurnAwayNoWordOfTheirSet(t *testing.T) {
	for w, want := range reportingVerbs {
		if got, ok := reportingVerb(w); !ok || got != want {
			t.Errorf("reportingVerb(%q) = %v, %v; the map holds %v", w, got, ok, want)
		}
	}
	for w, want := range functionWordLanguage {
		if got := functionWordLang(w); got != want {
			t.Errorf("functionWordLang(%q) = %d, want %d", w, got, want)
		}
	}
	others := []string{"harbour", "dockers", "kellner", "minister", "evacuated", "bridge", "tuesday", "rainfall",
		"convoys", "households", "authority", "regional", "hospital", "government", "protesters", "shelling"}
	away := 0
	for _, w := range others {
		if _, ok := reportingVerbs[w]; ok {
			t.Fatalf("%q is a reporting verb: choose another word", w)
		}
		if !reportingVerbFilter.mayHold(w) {
			away++
		}
	}
	if away < len(others)/2 {
		t.Errorf("the filter turned away %d of %d ordinary words; it should turn away most", away, len(others))
	}
}
