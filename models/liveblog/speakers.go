package liveblog

import "strings"

// keepSpeakers checks every candidate's claimant after the rules: a
// weekday cut from "said on Monday" can leave "the army on", which loses the
// "on"; a claimant that still ends in a preposition, article or conjunction,
// or that starts with an adverb ("Just a line of" with the verb "notes"), is
// a phrase cut from an ordinary sentence, not someone who spoke, and its
// candidate is dropped. It works in place and returns the kept candidates.
func keepSpeakers(out []Candidate) []Candidate {
	kept := out[:0]
	for i := range out {
		c := out[i]
		c.Claimant = withoutLeadingSubordinator(withoutTrailingAdverb(withoutTrailingDate(withoutClauseLead(c.Claimant))))
		if !isSpeakerPhrase(c.Claimant) || isLoneAdverbOrCondition(c.Claimant) || notAClaimant(c.Claimant) || !isNounPhraseClaimant(c.Claimant) || isOwnTally(c.Claimant) || objectOnly(c.Claim) ||
			c.Rule == ruleClaimSpeakerVerb && nameOnlyClaim(c.Claim) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// withoutTrailingDate removes the "on" (and a "late" or "early" before it)
// that a stripped date leaves at the end of a speaker phrase ("Afghan
// officials late on" → "Afghan officials").
func withoutTrailingDate(claimant string) string {
	s := strings.TrimSpace(claimant)
	cut, ok := strings.CutSuffix(s, " on")
	if !ok {
		return claimant
	}
	for _, w := range []string{" late", " early"} {
		cut = strings.TrimSuffix(cut, w)
	}
	return cut
}

// isSpeakerPhrase reports whether a claimant can name someone who spoke:
// no name or role ends in "of", "the" or "and", and none starts with
// "Just", "However" or "and" (an empty claimant is left to the rules).
func isSpeakerPhrase(claimant string) bool {
	s := strings.TrimSpace(claimant)
	if s == "" {
		return true
	}
	last := strings.TrimRight(s[strings.LastIndexAny(s, " \t\n")+1:], ",.;:")
	if inSet(functionWords, last) {
		return false
	}
	sp := strings.IndexAny(s, " \t\n")
	return sp < 0 || !(inSet(leadingAdverbs, s[:sp]) || inSet(leadingJoins, s[:sp]))
}

// functionWords never end a speaker's name; leadingAdverbs never start one,
// nor do leadingJoins, which show the phrase was cut from a longer name or
// a clause ("and Peace" from "… for Justice and Peace", "where support for
// the opposition is strident").
var (
	functionWords = setOf("of", "a", "an", "the", "to", "in", "on", "at", "for", "from", "with", "by",
		"and", "or", "that", "this", "as")
	leadingAdverbs = setOf("just", "only", "also", "however", "meanwhile", "still", "even", "yet", "then",
		"so", "now", "here", "there")
	leadingJoins = setOf("and", "or", "but", "of", "where", "when", "which", "while", "whose", "whom")
)
