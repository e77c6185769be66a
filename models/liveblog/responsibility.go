package liveblog

import "strings"

// isBareResponsibility reports whether the object of a reporting verb is
// "responsibility" alone ("claimed responsibility.", "claimed
// responsibility on Sunday"): a claim of responsibility for what the
// story reports, without naming it again.
func isBareResponsibility(text string) bool {
	ws := wordsN(strings.TrimSpace(text), 6)
	if len(ws) == 0 || ws[0].lower != "responsibility" {
		return false
	}
	for _, w := range ws[1:] {
		if !timeWords[w.lower] && w.lower != "on" && w.lower != "late" && w.lower != "early" {
			return false
		}
	}
	return true
}

// namingParticiple reports whether "called" (or "named", "dubbed") at
// ws[i] only gives the name of the noun before it, which then speaks: "A
// little-known group called Jaish Fursan claimed …". The name runs to a
// reporting verb.
func namingParticiple(ws []word, i int) bool {
	if i == 0 || !(ws[i].lower == "called" || ws[i].lower == "named" || ws[i].lower == "dubbed") {
		return false
	}
	if auxiliaries[ws[i-1].lower] || passiveAuxiliaries[ws[i-1].lower] || subjectPronouns[ws[i-1].lower] {
		return false // "he called", "it was called"
	}
	k := i + 1
	for k < len(ws) && k <= i+6 && (isCapitalized(ws[k].text) || nameConnectors[ws[k].lower] && k > i+1) {
		k++
	}
	if k == i+1 || k >= len(ws) {
		return false
	}
	info, rep := reportingVerbs[ws[k].lower]
	return rep && !info.part
}

// reflexiveBeforeArticle reports whether a description opens with
// "herself", "himself" or "also" before its article ("herself a nurse",
// "also a resident"): an appositive, like "a nurse".
func reflexiveBeforeArticle(ws []string) bool {
	if len(ws) < 3 {
		return false
	}
	switch lowerASCII(ws[0]) {
	case "herself", "himself", "itself", "themselves", "also", "once", "formerly":
		a := lowerASCII(ws[1])
		return a == "a" || a == "an" || a == "the"
	}
	return false
}
