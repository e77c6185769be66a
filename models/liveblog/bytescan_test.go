package liveblog

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHasWordsAgreesWithWordCount checks the early-stopping count against
// the full one on texts with every kind of white space.
func TestHasWordsAgreesWithWordCount(t *testing.T) {
	texts := []string{"", " ", "one", " one ", "one two", "one\ttwo\nthree", "a  b\r\nc d e f g h i j",
		"\u00a0word\u00a0", "“Quoted,” she said.", "x\vy\fz"}
	for _, s := range texts {
		for n := 0; n <= 12; n++ {
			if got, want := hasWords(s, n), wordCount(s) >= n; got != want {
				t.Errorf("hasWords(%q, %d) = %v, wordCount says %v", s, n, got, want)
			}
		}
	}
}

// TestIndexColonOrDashAgreesWithIndexAny checks the byte scan against
// strings.IndexAny, also on broken UTF-8 and a dash cut in half.
func TestIndexColonOrDashAgreesWithIndexAny(t *testing.T) {
	texts := []string{"", "KYIV: text", "ABUJA, Nigeria — text", "GAZA – text", "no mark here",
		"\xe2\x80", "x\xe2\x80\x94", "\xe2\xe2\x80\x94", "\xf0\xe2\x80\x93y", "é—:", "a\xe2\x80\x95b:"}
	for _, s := range texts {
		if got, want := indexColonOrDash(s), strings.IndexAny(s, ":—–"); got != want {
			t.Errorf("indexColonOrDash(%q) = %d, strings.IndexAny says %d", s, got, want)
		}
	}
}

// TestContainsCheckingStemAgreesWithContains checks the letter-anchored
// search against strings.Contains on texts built from the stems' pieces.
func TestContainsCheckingStemAgreesWithContains(t *testing.T) {
	pieces := []string{"verif", "ver", "if", "confirm", "conf", "irm", "corroborat", "corro", "borat", "authenticat",
		"a", "uthenticat", "f", "b", "u", " ", "Verif", "é", "unverified", "con", "firm"}
	rng := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 5000; n++ {
		s := ""
		for k := rng.IntN(6); k >= 0; k-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		want := strings.Contains(s, "verif") || strings.Contains(s, "confirm") ||
			strings.Contains(s, "corroborat") || strings.Contains(s, "authenticat")
		if got := containsCheckingStem(s); got != want {
			t.Fatalf("containsCheckingStem(%q) = %v, strings.Contains says %v", s, got, want)
		}
	}
}
