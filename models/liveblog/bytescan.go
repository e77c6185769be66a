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
