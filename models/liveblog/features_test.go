package liveblog

import (
	"math"
	"strings"
	"unicode"
)

// The candidate features below are what a learned candidate filter was
// measured with (TestScorerCrossValidation, README "A learned candidate
// filter, measured"). It did not raise precision on held-out batches, so
// Extract does not use them.

// featureNames names the candidate features the scorer weighs, in the order
// of candidateFeatures' result, so the weights file and the README can say
// what each weight is for. None names a particular sentence or outlet.
var featureNames = [nFeatures]string{
	"bias",
	// the rule that found the candidate
	"rule:speaker-verb-claim", "rule:claim-speaker-verb", "rule:claim-verb-speaker",
	"rule:according-to", "rule:coordinated-or-participle", "rule:relative-clause",
	"rule:accusation-or-denial", "rule:figure", "rule:quote-continues",
	"rule:colon", "rule:headline-source", "rule:photo-credit", "rule:other",
	// the reporting verb
	"verb:say", "verb:tell", "verb:claim-allege", "verb:report", "verb:other",
	"direct", "channel", "via", "unverifiable",
	// the claimant's shape
	"claimant:one-word", "claimant:two-three-words", "claimant:long",
	"claimant:all-capitalised", "claimant:starts-lower", "claimant:pronoun",
	"claimant:role-noun", "claimant:organisation", "claimant:ends-function-word",
	"claimant:starts-adverb", "claimant:has-digit", "claimant:repeated",
	"claimant:in-headline",
	// the claim and its sentence
	"claim:short", "claim:long", "claim:number", "claim:question",
	"claim:starts-lower", "claim:is-headline", "quote:quote-marks",
	"quote:second-attribution", "quote:long", "entry:intro", "entry:first-in-entry",
}

// Feature positions, in the order of featureNames.
const (
	fBias = iota
	fRuleSpeakerVerbClaim
	fRuleClaimSpeakerVerb
	fRuleClaimVerbSpeaker
	fRuleAccordingTo
	fRuleCoordinatedOrParticiple
	fRuleRelativeClause
	fRuleAccusationOrDenial
	fRuleFigure
	fRuleQuoteContinues
	fRuleColon
	fRuleHeadlineSource
	fRulePhotoCredit
	fRuleOther
	fVerbSay
	fVerbTell
	fVerbClaimAllege
	fVerbReport
	fVerbOther
	fDirect
	fChannel
	fVia
	fUnverifiable
	fClaimantOneWord
	fClaimantTwoThreeWords
	fClaimantLong
	fClaimantAllCapitalised
	fClaimantStartsLower
	fClaimantPronoun
	fClaimantRoleNoun
	fClaimantOrganisation
	fClaimantEndsFunctionWord
	fClaimantStartsAdverb
	fClaimantHasDigit
	fClaimantRepeated
	fClaimantInHeadline
	fClaimShort
	fClaimLong
	fClaimNumber
	fClaimQuestion
	fClaimStartsLower
	fClaimIsHeadline
	fQuoteQuoteMarks
	fQuoteSecondAttribution
	fQuoteLong
	fEntryIntro
	fEntryFirstInEntry
	nFeatures
)

// candidateContext is what the scorer knows about a candidate's neighbours:
// how many candidates share its claimant and whether it is the first of its
// entry.
type candidateContext struct {
	sameClaimant int
	firstInEntry bool
}

// candidateFeatures describes c as a vector of 0/1 values, one per
// featureNames entry.
func candidateFeatures(c *Candidate, cx candidateContext) [nFeatures]float64 {
	var f [nFeatures]float64
	set := func(i int, on bool) {
		if on {
			f[i] = 1
		}
	}
	set(fBias, true)
	set(ruleFeature(c.Rule), true)
	set(verbFeature(strings.ToLower(c.Verb)), true)
	set(fDirect, c.Direct)
	set(fChannel, c.Channel != "")
	set(fVia, c.Via != "")
	set(fUnverifiable, c.Unverifiable)

	ws := strings.Fields(c.Claimant)
	set(fClaimantOneWord, len(ws) == 1)
	set(fClaimantTwoThreeWords, len(ws) == 2 || len(ws) == 3)
	set(fClaimantLong, len(ws) > 3)
	if len(ws) > 0 {
		first, last := strings.ToLower(ws[0]), strings.ToLower(strings.Trim(ws[len(ws)-1], ",.;:"))
		set(fClaimantAllCapitalised, allCapitalised(ws))
		set(fClaimantStartsLower, !startsUpper(ws[0]))
		set(fClaimantPronoun, len(ws) == 1 && pronouns[first])
		set(fClaimantRoleNoun, hasRoleNoun(ws))
		set(fClaimantOrganisation, hasOrgWord(ws))
		set(fClaimantEndsFunctionWord, functionWords[last])
		set(fClaimantStartsAdverb, leadingAdverbs[first])
	}
	set(fClaimantHasDigit, strings.ContainsAny(c.Claimant, "0123456789"))
	set(fClaimantRepeated, cx.sameClaimant > 1)
	set(fClaimantInHeadline, c.Claimant != "" && c.Headline != "" &&
		strings.Contains(strings.ToLower(c.Headline), strings.ToLower(c.Claimant)))

	n := len(strings.Fields(c.Claim))
	set(fClaimShort, n < 4)
	set(fClaimLong, n > 30)
	set(fClaimNumber, strings.ContainsAny(c.Claim, "0123456789"))
	set(fClaimQuestion, strings.HasSuffix(strings.TrimSpace(c.Claim), "?"))
	set(fClaimStartsLower, c.Claim != "" && !startsUpper(c.Claim))
	set(fClaimIsHeadline, c.Headline != "" && strings.Contains(c.Headline, c.Claim))
	set(fQuoteQuoteMarks, strings.ContainsAny(c.Quote, "\"“”«»"))
	set(fQuoteSecondAttribution, attributionWords(c.Quote) > 1)
	set(fQuoteLong, len(strings.Fields(c.Quote)) > 45)
	set(fEntryIntro, c.EntryIndex < 0)
	set(fEntryFirstInEntry, cx.firstInEntry)
	return f
}

// ruleFeature groups the rules into the classes the scorer weighs; rare
// rules share a weight so a handful of examples do not decide it.
func ruleFeature(rule string) int {
	switch rule {
	case ruleSpeakerVerbClaim:
		return fRuleSpeakerVerbClaim
	case ruleClaimSpeakerVerb:
		return fRuleClaimSpeakerVerb
	case ruleClaimVerbSpeaker:
		return fRuleClaimVerbSpeaker
	case ruleAccordingBefore, ruleAccordingAfter:
		return fRuleAccordingTo
	case ruleCoordinated, ruleParticiple:
		return fRuleCoordinatedOrParticiple
	case ruleRelativeClause:
		return fRuleRelativeClause
	case ruleAccusation, ruleDenial:
		return fRuleAccusationOrDenial
	case ruleFigure, ruleResponsibility:
		return fRuleFigure
	case ruleQuoteContinues:
		return fRuleQuoteContinues
	case ruleColonBlock, ruleSpeakerColon:
		return fRuleColon
	case ruleHeadlineSource:
		return fRuleHeadlineSource
	case rulePhotoCredit:
		return fRulePhotoCredit
	}
	return fRuleOther
}

// verbFeature puts a reporting verb (lower case) in its class.
func verbFeature(v string) int {
	head, _, _ := strings.Cut(v, " ")
	switch head {
	case "said", "says", "say", "saying", "stated", "added", "adds", "add":
		return fVerbSay
	case "told", "tells", "tell", "telling":
		return fVerbTell
	case "claimed", "claims", "claim", "alleged", "alleges", "insisted", "insists":
		return fVerbClaimAllege
	case "reported", "reports", "report", "according", "announced", "announces", "confirmed", "confirms":
		return fVerbReport
	}
	return fVerbOther
}

// allCapitalised reports whether every word of a name longer than two
// letters starts with a capital ("Prime Minister Li", not "the minister").
func allCapitalised(ws []string) bool {
	for _, w := range ws {
		if len(w) > 2 && !startsUpper(w) {
			return false
		}
	}
	return true
}

// hasRoleNoun reports whether the claimant holds a word naming a role
// ("spokesman", "minister", "officials").
func hasRoleNoun(ws []string) bool {
	for _, w := range ws {
		if roleNouns[strings.ToLower(strings.Trim(w, ",.'’s"))] {
			return true
		}
	}
	return false
}

// hasOrgWord reports whether the claimant ends in or holds a word that names
// an organisation ("Ministry", "Agency", "Police").
func hasOrgWord(ws []string) bool {
	for _, w := range ws {
		if orgWords[strings.ToLower(strings.Trim(w, ",.'’s"))] {
			return true
		}
	}
	return false
}

// attributionWords counts the reporting verbs of a sentence, a sign that
// it attributes more than one thing and the candidate may have the wrong
// speaker.
func attributionWords(s string) int {
	n := 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch strings.ToLower(w) {
		case "said", "says", "told", "according", "added", "claimed", "denied", "stated":
			n++
		}
	}
	return n
}

// roleNouns are words naming a role, for the claimant features.
var (
	roleNouns = setOf("spokesman", "spokeswoman", "spokesperson", "minister", "president", "official",
		"officials", "police", "governor", "mayor", "chief", "director", "secretary", "commander",
		"leader", "head", "witness", "witnesses", "residents", "source", "sources", "correspondent",
		"spokespeople", "general", "ambassador", "prime")
)

// featuresOf returns the feature vectors of a text's candidates, in order:
// a candidate's context is how often its claimant recurs among them and
// whether it opens its entry.
func featuresOf(cands []Candidate) [][nFeatures]float64 {
	same := make(map[string]int, len(cands))
	for i := range cands {
		same[strings.ToLower(cands[i].Claimant)]++
	}
	out := make([][nFeatures]float64, len(cands))
	prev := -2
	for i := range cands {
		c := &cands[i]
		out[i] = candidateFeatures(c, candidateContext{sameClaimant: same[strings.ToLower(c.Claimant)],
			firstInEntry: c.EntryIndex != prev})
		prev = c.EntryIndex
	}
	return out
}

// sigmoid maps a weighted sum of features to a probability.
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
