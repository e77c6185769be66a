package liveblog

import "strings"

// quotedAsAuxiliaries stand between the speaker and "quoted as saying".
var quotedAsAuxiliaries = []string{" was", " is", " has been", " had been", " were", " are", " have been"}

// trailingQuotedAs recognises a quotation followed by its speaker in the
// passive, `"Q," a porter was quoted as saying on Radio Pella.`: the
// quotation is the claim and nothing comes after "saying" but the
// channel or the end of the sentence.
func trailingQuotedAs(s string, qs []span, lo, hi int, t trigger) (rawFrame, int, int, bool) {
	pre := strings.TrimRight(s[lo:t.vs], " ")
	low := lowerASCII(pre)
	if !strings.HasSuffix(low, " quoted as") {
		return rawFrame{}, 0, 0, false
	}
	low = strings.TrimSuffix(low, " quoted as")
	aux := false
	for _, a := range quotedAsAuxiliaries {
		if strings.HasSuffix(low, a) {
			low, aux = strings.TrimSuffix(low, a), true
			break
		}
	}
	if !aux {
		return rawFrame{}, 0, 0, false
	}
	var q span
	for _, sp := range qs {
		if sp.s >= lo && sp.e <= lo+len(low) {
			q = sp
		}
	}
	if q.e <= q.s || strings.TrimSpace(s[lo:q.s]) != "" {
		return rawFrame{}, 0, 0, false
	}
	subj := strings.TrimSpace(strings.TrimLeft(s[q.e:lo+len(low)], " ,"))
	if subj == "" || wordCount(subj) > 8 || !(startsNounPhrase(subj) || pronouns[lowerASCII(subj)]) {
		return rawFrame{}, 0, 0, false
	}
	rest := strings.TrimSpace(s[t.ve:hi])
	channel := strings.TrimRight(rest, ".!? ")
	if first := firstWord(lowerASCII(channel)); channel != "" && first != "on" && first != "in" && first != "by" && first != "to" || wordCount(channel) > 8 {
		return rawFrame{}, 0, 0, false
	}
	f := rawFrame{verb: "quoted as saying", pos: t.vs, subject: subj, rule: ruleQuotedAsSaying}
	if channel != "" {
		f.channel = channel
	}
	f.claim, f.direct = cleanClaim(s[q.s:q.e])
	return f, q.e, hi, f.claim != ""
}
