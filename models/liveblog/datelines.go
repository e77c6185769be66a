package liveblog

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// datelineLen returns the length of a wire dateline at the start of a
// paragraph, or 0. Wire services and the papers that reprint them write it
// in several ways:
//
//	CAIRO (Reuters) - …                  BENGHAZI, Libya (AP) — …
//	Kathmandu, April 26 (IANS) The …     BEIJING, May 3 (Xinhua) -- …
//	Gaza Strip, (APP - Pakistan Point News - 4th Nov, 2023) The …
//	NEW DELHI: The ministry …            ABUJA, Nigeria — The army …
//	MOSCOW, March 14. /TASS/. The …
//
// A dateline names a place, not a speaker: the words in it never become a
// claimant.
func datelineLen(s string) int {
	if n := parenDateline(s); n > 0 {
		return n
	}
	if n := slashDateline(s); n > 0 {
		return n
	}
	return capitalsDateline(s)
}

// parenDateline reads "PLACE[, date] (AGENCY …) [-|:] Text".
func parenDateline(s string) int {
	open := strings.IndexByte(s[:min(len(s), 64)], '(')
	if open < 2 || open > 60 || !placeHead(strings.TrimRight(strings.TrimSpace(s[:open]), ","), false) {
		return 0
	}
	cl := strings.IndexByte(s[open:], ')')
	if cl < 0 || cl > 80 {
		return 0
	}
	inner := strings.TrimSpace(s[open+1 : open+cl])
	if !startsUpper(inner) {
		return 0
	}
	return afterDateline(s, open+cl+1, allCapsWord(firstWord(inner)) || isOutlet(firstWord(inner)))
}

// slashDateline reads TASS's "MOSCOW, March 14. /TASS/. Text".
func slashDateline(s string) int {
	k := strings.Index(s[:min(len(s), 72)], "/TASS/")
	if k < 2 || k > 60 || !placeHead(strings.TrimRight(strings.TrimSpace(s[:k]), ". ,"), true) {
		return 0
	}
	return afterDateline(s, k+len("/TASS/"), true)
}

// capitalsDateline reads "NEW DELHI: Text" and "ABUJA, Nigeria — Text": a
// place in capitals, then a colon or a dash. Mixed case would also match a
// speaker's turn ("Lin Wei: …"), so it is not read as a dateline.
func capitalsDateline(s string) int {
	k := indexColonOrDash(s[:min(len(s), 60)]) // a place is short: look no further
	if k < 2 || k > 50 {
		return 0
	}
	head := strings.TrimSpace(s[:k])
	if strings.HasSuffix(head, " -") {
		head = strings.TrimSpace(head[:len(head)-1])
	}
	if !placeHead(strings.TrimRight(head, ","), true) || inSet(sourceAcronyms, head) {
		return 0
	}
	return afterDateline(s, k, false)
}

// placeHead reports whether head reads as a dateline's place and date:
// at most six words, the first one capitalised (in capitals when caps is
// set), none of them lower-case but for "of" and a date's words.
func placeHead(head string, caps bool) bool {
	first, rest, _ := strings.Cut(head, ",")
	first = strings.TrimSpace(first)
	if first == "" || wordCount(head) > 6 || !startsUpper(first) {
		return false
	}
	letters := 0
	for _, w := range strings.Fields(first) {
		if caps && !allCapsWord(w) {
			return false
		}
		if !startsUpper(w) && w != "of" && w != "de" {
			return false
		}
		letters += len(w)
	}
	if letters < 2 {
		return false
	}
	for _, w := range strings.Fields(rest) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// afterDateline returns where the text starts after a dateline that ends at
// i: after a separator ("-", "--", "–", "—", ":", "."), or, when loose is
// set (the dateline names an agency), directly at a capital.
func afterDateline(s string, i int, loose bool) int {
	i = skipSpaces(s, i)
	for _, sep := range []string{"--", "-", "–", "—", ":", "."} {
		if strings.HasPrefix(s[i:], sep) {
			j := skipSpaces(s, i+len(sep))
			if j < len(s) && (startsUpper(s[j:]) || isOpenQuoteAt(s, j)) {
				return j
			}
			return 0
		}
	}
	if loose && i < len(s) && (startsUpper(s[i:]) || isOpenQuoteAt(s, i)) {
		return i
	}
	return 0
}

// allCapsWord reports whether w has at least two letters and no lower-case
// one ("CAIRO", "U.N.", "APP").
func allCapsWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isOpenQuoteAt reports whether an opening quotation mark stands at s[i].
func isOpenQuoteAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isOpenQuote(r)
}

// sourceAcronyms before a colon are a source, not a place ("IAEA: Iran's
// stockpile is growing").
var sourceAcronyms = setOf("un", "who", "iaea", "nato", "eu", "unicef", "wfp", "icrc", "au", "ocha", "unhcr",
	"imf", "fbi", "cia", "unrwa", "msf", "hrw", "ap", "afp", "pti", "ians", "ani", "tass", "ria", "bbc", "cnn",
	"idf", "rsf", "pla", "sana", "irna", "kcna", "wafa", "mena", "upi", "dpa", "efe", "ansa", "epa")
