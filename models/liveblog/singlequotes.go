package liveblog

import (
	"unicode"
	"unicode/utf8"
)

// Some outlets quote with single marks (‘We were asleep,’ she said) and
// some wire copy with two apostrophes (''We were asleep,'' she said). A
// single closing mark is also the apostrophe, so it closes a quotation
// only where no letter follows it ("the army’s" goes on), and a single
// opening mark opens one only after a space or at the start; a single
// quotation never closed is no quotation.

// opensSingleQuote reports whether the ‘ at i opens a quotation.
func opensSingleQuote(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == ':'
}

// closesSingleQuote reports whether the ’ ending at e closes a quotation:
// no letter or digit follows it.
func closesSingleQuote(s string, e int) bool {
	if e >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[e:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// isDoubledApostrophe reports whether two apostrophes stand at i as one
// quotation mark.
func isDoubledApostrophe(s string, i int) bool {
	return i+1 < len(s) && s[i] == '\'' && s[i+1] == '\''
}

// quoteMarkLen returns the length of the quotation mark that opens q, or,
// with last set, of the one that closes it: two bytes for doubled
// apostrophes, else one rune.
func quoteMarkLen(q string, last bool) int {
	if len(q) >= 2 && (!last && isDoubledApostrophe(q, 0) || last && isDoubledApostrophe(q, len(q)-2)) {
		return 2
	}
	if last {
		_, n := utf8.DecodeLastRuneInString(q)
		return n
	}
	_, n := utf8.DecodeRuneInString(q)
	return n
}
