package liveblog

import "strings"

// unchecked are the adjectives that say something was not checked.
var unchecked = setOf("unconfirmed", "unverified", "uncorroborated")

// copulas stand before an adjective that describes the subject: "the claim
// remained unconfirmed".
var copulas = setOf("is", "are", "was", "were", "remain", "remains", "remained", "been", "still", "yet", "stays", "stayed")

// uncheckedPredicate reports whether a sentence says of its subject that
// it is unconfirmed or unverified ("the claim, however, remained
// unconfirmed", "The figures are still unverified."), not that there were
// unconfirmed reports: the adjective is the predicate, after a copula and
// before no noun.
func uncheckedPredicate(ws []word) bool {
	for i := 1; i < len(ws); i++ {
		if !unchecked[ws[i].lower] || !copulas[ws[i-1].lower] {
			continue
		}
		if i+1 == len(ws) {
			return true
		}
		switch ws[i+1].lower {
		case "by", "and", "but", "as", "so", "because", "since", "though", "although", "while", "for", "at", "on", "in":
			return true
		}
	}
	return false
}

// negatedChecks are the passive checks that a negation elsewhere in the
// sentence turns into a caveat: "Neither claim could be verified", "None
// of the accounts can be confirmed".
var negatedChecks = []string{"could be verified", "could be confirmed", "can be verified", "can be confirmed",
	"could be corroborated", "can be corroborated", "be verified", "be confirmed"}

// negatedCheck reports whether flat (the sentence's lowered words, without
// "independently" and "immediately") holds a check that its negation
// denies.
func negatedCheck(flat string) bool { return containsOneOf(flat, negatedChecks) }

// containsOneOf reports whether s contains one of parts.
func containsOneOf(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// expletiveIt reports whether a sentence opens with an "it" that stands
// for what follows, not for a claim before: "It was not possible to
// verify …", "It is impossible to confirm …".
func expletiveIt(ws []word) bool {
	if len(ws) < 4 || ws[0].lower != "it" {
		return false
	}
	switch ws[1].lower {
	case "was", "is", "has", "had", "remains", "remained":
	default:
		return false
	}
	for _, w := range ws[2:min(len(ws), 6)] {
		switch w.lower {
		case "possible", "impossible", "unclear", "difficult", "hard", "clear", "feasible":
			return true
		}
	}
	return false
}

// casualtyStems report people killed, hurt, missing or trapped, or a
// side's losses: what a caveat on "the casualty tolls" is about besides
// the numbers.
var casualtyStems = []string{"kill", "died", "dead", "death", "injur", "wound", "trapped", "missing", "loss", "casualt", "fatalit"}

// reportsCasualties reports whether a claim tells of casualties ("many
// more were still trapped", "heavy losses").
func reportsCasualties(claim string) bool { return hasStem(claim, casualtyStems) }

// hasStem reports whether a word of claim starts with one of stems (in
// lower case), comparing in place: it runs for every claim a figure
// caveat looks at.
func hasStem(claim string, stems []string) bool {
	for _, p := range stems {
		for i := 0; i+len(p) <= len(claim); i++ {
			if i > 0 && isLetterASCII(claim[i-1]) {
				continue
			}
			k := 0
			for k < len(p) && claim[i+k]|0x20 == p[k] {
				k++
			}
			if k == len(p) {
				return true
			}
		}
	}
	return false
}

// isLetterASCII reports whether c is an ASCII letter.
func isLetterASCII(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// germanPassiveChecks say in German that something could not be checked,
// with nobody doing the checking: "Die Angaben konnten nicht überprüft
// werden", "… sind nicht überprüfbar".
var germanPassiveChecks = []string{"nicht überprüft werden", "nicht bestätigt werden", "nicht verifiziert werden",
	"nicht überprüfbar", "nicht zu überprüfen", "nicht zu bestätigen", "nicht verifizierbar"}

// germanPassiveCheck reports whether low holds one of germanPassiveChecks.
func germanPassiveCheck(low string) bool { return containsOneOf(low, germanPassiveChecks) }

// impossibleCheck reports whether flat says that verifying or confirming
// was not possible ("Verification of the claim was not possible").
func impossibleCheck(flat string) bool {
	return (strings.Contains(flat, "verification") || strings.Contains(flat, "confirmation")) &&
		(strings.Contains(flat, "not possible") || strings.Contains(flat, "impossible"))
}

// tollWords make the figures a caveat names those of people killed or
// hurt.
var tollWords = setOf("toll", "tolls", "casualty", "casualties", "death", "deaths", "dead", "injured", "wounded")

// germanClaimNouns are what a party's statements are called in German.
var germanClaimNouns = setOf("angaben", "aussagen", "behauptungen", "berichte", "darstellung", "darstellungen", "zahlen")

// germanParty returns, in lower case, the party a German caveat names
// after its statements ("Die Angaben der ukrainischen Armee" → "armee"):
// the first noun, which German writes with a capital, after "der", "des",
// "von" or "vom"; or "".
func germanParty(ws []word) string {
	for i := 0; i+2 < len(ws); i++ {
		if !germanClaimNouns[ws[i].lower] {
			continue
		}
		switch ws[i+1].lower {
		case "der", "des", "von", "vom":
		default:
			continue
		}
		for _, w := range ws[i+2 : min(len(ws), i+6)] {
			if isCapitalized(w.text) {
				return w.lower
			}
		}
	}
	return ""
}
