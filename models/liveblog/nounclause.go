package liveblog

import "strings"

// "An official indicated the flooding is even worse than in 2010": a verb
// that otherwise names an act ("indicated a route") reports a claim when
// its object is a clause without "that", a short noun phrase followed by
// its own finite verb.

// clauseVerbs are finite forms that show a noun phrase is a clause's
// subject.
var clauseVerbs = setOf("is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
	"might", "must", "should")

// nounClause reports whether text opens with "the", "its" and the like, a
// noun phrase of at most three more words, then one of clauseVerbs.
func nounClause(text string) bool {
	ws := wordsN(strings.TrimSpace(text), 6)
	if len(ws) < 3 || !(ws[0].lower == "the" || possessives[ws[0].lower]) {
		return false
	}
	for k := 1; k < len(ws) && k <= 4; k++ {
		w := ws[k].lower
		if clauseVerbs[w] {
			return k >= 2 || k == 1 && ws[0].lower != "the" // "the X is", "its X was"
		}
		if relatives[w] || w == "that" || placePrepositions[w] || w == "and" {
			return false // "a video that was", "the road to Ostra was"
		}
	}
	return false
}
