package liveblog

import "strings"

// progressiveAdverbs may stand between the auxiliary and the -ing form of
// a progressive report ("The BBC is now reporting that …", "officials are
// also saying that …").
var progressiveAdverbs = setOf("now", "also", "still", "already", "again", "currently", "increasingly")

// baseAdverbs may stand between a plural subject and a bare reporting verb
// ("Police now say", "Officials also say", "They all say").
var baseAdverbs = setOf("now", "also", "still", "all", "both", "too", "later", "earlier", "separately", "reportedly", "themselves")

// passiveQuote reports whether the "quoted"/"cited" at ws[q] is passive
// with its agent after it ("X was quoted by ANI as saying"): the speaker
// stands before the auxiliary, not between "quoted" and "as".
func passiveQuote(ws []word, q int) bool {
	return q >= 1 && q+1 < len(ws) && ws[q+1].lower == "by" && passiveAuxiliaries[ws[q-1].lower]
}

// quotedByAgent splits "Ana Diaz, the district police chief, was quoted by
// news agency ANI as" into the speaker and the agent that relays the
// words; ok is false when pre has no passive "quoted by"/"cited by".
func quotedByAgent(pre string) (speaker, agent string, ok bool) {
	low := lowerASCII(pre)
	k := strings.LastIndex(low, " quoted by ")
	n := len(" quoted by ")
	if k < 0 {
		k, n = strings.LastIndex(low, " cited by "), len(" cited by ")
	}
	if k < 0 {
		return "", "", false
	}
	agent = strings.TrimSpace(pre[k+n:])
	agent = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(agent, " as"), "as"))
	head := strings.TrimSpace(pre[:k])
	for _, aux := range []string{"was", "is", "were", "are", "has been", "had been", "have been", "been"} {
		if w := " " + aux; strings.HasSuffix(lowerASCII(head), w) {
			head = strings.TrimSpace(head[:len(head)-len(w)])
			break
		}
	}
	head = strings.Trim(head, " ,")
	if head == "" || agent == "" || wordCount(head) > maxSubjectWords || wordCount(agent) > maxSubjectWords {
		return "", "", false
	}
	return head, agent, true
}

// objectlessTell reports whether a telling verb closes its sentence without
// an object, as Indian English writes "informed" ("…, a state government
// official informed."): the claim before it is the speaker's all the same.
func objectlessTell(display, rest string) bool {
	return display == "informed" && strings.Trim(rest, " .") == ""
}
