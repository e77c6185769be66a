package liveblog

import (
	"slices"
	"strings"
	"testing"
)

// TestAppendFields checks that appendFields splits as strings.Fields does,
// Unicode spaces included, since roleHead relies on it.
func TestAppendFields(t *testing.T) {
	for _, s := range []string{"", "  ", "head of the authority", " a\tb\nc\r\vd\fe ", "x\u00a0y\u2003z", "Brück  \u0085 Kellner", "é"} {
		if got, want := appendFields(nil, s), strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}
