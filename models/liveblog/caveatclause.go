package liveblog

import "strings"

// clauseJoins end a clause that opens a sentence when another statement
// follows it ("The claim could not be confirmed, and a spokesman said …").
var clauseJoins = []string{", and ", " though ", " although ", ", but ", ", while ", "; "}

// openingCaveat returns the clause that opens a sentence when it is a
// passive caveat joined to another statement ("The figures could not be
// independently verified though a commander said …"): nobody in it does
// the checking, so it is the text's caveat on the claims before the
// sentence, whatever the statement after it says about checking, and that
// statement is not covered by it. It returns "" otherwise.
func openingCaveat(low string) string {
	cut := -1
	for _, j := range clauseJoins {
		if k := strings.Index(low, j); k > 0 && (cut < 0 || k < cut) {
			cut = k
		}
	}
	if cut < 0 || !isCaveat(low[:cut]) {
		return ""
	}
	for _, w := range words(low[:cut]) {
		switch {
		case w.lower == "be" || w.lower == "been":
			return low[:cut]
		case mentionsChecking(w.lower):
			return ""
		}
	}
	return ""
}
