package liveblog

import (
	"strings"
	"testing"
)

// TestFoldSearchesMatchLowerCopies checks the folding searches against the
// searches of a lower-case copy they replace, letters and not, at the ends
// and in the middle, with non-ASCII text around.
func TestFoldSearchesMatchLowerCopies(t *testing.T) {
	texts := []string{"", "a", "In a Statement", "He said, A CLAIM that, a claim ", ", a claim", "Ünited, a Claim é, A CLAIM",
		"said on Telegram. Also on TELEGRAM", "The THE the", " in a statement in a statement", "ﬁ, a claim K"}
	pats := []string{", a claim", " in a statement", " on telegram", "the ", "a", ",", "the", "x"}
	for _, s := range texts {
		low := lowerASCII(s)
		for _, p := range pats {
			if got, want := indexLower(s, p), strings.Index(low, p); got != want {
				t.Errorf("indexLower(%q, %q) = %d, want %d", s, p, got, want)
			}
			if got, want := lastIndexLower(s, p), strings.LastIndex(low, p); got != want {
				t.Errorf("lastIndexLower(%q, %q) = %d, want %d", s, p, got, want)
			}
			if got, want := hasPrefixLower(s, p), strings.HasPrefix(low, p); got != want {
				t.Errorf("hasPrefixLower(%q, %q) = %v, want %v", s, p, got, want)
			}
		}
	}
}
