package liveblog

import "strings"

// checkingVerbs end the subject of a caveat sentence ("UNAMA's
// investigators could not confirm …").
var checkingVerbs = setOf("could", "couldn't", "cannot", "can't", "can", "was", "were", "is", "are", "has",
	"have", "had", "did", "didn't", "does", "do", "said", "says")

// partysOwnCheck reports whether a caveat sentence is a party of the entry
// saying what it could not confirm ("UNAMA's investigators could not
// confirm if …" after UNAMA's report): its subject names, by a capitalised
// name that is no news outlet, a claimant of the entry. That is the
// party's account of its own knowledge, not the text saying it could not
// check what it reports, so it flags no claim.
func partysOwnCheck(caveat string, items []*item) bool {
	if impersonalCaveat(caveat) {
		return false
	}
	ws := words(caveat)
	var names []string
	verb := false
	for i, w := range ws {
		if checkingVerbs[w.lower] {
			if !checksNext(ws[i:]) {
				return false // "X is reporting …, we could not confirm"
			}
			verb = true
			break
		}
		n := strings.TrimSuffix(strings.TrimSuffix(w.lower, "'s"), "’s")
		if outletWords[n] || n == "we" || referringNouns[n] {
			return false
		}
		if i > 0 && isCapitalized(w.text) || i == 0 && n != w.lower {
			if len(n) > 2 && !descStop[n] {
				names = append(names, n)
			}
		}
	}
	if !verb {
		return false // no subject doing the checking ("Die Angaben der Armee ließen sich nicht …")
	}
	for _, n := range names {
		for _, it := range items {
			if namesParty(it.claimant, n) {
				return true
			}
		}
	}
	return false
}

// checksNext reports whether the verb opening ws is the checking itself
// ("could not confirm", "were unable to verify"), within four words.
func checksNext(ws []word) bool {
	for _, w := range ws[:min(len(ws), 5)] {
		if mentionsChecking(w.lower) {
			return true
		}
	}
	return false
}
