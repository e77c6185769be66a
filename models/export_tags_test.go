package models

import (
	"strings"
	"testing"
)

// A tags field comes out in order whatever order it was read in, and the
// CSV cell and the JSON list split it the same way.
func TestOrderedTags(t *testing.T) {
	j := func(tags ...string) string { return strings.Join(tags, exportTagSep) }
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"belgorod", "belgorod"},
		{j("=cmd", "belgorod", "casualty figures"), j("=cmd", "belgorod", "casualty figures")},
		{j("casualty figures", "belgorod"), j("belgorod", "casualty figures")},
		{j("b", "c", "a"), j("a", "b", "c")},
	} {
		if got := orderedTags(tc.in); got != tc.want {
			t.Errorf("orderedTags(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := string(appendTags(nil, j("a b", `"q"`))); got != `a b, "q"` {
		t.Errorf("appendTags: %q", got)
	}
	if got := splitTags(nil, ""); got != nil {
		t.Errorf("splitTags of none: %q", got)
	}
	if got := splitTags(nil, j("a", "b")); strings.Join(got, "|") != "a|b" {
		t.Errorf("splitTags: %q", got)
	}
}
