package models

import (
	"strings"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn/frequency"
)

// Password rules after NIST SP 800-63B: length first (MinPasswordLen), no
// composition rules, and no password that guessers try first: none from the
// list of the most common passwords leaked over the years (zxcvbn's list of
// some 30,000, compiled into the binary, so no network is needed), and none
// made of one character repeated.

// passwordRefusal says why pw is too easy to guess ("" when it is not).
func passwordRefusal(pw string) string {
	if oneCharacter(pw) {
		return "is one character repeated; choose a phrase of several words"
	}
	if commonPassword(pw) {
		return "is one of the most common passwords, which are tried first; choose a phrase of several words"
	}
	return ""
}

// oneCharacter reports whether pw repeats a single character throughout.
func oneCharacter(pw string) bool {
	first, _ := utf8.DecodeRuneInString(pw)
	return pw != "" && strings.Trim(pw, string(first)) == ""
}

// commonPassword reports whether pw, ignoring case and the spaces around it,
// is on the list of common passwords. The list is scanned rather than kept in
// a map: passwords are checked rarely, each time beside a bcrypt hash that
// costs far more.
func commonPassword(pw string) bool {
	pw = strings.ToLower(strings.TrimSpace(pw))
	for _, common := range frequency.FrequencyLists["passwords"] {
		if common == pw {
			return true
		}
	}
	return false
}
