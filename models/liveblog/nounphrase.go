package liveblog

import "strings"

// A speaker is a noun phrase. The checks here keep a reporting word from
// being read as a verb where the words around it make it a noun or a
// negated act, and drop a claimant that no noun phrase could be: a
// sentence adverb, a phrase ending in an auxiliary ("It was") or in the
// pronoun of a reduced relative clause ("the figures it admits to").

// notReportingHere reports whether the reporting word at ws[i] is no
// finite report in this place:
//
//   - a noun after a reporting verb ("…, say reports citing officials");
//   - a noun before a modal or a negation ("reports cannot verify …");
//   - a bare form after an article and a name ("A Kalmar Press report
//     cited …": an outlet's report, not the outlet reporting);
//   - a verb negated across adverbs ("almost never publicly claims",
//     "has not yet officially said"), where no claim was made;
//   - "add" as an act ("adds up to 980", "added one more death to the
//     toll"), not "added that".
func notReportingHere(s string, ws []word, i int, info verbInfo) bool {
	if info.noun && i > 0 {
		if prev, rep := reportingVerbs[ws[i-1].lower]; rep && !prev.noun && !prev.part {
			return true
		}
		if i+1 < len(ws) && modalsBeforeVerb[ws[i+1].lower] {
			return true
		}
	}
	if info.base || info.noun {
		k := i - 1
		for k >= 0 && isCapitalized(ws[k].text) && ws[k].lower != "a" && ws[k].lower != "an" && k > i-5 {
			k--
		}
		if k >= 0 && k < i-1 && (ws[k].lower == "a" || ws[k].lower == "an") {
			return true
		}
	}
	if addsTo(ws, i) {
		return true
	}
	k := i - 1
	for k >= 0 && (strings.HasSuffix(ws[k].lower, "ly") && len(ws[k].lower) > 4 || ws[k].lower == "yet" || ws[k].lower == "ever") &&
		k > 0 && strings.TrimSpace(s[ws[k-1].e:ws[k].s]) == "" && strings.TrimSpace(s[ws[k].e:ws[k+1].s]) == "" {
		k-- // "not surprisingly, said" is no negation: no punctuation may stand between
	}
	return k >= 0 && k < i-1 && negations[ws[k].lower]
}

// modalsBeforeVerb follow a noun "reports" or "claims" as its verb.
var modalsBeforeVerb = setOf("cannot", "can't", "couldn't", "might", "must", "should", "shall", "did", "didn't",
	"do", "don't", "does", "doesn't", "won't", "wouldn't")

// negations before a verb say the report was not made.
var negations = setOf("not", "never", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't",
	"won't", "wouldn't", "cannot", "can't", "couldn't")

// isNounPhraseClaimant reports whether a claimant can be a noun phrase: no
// lone sentence adverb ("However"), no auxiliary at its end ("It was"),
// and no subject pronoun closing a longer phrase ("the casualties it").
func isNounPhraseClaimant(claimant string) bool {
	s := strings.TrimSpace(claimant)
	if s == "" {
		return true
	}
	sp := strings.LastIndexAny(s, " \t\n")
	last := strings.TrimRight(s[sp+1:], ",.;:") // looked up with inSet: no lower-case copy per claimant
	if sp < 0 {
		return !inSet(commaAdverbs, last) && !inSet(leadingAdverbs, last)
	}
	return !inSet(nonFinalWords, last)
}

// nonFinalWords never end a speaker phrase of several words: auxiliaries
// ("It was") and subject pronouns ("the casualties it").
var nonFinalWords = setOf("is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will",
	"would", "could", "can", "did", "does", "do", "should", "must", "might", "may",
	"it", "he", "she", "they", "we", "i", "you")

// subjectPronouns open a clause; at the end of a speaker phrase they close
// a relative clause without "that".
var subjectPronouns = setOf("it", "he", "she", "they", "we", "i", "you")

// isAccordingSource reports whether what follows "according to" can be a
// source: "according to plan" or "according to size, location and …" name
// a standard, not someone. A lone lower-case singular noun without an
// article is no source unless it names a body ("police", "media").
func isAccordingSource(subj string) bool {
	s := strings.TrimSpace(subj)
	if s == "" || strings.ContainsAny(s, " \t\n") || isCapitalized(s) {
		return s != ""
	}
	return strings.HasSuffix(s, "s") || inSet(collectiveSources, s) || inSet(subjectPronouns, s) // "by its count": it
}

// collectiveSources are singular nouns that name a source on their own.
var collectiveSources = setOf("police", "media", "data", "intelligence", "staff", "military", "army", "government",
	"management", "security", "television", "radio", "tv", "family", "hospital", "prosecution", "defence", "defense")

// addsTo reports whether "add" at ws[i] adds a thing to another ("adds up
// to", "added one more fatality to the toll") rather than a remark.
func addsTo(ws []word, i int) bool {
	switch ws[i].lower {
	case "add", "adds", "added":
	default:
		return false
	}
	for k := i + 1; k < len(ws) && k <= i+6; k++ {
		w := ws[k].lower
		if w == "up" && k == i+1 {
			return true
		}
		if w == "that" || auxiliaries[w] || passiveAuxiliaries[w] || subjectPronouns[w] || strings.ContainsAny(ws[k].text, ",:\"“") {
			return false
		}
		if w == "to" && k > i+1 && k+1 < len(ws) && (determiners[ws[k+1].lower] || possessives[ws[k+1].lower]) {
			return true
		}
	}
	return false
}

// withoutLeadingSubordinator removes a conjunction that opens a claimant
// ("after fighters from the militant group" → "fighters from the militant
// group"): it opened the clause, not the speaker's name; and a quantifier
// floating after the speakers ("Ukraine and Russia both").
func withoutLeadingSubordinator(claimant string) string {
	s := strings.TrimSpace(claimant)
	if sp := strings.LastIndexByte(s, ' '); sp > 0 && inSet(floatingQuantifiers, s[sp+1:]) {
		s = strings.TrimSpace(s[:sp]) // "Ukraine and Russia both claimed"
		claimant = s
	}
	sp := strings.IndexByte(s, ' ')
	if sp <= 0 || !inSet(subordinators, s[:sp]) || pronouns[lowerASCII(strings.TrimSpace(s[sp+1:]))] {
		return claimant // "when he" was never resolved: it stays, and goes
	}
	return strings.TrimSpace(s[sp+1:])
}

// clauseOpeners open a clause without "that" ("announced it believed …").
var clauseOpeners = setOf("it", "he", "she", "they", "we", "i", "there")

// floatingQuantifiers follow a plural subject before its verb ("both
// claimed", "all said").
var floatingQuantifiers = setOf("both", "all", "each")
