package liveblog

import "strings"

// keepInitialismDot gives back the closing full stop of an initialism
// ("U.N.", "U.S.") that trimming a speaker phrase s out of raw took off:
// "the U.N" is no name a reader or a source list knows.
func keepInitialismDot(raw, s string) string {
	n := len(s)
	// "… U.N": single capitals joined by full stops at the end.
	if n < 3 || !isUpperASCII(s[n-1]) || s[n-2] != '.' || !isUpperASCII(s[n-3]) || n > 3 && s[n-4] != ' ' && s[n-4] != '.' {
		return s
	}
	if k := strings.Index(raw, s); k >= 0 && strings.HasPrefix(raw[k+n:], ".") {
		return s + "."
	}
	return s
}

// isUpperASCII reports whether b is an ASCII capital letter.
func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }
