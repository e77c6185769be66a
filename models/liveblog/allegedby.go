package liveblog

import "strings"

// A denial often names whose claim it denies: "The coalition denied that
// its strike had killed civilians, as alleged by Houthi officials"; "Vell
// rejected the claims made by the rebels that they had shot down a jet".
// That party claimed the denied content, and says so in the same sentence.

// allegationNouns name the claim a denial answers.
var allegationNouns = setOf("claim", "claims", "allegation", "allegations", "assertion", "assertions", "report", "reports", "charge", "charges")

// claimsMadeBy reads a denial's object "(the) claims (made) by X that C":
// it returns X and where C starts.
func claimsMadeBy(text string) (string, int, bool) {
	ws := wordsN(text, 16)
	k := 0
	if k < len(ws) && (ws[k].lower == "the" || ws[k].lower == "earlier" || ws[k].lower == "recent") {
		k++
	}
	if k >= len(ws) || !allegationNouns[ws[k].lower] {
		return "", 0, false
	}
	k++
	if k < len(ws) && ws[k].lower == "made" {
		k++
	}
	if k >= len(ws) || ws[k].lower != "by" {
		return "", 0, false
	}
	start := k + 1
	for m := start + 1; m < len(ws) && m <= start+6; m++ {
		if ws[m].lower == "that" {
			who := strings.TrimSpace(text[ws[start].s:ws[m-1].e])
			if !allegerLike(who) {
				return "", 0, false
			}
			return who, ws[m].e, true
		}
	}
	return "", 0, false
}

// allegedTail cuts ", as alleged by X" (or "as claimed by", "as reported
// by") from the end of a denied claim: it returns the claim and X.
func allegedTail(claim string) (string, string, bool) {
	for _, p := range []string{", as alleged by ", ", as claimed by ", ", as reported by ", ", as charged by "} {
		k := indexLower(claim, p)
		if k <= 0 {
			continue
		}
		who := strings.TrimRight(strings.TrimSpace(claim[k+len(p):]), ".")
		if wordCount(who) > 6 || !allegerLike(who) {
			return "", "", false
		}
		return strings.TrimSpace(claim[:k]), who, true
	}
	return "", "", false
}

// allegerLike reports whether a phrase after "by" can be a party: a
// capitalised name or a description ("the rebels", "local officials").
func allegerLike(who string) bool {
	if who == "" {
		return false
	}
	if isCapitalized(who) || startsNounPhrase(who) {
		return true
	}
	ws := strings.Fields(lowerASCII(who))
	for k := 0; k < len(ws) && k < 3; k++ {
		if isPluralHead(ws[k]) {
			return true // "harbour officials in Ostra"
		}
	}
	return false
}

// allegedFrame is the claim of the party a denial answers: what was denied,
// as that party said it.
func allegedFrame(who string, denial rawFrame) rawFrame {
	return rawFrame{subject: who, claim: denial.claim, verb: "alleged", pos: denial.pos, rule: ruleAlleged}
}
