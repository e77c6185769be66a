package liveblog

import "strings"

// coordinatedAfter reports whether a phrase read as the speaker after an
// inverted verb ends in a conjunction: in "Muslim Khan, a spokesman,
// confirmed the clashes but said …" the words after "confirmed" are its
// object, then a second verb of the same subject, not a speaker.
func coordinatedAfter(subj string) bool {
	w := lowerASCII(lastWord(strings.TrimSpace(subj)))
	return w == "but" || w == "and" || w == "yet"
}

// relativeAsideBefore reports whether the text before an inverted verb
// holds a relative clause about a noun before it ("The official, who is in
// Kabul and spoke on condition of anonymity, said …"): the verb then has
// that noun for subject and is not inverted.
func relativeAsideBefore(pre string) bool {
	return relativeAsideHead(pre) >= 0
}

// relativeAsideHead returns the index in the comma segments of p of the
// noun phrase a relative clause describes ("The official" in "The
// official, who is in Kabul, Afghanistan, and spoke on the condition of
// anonymity,"), or -1. The clause must run to the end of p: only places,
// ages and "and …"/"or …" continuations may follow it.
func relativeAsideHead(p string) int {
	return relativeAsideIn(strings.Split(strings.TrimRight(strings.TrimSpace(p), ","), ","))
}

// relativeAsideIn is relativeAsideHead for a phrase already split at its
// commas.
func relativeAsideIn(segs []string) int {
	if len(segs) < 2 || len(segs) > 8 {
		return -1
	}
	for k := len(segs) - 1; k >= 1; k-- {
		w := lowerASCII(firstWord(strings.TrimSpace(segs[k])))
		if w != "who" && w != "whose" {
			continue
		}
		head := strings.TrimSpace(segs[k-1])
		if head == "" || wordCount(head) > maxSubjectWords || !startsNounPhrase(head) {
			return -1
		}
		for _, after := range segs[k+1:] {
			a := strings.TrimSpace(after)
			if !(nameLike(a) || isAge(a) || hasPrefixFold(a, "and ") || hasPrefixFold(a, "or ")) {
				return -1
			}
		}
		return k - 1
	}
	return -1
}

// segmentTexts returns the text of each span of s.
func segmentTexts(s string, segs []span) []string {
	out := make([]string, len(segs))
	for k, sg := range segs {
		out[k] = s[sg.s:sg.e]
	}
	return out
}

// frontedSubordinate reports whether a sentence opens with a subordinate
// clause of contrast ("While an official confirmed …, the paper reports
// …"), whose comma ends the first speaker's claim.
func frontedSubordinate(s string) bool {
	w := lowerASCII(firstWord(strings.TrimSpace(s)))
	return w == "while" || w == "although" || w == "though" || w == "whereas"
}
