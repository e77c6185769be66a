package liveblog

import "strings"

// parentheticalHead returns the subject of a claim that the attribution
// interrupts, "The gunmen, police said, belonged to a militia": the noun
// phrase before the speaker, between the sentence's start (lo) and the
// speaker (ss), when a comma closes the attribution after the verb (ve).
// The claim is that subject and what follows; "" when the sentence is not
// so built.
func parentheticalHead(s string, lo, ss, ve int) string {
	if ss <= lo || !strings.HasPrefix(strings.TrimLeft(s[ve:], " "), ",") {
		return ""
	}
	head := strings.TrimSpace(s[lo:ss])
	if !strings.HasSuffix(head, ",") {
		return ""
	}
	head = strings.TrimSpace(strings.TrimSuffix(head, ","))
	if n := wordCount(head); n == 0 || n > 6 || strings.ContainsAny(head, ",;:\"“”()") ||
		!startsNounPhrase(head) || isIntroLike(head) || isCommaAdverb(head) {
		return ""
	}
	return head
}
