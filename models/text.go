package models

import (
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits on user text. Anything longer is refused with a field message rather
// than stored half or allowed to bloat every list page.
const (
	MaxTitleLen  = 500
	MaxNameLen   = 300
	MaxClaimLen  = 5000
	MaxQuoteLen  = 20000
	MaxNoteLen   = 20000
	MaxShortLen  = 300
	MaxURLLen    = 2000
	MaxBodyLen   = 200000
	MaxAliases   = 50
	MaxRationale = 5000
)

// checkText validates one text field into f: required or not, at most max
// characters, valid UTF-8 without NUL bytes.
func checkText(f map[string]string, field, value string, required bool, max int) {
	switch {
	case !utf8.ValidString(value) || strings.ContainsRune(value, 0):
		f[field] = "must be valid text"
	case required && strings.TrimSpace(value) == "":
		f[field] = "is required"
	case utf8.RuneCountInString(value) > max:
		f[field] = "must be at most " + strconv.Itoa(max) + " characters"
	}
}

// checkURL validates an optional http(s) URL into f.
func checkURL(f map[string]string, field, value string) {
	if value == "" {
		return
	}
	if len(value) > MaxURLLen {
		f[field] = "must be at most " + strconv.Itoa(MaxURLLen) + " characters"
		return
	}
	u, err := url.Parse(value)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		f[field] = "must be an http or https URL"
	}
}

// normName folds a name for matching: Unicode NFKC, case-folded, punctuation
// dropped, whitespace collapsed. "The  Governor of Belgorod." and
// "the governor of belgorod" are the same source.
func normName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "Dario Pellet's" and initials keep their letters together.
		default:
			space = true
		}
	}
	return b.String()
}

// NormName exposes the name folding used for source matching, so importers
// match claimants exactly as the store does.
func NormName(s string) string { return normName(s) }
