package liveblog

import "strings"

// The rules find a speaker by where it stands: before "said", after
// "according to", before a colon. In ordinary news sentences that place
// sometimes holds a piece of a clause instead of someone — "…, is one of
// the most impoverished states. It's considered …", "It's confirmed
// that …", "Please tell us …", "In Yemen, the agency, which …, reported",
// "…, according to accounts from officials Wednesday". This file tells
// such pieces from speakers, after the rules, so a desk is not offered a
// claim by "It's" or "Wednesday".

// withoutClauseLead removes what a speaker phrase can carry in front of
// the speaker: a transcript's turn or answer label ("A: China noted …",
// "Lin Hao: The coast guard said …") and the wire formula "The attack came
// as the minister denied …".
func withoutClauseLead(claimant string) string {
	s := strings.TrimSpace(claimant)
	if k := strings.LastIndex(s, ": "); k > 0 && k+2 < len(s) {
		s = s[k+2:] // "Lin Hao: The coast guard": the turn's label is not the speaker
	}
	for _, p := range []string{"A. ", "came as ", "comes as ", "come as "} {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return strings.TrimSpace(rest)
		}
	}
	return s
}

// notAClaimant reports whether a claimant is a piece of a clause rather
// than someone who spoke: it opens with a verb ("is one of the most
// impoverished", "Please"), it is "it" with nothing resolved or an
// expletive ("It's confirmed that …"), a pronoun with its verb ("we are organising …"), a day
// ("Wednesday"), or a place with its preposition ("In Yemen").
func notAClaimant(claimant string) bool {
	// The first three words, without a slice per claimant: this runs on
	// every candidate.
	var ws [3]string
	n := 0
	rest := strings.TrimSpace(claimant)
	for rest != "" && n < len(ws) {
		w, after, _ := strings.Cut(rest, " ")
		if w != "" {
			ws[n] = w
			n++
		}
		rest = strings.TrimLeft(after, " ")
	}
	if n == 0 {
		return false
	}
	if rest != "" {
		n++ // more than three words
	}
	first := strings.Trim(ws[0], "\"“”‘’'(),;:")
	switch {
	case inSet(auxiliaries, first) || inSet(requestOpeners, first):
		return true
	case n == 1 && (inSet(expletives, first) || inSet(weekdays, first) || len(first) == 2 && equalLower(first, "it")):
		return true // a person's "he" or "we" left unresolved keeps the phrase; "it" is a thing or no one
	case n >= 2 && inSet(subjectPronouns, first) && auxiliaries[ws[1]]:
		return true // "we are organising signature events as they're"
	case n == 2 && len(first) == 2 && (equalLower(first, "in") || equalLower(first, "at")) && isCapitalized(ws[1]):
		return true // "In Yemen, the agency … reported"
	}
	return false
}

// requestOpeners open a request or a verb phrase, never a name.
var requestOpeners = setOf("please", "been", "being")

// expletives are a subject pronoun with its verb, standing for no one
// ("It's confirmed that …", "There's word that …").
var expletives = setOf("it's", "it’s", "there's", "there’s", "that's", "that’s")

// nameOnlyClaim reports whether what a "C, S said" rule took for the claim
// is only a name or a title ("The Somali Prime Minister, Abdi Said
// Shirdon, called on …", "Donetsk in Russian-occupied Ukraine, local
// officials said"): every word capitalised but the joints of a name, no
// figure and no word that may be a verb. A title in apposition to its
// speaker, or a dateline, says nothing.
func nameOnlyClaim(claim string) bool {
	words := 0
	for rest := strings.TrimSpace(claim); rest != ""; {
		f, after, _ := strings.Cut(rest, " ")
		rest = strings.TrimLeft(after, " ")
		w := strings.Trim(f, "\"“”‘’'(),;:.")
		if w == "" {
			continue
		}
		words++
		if !isCapitalized(w) && !nameConnectors[w] && !inSet(nameJoints, w) {
			return false
		}
		verbLike := !strings.Contains(w, "-") && (hasSuffixLower(w, "ed") || hasSuffixLower(w, "ing"))
		if verbLike || strings.IndexAny(w, "0123456789") >= 0 || inSet(figureWords, w) {
			return false // a headline in title case: "Nine Soldiers Died, Army Says"
		}
	}
	return words >= 2
}

// hasSuffixLower is strings.HasSuffix(lowerASCII(s), low).
func hasSuffixLower(s, low string) bool {
	return len(s) >= len(low) && equalLower(s[len(s)-len(low):], low)
}

// nameJoints join the words of a name or a place ("Minister of State for
// Defence", "Donetsk in eastern Ukraine" is no name: "eastern" is lower).
var nameJoints = setOf("the", "of", "in", "and", "for", "on", "at", "a", "an", "de", "al")
