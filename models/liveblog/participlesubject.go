package liveblog

import "strings"

// "But the government had a different account, saying 19 soldiers were
// killed": the participle's speaker is the sentence's subject, and a
// conjunction or linking adverb that opens the sentence is no part of it.

// openingLinkers open a sentence before its subject.
var openingLinkers = setOf("but", "and", "yet", "so", "still", "meanwhile", "however", "also", "instead", "now", "then")

// afterOpeningLinker returns where the subject of the sentence bytes
// from:to starts: after an opening "But", "And", "However," and the like.
func afterOpeningLinker(s string, from, to int) int {
	k := skipSpaces(s, from)
	w := firstWord(s[k:to])
	if w == "" || !inSet(openingLinkers, lowerASCII(w)) {
		return from
	}
	k += len(w)
	if k < to && s[k] == ',' {
		k++
	}
	if next := strings.TrimSpace(s[k:to]); next == "" || !(isCapitalized(next) || nounPhraseOpeners[lowerASCII(firstWord(next))]) {
		return from // "So far, …", "Still missing are …": no subject follows
	}
	return skipSpaces(s, k)
}
