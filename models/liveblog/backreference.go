package liveblog

import "strings"

// thatIsAccording reads a sentence that names the source of the sentence
// before it: "The fire spread quickly. That's according to Ivo Marsh, a
// local firefighter." prev is the unattributed sentence before ("" when
// there is none); the frame gives it to the source named.
func thatIsAccording(sent, prev string) (rawFrame, bool) {
	if prev == "" {
		return rawFrame{}, false
	}
	s := strings.TrimSpace(sent)
	at := -1
	for _, p := range []string{"that is according to ", "that's according to ", "that’s according to ",
		"this is according to ", "that was according to "} {
		if hasPrefixLower(s, p) {
			at = len(p)
			break
		}
	}
	if at < 0 {
		return rawFrame{}, false
	}
	subj := strings.TrimRight(strings.TrimSpace(s[at:]), ".!;: ")
	claim, direct := cleanClaim(prev)
	if subj == "" || claim == "" || wordCount(subj) > maxSubjectWords {
		return rawFrame{}, false
	}
	return rawFrame{subject: subj, claim: claim, direct: direct, verb: "according to", rule: ruleAccordingAfter,
		pos: strings.Index(sent, subj)}, true
}
