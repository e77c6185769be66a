package liveblog

import "strings"

// caveatTailStarts open a clause after a claim that refers back to it: "…,
// which could not be verified", "…, a figure that AFP could not confirm",
// "…, though this could not be independently verified", "… (this could not
// be verified)".
var caveatTailStarts = setOf("which", "a", "an", "though", "although", "but", "this", "something", "none",
	"neither", "and", "that", "the", "while", "as", "yet", "we", "claims", "figures", "reports", "allegations",
	"numbers", "details", "accounts")

// cutCaveatTail removes from a reported claim a closing clause that says
// the claim could not be checked, and reports whether there was one: the
// clause is the text's caveat about the claim, not part of what the
// claimant said. A quotation is left whole: a speaker may say that he
// could not confirm something.
func cutCaveatTail(claim string) (string, bool) {
	if !mentionsChecking(claim) {
		return claim, false
	}
	if rest, ok := cutCaveatHead(claim); ok {
		return rest, true
	}
	for i := 1; i < len(claim); i++ {
		sep := 0
		switch {
		case claim[i] == ',' || claim[i] == ';' || claim[i] == '(':
			sep = 1
		case strings.HasPrefix(claim[i:], "—") || strings.HasPrefix(claim[i:], "–"):
			sep = len("—")
		}
		if sep == 0 {
			continue
		}
		// A comma inside a closing quotation mark (`hours,” the
		// claim …`) ends the quotation, and the quotation stays whole.
		keep := i
		for _, q := range []string{"”", "\"", "’"} {
			if claim[i] == ',' && strings.HasPrefix(claim[i+sep:], q) {
				sep += len(q)
				keep = i + sep
			}
		}
		tail := strings.TrimSpace(claim[i+sep:])
		if tail == "" {
			break
		}
		if claim[i] != '(' && !inSet(caveatTailStarts, firstWord(tail)) {
			continue
		}
		if isCaveat(lowerASCII(tail)) {
			if head := strings.TrimRight(claim[:keep], " ,;(—–-"); wordCount(head) >= 2 {
				return head, true
			}
			return claim, false
		}
	}
	return claim, false
}

// mentionsChecking is the cheap test before cutCaveatTail looks closer.
func mentionsChecking(s string) bool {
	return containsCheckingStem(s) // "verif", "confirm", "corroborat", "authenticat"
}

// caveatHeadStarts open a caveat clause set off before the claim it is
// about: "said, in a claim that could not be verified, that …",
// "According to the ministry, whose figures could not be verified, …".
var caveatHeadStarts = setOf("whose", "which", "in", "a", "an", "could", "cannot", "can't", "couldn't")

// cutCaveatHead removes a caveat clause that opens a claim up to its
// first comma, and reports whether there was one: a relative clause or a
// passive, with nobody doing the checking, so not a speaker's own doubt
// ("they could not confirm, however, that …" stays whole).
func cutCaveatHead(claim string) (string, bool) {
	k := strings.Index(claim, ", ")
	if k < 0 || k > 120 || !inSet(caveatHeadStarts, firstWord(claim)) {
		return claim, false
	}
	head, rest := lowerASCII(claim[:k]), strings.TrimSpace(claim[k+2:])
	if !isCaveat(head) || !strings.Contains(head, " be ") && !strings.Contains(head, " been ") {
		return claim, false
	}
	rest = strings.TrimPrefix(rest, "that ")
	if wordCount(rest) < 3 {
		return claim, false
	}
	return rest, true
}
