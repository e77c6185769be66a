package liveblog

import "strings"

// handoutCredit reports whether a picture's credit says a party supplied
// it ("Civil Rescue Corps / Handout", "Supplied"): then its caption is
// what that party shows and says. A picture credited to an agency, a
// photographer or a platform ("ANI / Twitter", "Photo: IC") is the
// outlet's own description of a scene, which no one claims.
func handoutCredit(credit string) bool {
	low := lowerASCII(credit)
	return strings.Contains(low, "handout") || strings.Contains(low, "supplied")
}
