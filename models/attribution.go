package models

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lowerFirstWords are sentence openers that are not names, so "Two women were
// killed" can read "according to X, two women were killed".
var lowerFirstWords = map[string]bool{
	"a": true, "an": true, "the": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true, "ten": true, "one": true, "its": true,
	"their": true, "his": true, "her": true, "there": true, "it": true, "they": true, "he": true,
	"she": true, "many": true, "some": true, "no": true, "all": true, "most": true, "several": true,
	"dozens": true, "hundreds": true, "thousands": true, "more": true, "troops": true, "forces": true,
	"this": true, "that": true, "these": true, "those": true, "at": true, "in": true, "on": true,
	"teams": true, "people": true, "police": true, "officials": true, "residents": true, "rescuers": true,
	"soldiers": true, "civilians": true, "we": true, "our": true, "only": true, "none": true, "about": true,
	"around": true, "nearly": true, "almost": true, "over": true, "up": true, "fighting": true, "shelling": true,
}

// AttributionLine is the ready sentence for copy: who said it, what they said,
// and what the desk can say about it. It follows the verdict and verifiability.
func AttributionLine(c *Claim) string {
	var b strings.Builder
	b.WriteString(attributionOpening(c.ClaimantName, c.ClaimantRole))
	b.WriteString(claimClause(c.Text))
	b.WriteString(".")
	if tail := attributionTail(c); tail != "" {
		b.WriteString(" ")
		b.WriteString(tail)
	}
	return b.String()
}

// attributionOpening is the start of AttributionLine up to the claim:
// "According to NAME, the role, ".
func attributionOpening(name, role string) string {
	var sb strings.Builder
	sb.WriteString("According to ")
	sb.WriteString(name)
	if r := strings.TrimSpace(role); r != "" && !strings.EqualFold(r, name) {
		sb.WriteString(", ")
		sb.WriteString(roleWithArticle(r))
	}
	sb.WriteString(", ")
	return sb.String()
}

func attributionTail(c *Claim) string {
	switch c.Verdict {
	case Verified:
		if c.SignedOffAt != nil {
			return "The claim has been independently verified."
		}
		return "The claim is being checked."
	case False:
		if c.SignedOffAt != nil {
			return "The claim is false."
		}
		return "The claim is being checked."
	case Misleading:
		if c.SignedOffAt != nil {
			return "The claim is misleading."
		}
		return "The claim is being checked."
	case Disputed:
		return "The claim is disputed by other accounts and could not be independently verified."
	case Unverified:
		return "The claim could not be independently verified."
	}
	if c.Verifiability == VerifNotVerifiable {
		return "The claim could not be independently verified."
	}
	return "The claim has not yet been independently verified."
}

func roleWithArticle(role string) string {
	first, _ := utf8.DecodeRuneInString(role)
	low := strings.ToLower(role)
	if strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") {
		return lowerFirst(role)
	}
	if unicode.IsUpper(first) {
		// "Governor of Belgorod region" → "the governor of Belgorod region"
		return "the " + lowerFirst(role)
	}
	return "the " + role
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	// Leave acronyms ("UN envoy") alone.
	if n < len(s) {
		r2, _ := utf8.DecodeRuneInString(s[n:])
		if unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// claimClause turns the claim text into a clause after "According to X, ".
func claimClause(text string) string {
	t := strings.TrimSpace(text)
	t = strings.TrimRight(t, ".;:!? ")
	if t == "" {
		return t
	}
	word := t
	if i := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }); i > 0 {
		word = t[:i]
	}
	if lowerFirstWords[strings.ToLower(word)] {
		return lowerFirst(t)
	}
	return t
}
