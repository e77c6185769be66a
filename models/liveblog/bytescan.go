package liveblog

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
