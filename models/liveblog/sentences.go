package liveblog

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSentence bounds the length of a sentence the extractor looks at. No
// news sentence is this long; a longer run of text without full stops is cut
// at a space so that the work stays linear.
const maxSentence = 3000

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "capt": true, "sgt": true, "gov": true, "sen": true, "rep": true, "st": true,
	"mt": true, "jr": true, "sr": true, "no": true, "nos": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"vs": true, "approx": true, "maj": true, "adm": true, "cmdr": true, "brig": true,
	"rev": true, "hon": true, "pres": true, "dept": true, "univ": true, "ave": true, "fig": true,
	"est": true, "cf": true, "ca": true,
}

// timeZoneWords may follow "p.m." without starting a new sentence.
var timeZoneWords = map[string]bool{"ET": true, "EST": true, "EDT": true, "PT": true, "PST": true,
	"PDT": true, "CT": true, "GMT": true, "BST": true, "CET": true, "CEST": true, "UTC": true, "EET": true,
	"EEST": true, "MSK": true, "IST": true, "JST": true, "local": true, "Eastern": true, "Pacific": true}

// span is a half-open byte range.
type span struct{ s, e int }

// splitSentences returns the sentences of a paragraph as byte ranges. It does
// not split inside a quotation, after an abbreviation or an initial, or in a
// number.
func splitSentences(p string) []span { return appendSentences(nil, p) }

// appendSentences appends the sentences of p to out (see splitSentences), so
// a caller can reuse one list for many paragraphs.
func appendSentences(out []span, p string) []span {
	start := bulletLen(p) // "• Russia says …": the list mark is no part of the sentence
	if start == 0 {
		start = listMarkLen(p) // "- He said the lorry was rented …"
	}
	inQuote := false
	low9 := false // the quotation opened with a German „, which “ closes
	for i := start; i < len(p); {
		r, size := rune(p[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(p[i:])
		}
		switch r {
		case '"':
			inQuote = !inQuote
		case '„':
			inQuote, low9 = true, true
		case '“':
			inQuote = !low9 || !inQuote
			low9 = low9 && inQuote
		case '”':
			inQuote = false
		}
		if (i-start > maxSentence && r == ' ') || i-start > 2*maxSentence {
			// Too long for a sentence: cut at a space, or anywhere.
			out = append(out, span{start, i})
			start = i
			if r == ' ' {
				start = i + 1
			}
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += size
			continue
		}
		j := i + size
		for j < len(p) {
			c, cs := utf8.DecodeRuneInString(p[j:])
			if c == '"' || c == '”' || c == '“' && low9 {
				inQuote, low9 = false, false
			} else if c != '’' && c != '\'' && c != ')' && c != ']' {
				break
			}
			j += cs
		}
		if j >= len(p) || p[j] != ' ' || inQuote {
			i = j
			continue
		}
		k := skipSpaces(p, j)
		next, _ := utf8.DecodeRuneInString(p[k:])
		if k >= len(p) || !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpenQuote(next)) {
			i = j
			continue
		}
		if r == '.' && j == i+1 && !abbreviationEnds(p[:i], p[k:]) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = k
		i = k
	}
	if strings.TrimSpace(p[start:]) != "" {
		out = append(out, span{start, len(p)})
	}
	return out
}

// abbreviationEnds reports whether the full stop after before really ends
// the sentence, given the text after it.
func abbreviationEnds(before, after string) bool {
	w := lastWord(before)
	if w == "" {
		return !germanDate(before, after) // "am 24. Februar"
	}
	low := lowerASCII(w)
	if low == "a.m" || low == "p.m" {
		fw := firstWord(after)
		return !timeZoneWords[fw] && !timeWords[lowerASCII(fw)] // "at 7 a.m. Wednesday"
	}
	if strings.Contains(w, ".") {
		return false // U.S., e.g.
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		// An initial ("J. Smith"), unless a common sentence opener follows
		// ("… wrote on X. The ministry …").
		return !unicode.IsUpper(r) || inSet(sentenceStarters, firstWord(after))
	}
	if abbreviations[low] && !titles[low] && pronounOpeners[lowerASCII(firstWord(after))] {
		return true // "… in Viña del Mar. He said …": a month's short form, and a new sentence
	}
	return !abbreviations[low]
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r != '.' && !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

func firstWord(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += size
	}
	return s[:i]
}

// quoteSpans returns the quotations in a sentence, quote marks included. An
// opening mark without a closing one runs to the end of the sentence (the
// convention for a quotation that continues in the next paragraph).
func quoteSpans(s string) []span {
	var out []span
	open := -1
	var single rune // the mark that closes an open single quotation (see singlequotes.go)
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			i++ // most bytes: no rune to decode
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\'' && isDoubledApostrophe(s, i) {
			r, size = '\'', 2
		}
		switch {
		case single != 0:
			if r == single && size == 2 || r == '’' && single == '’' && closesSingleQuote(s, i+size) {
				out = append(out, span{open, i + size})
				open, single = -1, 0
			}
		case size == 2 && r == '\'' && open < 0:
			open, single = i, '\''
		case r == '‘' && open < 0 && opensSingleQuote(s, i):
			open, single = i, '’'
		case (r == '“' || r == '„') && open < 0:
			open = i
		case r == '“' && strings.HasPrefix(s[open:], "„"): // German „…“
			out = append(out, span{open, i + size})
			open = -1
		case r == '”' && open >= 0:
			out = append(out, span{open, i + size})
			open = -1
		case r == '"' && open < 0:
			open = i
		case r == '"':
			out = append(out, span{open, i + size})
			open = -1
		}
		i += size
	}
	if open >= 0 && single == 0 {
		out = append(out, span{open, len(s)})
	}
	return out
}

// inSpans reports whether position i lies inside one of the spans, which
// are sorted and do not overlap.
func inSpans(spans []span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].e > i })
	return k < len(spans) && spans[k].s <= i
}

// lowerASCII lower-cases ASCII letters only, so that byte offsets in the
// result are offsets in s (strings.ToLower may change lengths).
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := make([]byte, len(s))
			copy(b, s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// word is a token of a sentence with its byte range.
type word struct {
	s, e  int
	text  string
	lower string
}

// words splits s into words: runs of letters, digits, apostrophes and
// hyphens, plus "%" and "." inside numbers.
func words(s string) []word { return wordsOf(s, lowerASCII(s), -1) }

// wordsN returns at most the first n words of s, lowered with one copy of
// the part they cover rather than one per capitalised word. It is small
// enough to be inlined, so the words of the usual short prefix live in the
// caller's stack frame: it is called several times per reporting verb. A
// longer list grows onto the heap as usual.
func wordsN(s string, n int) []word { return appendWords(make([]word, 0, 16), s, "", n) }

// wordsOf splits s into words; low is s in lower case; n < 0 means all
// words.
func wordsOf(s, low string, n int) []word {
	capHint := len(s)/6 + 1
	if n >= 0 && n < capHint {
		capHint = n
	}
	return appendWords(make([]word, 0, capHint), s, low, n)
}

// wordByte marks the ASCII bytes that belong to a word.
var wordByte = [utf8.RuneSelf]bool{'%': true,
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'A': true, 'B': true, 'C': true, 'D': true, 'E': true, 'F': true, 'G': true, 'H': true, 'I': true, 'J': true,
	'K': true, 'L': true, 'M': true, 'N': true, 'O': true, 'P': true, 'Q': true, 'R': true, 'S': true, 'T': true,
	'U': true, 'V': true, 'W': true, 'X': true, 'Y': true, 'Z': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true,
	'k': true, 'l': true, 'm': true, 'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true,
	'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true}

// appendWords appends the words of s to out, so a caller can reuse one
// buffer for many sentences; low is s in lower case, or "" to lower only
// the part the words cover, with one copy.
func appendWords(out []word, s, low string, n int) []word {
	from := len(out)
	lowered := low != ""
	if !lowered {
		low = s
	}
	i := 0
	for i < len(s) && (n < 0 || len(out) < n) {
		j := i + 1
		if c := s[i]; c < utf8.RuneSelf {
			if !wordByte[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(s[i:]); !isWordRune(r) {
			i += size
			continue
		} else {
			j = i + size
		}
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if wordByte[c] {
					j++
					continue
				}
				if c != '\'' && c != '-' && c != '.' && c != ',' {
					break // a space or a mark that joins nothing: no rune to decode
				}
			}
			c, cs := utf8.DecodeRuneInString(s[j:])
			if c >= utf8.RuneSelf && isWordRune(c) {
				j += cs
				continue
			}
			if (c == '\'' || c == '’' || c == '-' || c == '.' || c == ',') && j+cs < len(s) && isWordStartAfter(c, s[j+cs:]) {
				j += cs
				continue
			}
			if (c == '\'' || c == '’') && s[j-1] == 's' && (j+cs == len(s) || s[j+cs] == ' ') {
				j += cs // plural possessive: "Workers' Union"
			}
			break
		}
		out = append(out, word{i, j, s[i:j], low[i:j]})
		i = j
	}
	if !lowered && len(out) > from {
		// One lowered copy of what the words cover, not one per
		// capitalised word.
		if end := out[len(out)-1].e; hasUpperASCII(s[out[from].s:end]) {
			l := lowerASCII(s[:end])
			for k := from; k < len(out); k++ {
				out[k].lower = l[out[k].s:out[k].e]
			}
		}
	}
	return out
}

// hasUpperASCII reports whether s holds an ASCII capital letter.
func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '%'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordStartAfter reports whether a joiner c continues the word: letters
// after an apostrophe or hyphen, digits after a dot or comma ("7.1", "2,000").
func isWordStartAfter(c rune, rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	if c == '.' || c == ',' {
		return unicode.IsDigit(r)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isCapitalized reports whether a word starts with an upper-case letter or
// a digit-free acronym.
func isCapitalized(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z' // the usual case: no rune to decode
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// collapseSpaces replaces runs of white space with one space and trims the
// ends.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf {
			continue // most bytes: neither white space nor the start of a rune
		}
		if c == '\n' || c == '\t' || c == '\r' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') {
			clean = false
			break
		}
		if c >= utf8.RuneSelf {
			// Curly quotes and accented names are common and need no
			// copy; only a Unicode space does.
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				clean = false
				break
			}
			i += size - 1
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// pronounOpeners open a new sentence after a full stop that could also end
// an abbreviation.
var pronounOpeners = setOf("he", "she", "they", "it", "we", "i", "the", "his", "her", "their")

// hasPrefixFold reports whether s begins with prefix, ignoring ASCII case,
// without lowering a copy of s.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasLowerLetter reports whether w holds a lower-case letter: a word
// without one is an acronym ("UN", "NATO") or a number.
func hasLowerLetter(w string) bool {
	return strings.ContainsFunc(w, unicode.IsLower)
}
