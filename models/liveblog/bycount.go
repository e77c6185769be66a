package liveblog

import "strings"

// countNouns, after "by its" or "by the ministry's", make a count the
// source of what follows ("By its count, 80 fighters died").
var countNouns = setOf("count", "tally", "estimate", "estimates", "reckoning", "figures", "account")

// byCount recognises "by its count" / "by the army's tally" at ws[i] (at
// the start of a clause) as "according to": the count's owner is the
// source.
func byCount(ws []word, i int) (trigger, bool) {
	if ws[i].lower != "by" || i+2 >= len(ws) || (i > 0 && !strings.HasSuffix(ws[i-1].text, ",")) {
		return trigger{}, false
	}
	k := i + 1
	if ws[k].lower == "the" && k+2 < len(ws) {
		k++
	}
	owner := ws[k].lower
	possessive := owner == "its" || owner == "their" || owner == "his" || owner == "her" ||
		strings.HasSuffix(owner, "'s") || strings.HasSuffix(owner, "’s")
	if !possessive || k+1 >= len(ws) || !countNouns[strings.TrimRight(ws[k+1].lower, ",")] {
		return trigger{}, false
	}
	return trigger{vs: ws[i].s, ve: ws[i].e, info: verbInfo{kind: vAccording, display: "by the count of"}}, true
}

// countOwner turns the phrase after "by" ("its count", "the army's tally")
// into the speaker whose count it is ("it", "the army"); other phrases
// are returned as they are.
func countOwner(subj string) string {
	ws := strings.Fields(subj)
	if len(ws) < 2 || len(ws) > 6 || !countNouns[lowerASCII(ws[len(ws)-1])] {
		return subj
	}
	owner := ws[len(ws)-2]
	switch lowerASCII(owner) {
	case "its":
		return "it"
	case "their":
		return "they"
	case "his":
		return "he"
	case "her":
		return "she"
	}
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(owner, suf) {
			return strings.Join(append(ws[:len(ws)-2:len(ws)-2], strings.TrimSuffix(owner, suf)), " ")
		}
	}
	return subj
}
