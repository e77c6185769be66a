package liveblog

import "strings"

// Byte scans for the hottest look-ups of a few fixed characters, where the
// general functions of package strings walk the text rune by rune (IndexAny
// with a non-ASCII set) and show in the extractor's profile.

// indexColonOrDash is strings.IndexAny(s, ":—–"): the first colon, em dash
// or en dash. Both dashes are three bytes starting 0xE2 0x80, a byte no
// other rune has in that place, so comparing bytes finds what decoding
// runes would.
func indexColonOrDash(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ':':
			return i
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x94 || s[i+2] == 0x93) {
				return i
			}
		}
	}
	return -1
}

// hasWords reports whether wordCount(s) >= n, reading only as far as the
// n-th word: a claim is tested for having two words, and counting all the
// words of a long one showed in the profile.
func hasWords(s string, n int) bool {
	if n <= 0 {
		return true
	}
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		space := c <= ' ' && (c == ' ' || c == '\n' || c == '\t' || c == '\r')
		if !space && !in {
			if n--; n == 0 {
				return true
			}
		}
		in = !space
	}
	return false
}

// containsCheckingStem reports whether s contains "verif", "confirm",
// "corroborat" or "authenticat", as four calls of strings.Contains would;
// every sentence is asked whether it may be a caveat. It looks for the
// stems' rarer letters instead of their first ones.
func containsCheckingStem(s string) bool {
	return containsAt(s, "verif", 'f') || containsAt(s, "confirm", 'f') ||
		containsAt(s, "corroborat", 'b') || containsAt(s, "authenticat", 'u')
}

// containsAt is strings.Contains(s, stem), found from the occurrences of
// anchor, a byte stem holds once: a rare letter is found much faster than
// a common first one ("c", "a") and is checked much less often.
func containsAt(s, stem string, anchor byte) bool {
	off := strings.IndexByte(stem, anchor)
	for i := off; i < len(s); i++ {
		k := strings.IndexByte(s[i:], anchor)
		if k < 0 {
			return false
		}
		i += k
		if strings.HasPrefix(s[i-off:], stem) {
			return true
		}
	}
	return false
}
