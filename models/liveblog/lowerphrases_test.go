package liveblog

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLowerPhrasesAgreeWithLastIndexLower checks the grouped search
// against lastIndexLower, phrase by phrase, on texts built from the
// phrases' own pieces in mixed case, so that matches overlap, repeat and
// stop short at the end of the text.
func TestLowerPhrasesAgreeWithLastIndexLower(t *testing.T) {
	phrases := []string{" in a statement", " in a post", " on telegram", " at a news conference", " in an email",
		"in", " i", "", "x", " in a"}
	lp := newLowerPhrases(phrases...)
	pieces := []string{" In a Statement", " in a", " IN A POST", " on", " Telegram", " at a news", " conference", " in an email",
		"x", "X", "é", " ", ",", "in"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 2000; n++ {
		s := ""
		for k := rng.IntN(8); k >= 0; k-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		got := lp.lastIndexes(s, nil)
		for i, p := range phrases {
			if want := lastIndexLower(s, p); got[i] != want {
				t.Fatalf("lastIndexes(%q)[%q] = %d, lastIndexLower says %d", s, p, got[i], want)
			}
		}
	}
}

// TestHasPhraseLowerAgreesWithPaddedContains checks the search without
// copies against the padded, lowered strings.Contains it replaces.
func TestHasPhraseLowerAgreesWithPaddedContains(t *testing.T) {
	phrases := []string{"declined to", "no update", "would not comment", "to", "", " ", "no"}
	pieces := []string{"Declined", " to", " TO", "no", " update", "No Update", "would not", " comment", " ", "  ", "x", "é"}
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 3000; n++ {
		s := ""
		for k := rng.IntN(6); k >= 0; k-- {
			s += pieces[rng.IntN(len(pieces))]
		}
		for _, p := range phrases {
			want := strings.Contains(" "+lowerASCII(s)+" ", " "+p+" ")
			if got := hasPhraseLower(s, p); got != want {
				t.Fatalf("hasPhraseLower(%q, %q) = %v, the padded search says %v", s, p, got, want)
			}
		}
	}
}
