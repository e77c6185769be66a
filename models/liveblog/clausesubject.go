package liveblog

import "strings"

// clauseBeforeSpeaker returns where the speaker starts in a subject phrase
// that opens with a clause of its own joined by "and": in "Dozens were hurt
// in the storm and officials said …" or "The coast got 8 inches of rain
// last week and the weather service said …" the speaker is what follows
// the last "and". It returns 0 when p is no such phrase: "The council and
// the port authority said" joins two speakers, and a relative clause ("a
// man who fled and police") keeps its "and".
func clauseBeforeSpeaker(p string) int {
	k := strings.LastIndex(p, " and ")
	if k <= 0 {
		return 0
	}
	before, after := p[:k], strings.TrimSpace(p[k+5:])
	if after == "" || wordCount(after) > 8 || wordCount(before) < 4 || hasRelative(before) || strings.ContainsAny(after, ",;") {
		return 0
	}
	if !hasAuxiliary(before) && !hasPastVerb(before) {
		return 0
	}
	return k + 5 + (len(p[k+5:]) - len(strings.TrimLeft(p[k+5:], " ")))
}

// hasPastVerb reports whether a phrase has a past-tense verb after its
// first word ("Parts of the coast received …"); the first word may be an
// adjective ("Elected officials").
func hasPastVerb(p string) bool {
	var buf [24]string // a speaker phrase has few words: no allocation
	for i, w := range appendFields(buf[:0], p) {
		if i > 0 && (len(w) > 4 && strings.HasSuffix(w, "ed") && !isCapitalized(w) && !inSet(pastAdjectives, w) || inSet(irregularPast, w)) {
			return true
		}
	}
	return false
}

// irregularPast are common past-tense verbs without "-ed".
var irregularPast = setOf("got", "saw", "took", "fell", "rose", "hit", "made", "came", "went", "gave", "began",
	"brought", "caught", "fought", "struck", "shot", "broke", "swept", "spread", "tore", "blew", "sank", "ran", "grew", "drew")

// pastAdjectives end in "-ed" but describe a speaker rather than tell what
// one did ("the united opposition", "armed groups").
var pastAdjectives = setOf("united", "armed", "based", "backed", "led", "allied", "affected", "concerned",
	"related", "elected", "appointed", "retired", "wounded", "injured", "displaced", "detained", "unnamed",
	"registered", "installed", "interested", "involved", "advanced", "embattled", "besieged", "named",
	"so-called", "self-styled", "self-declared", "funded", "sponsored", "trained")

// freeRelative reports whether a subject phrase ends in a "what" clause
// ("the relationship has soured over what some in the region say is …"):
// the words after the verb are a characterisation inside the writer's
// sentence, not a claim someone made.
func freeRelative(p string) bool {
	for at := 0; at < len(p); {
		k := indexLower(p[at:], "what")
		if k < 0 {
			return false
		}
		k += at
		if (k == 0 || p[k-1] == ' ') && (k+4 == len(p) || p[k+4] == ' ') {
			// The speaker's verb closes the "what" clause only when
			// no verb of its own stands after "what" ("Officials, who
			// did not say what caused the blast, said …" is a claim).
			rest := p[k+4:]
			return !strings.Contains(rest, ",") && !hasAuxiliary(rest) && !hasPastVerb("x "+rest)
		}
		at = k + 4
	}
	return false
}

// oneOfSpeakers are speakers that pick one of the group named before them
// ("Residents reported fighting, and at least one said …").
var oneOfSpeakers = setOf("one", "at least one", "another", "one of them", "a few", "some of them", "several")

// quantifiers open a description of a group ("Several embassies").
var quantifiers = setOf("several", "many", "some", "two", "three", "four", "five", "dozens", "hundreds", "most", "other")

// oneOf returns "one of residents" for "at least one" after plural
// speakers, or "" when role is no such speaker or none were named.
func (ix *entityIndex) oneOf(role string, pos int) string {
	if !inSet(oneOfSpeakers, strings.TrimSpace(role)) {
		return ""
	}
	k := ix.nearestBefore(ix.plurals, pos)
	if k < 0 {
		return ""
	}
	group := lowerFirstArticle(ix.ms[k].role)
	if w := firstWord(group); inSet(commonSubjects, w) || inSet(quantifiers, w) {
		group = lowerASCII(group[:len(w)]) + group[len(w):] // "Residents", "Several embassies" opening a sentence
	}
	return strings.TrimSpace(role) + " of " + group
}

// withoutConjunction drops an opening "and" or "but" from a segment
// ("Three dockers, and Mark Obi, a member of …, said": "Mark Obi").
func withoutConjunction(seg string) string {
	for _, c := range []string{"and ", "but "} {
		if len(seg) > len(c) && equalLower(seg[:len(c)], c) {
			return strings.TrimSpace(seg[len(c):])
		}
	}
	return seg
}

// placeAndCountry reports whether b, one capitalised word, names the
// country of a place that ends a ("captives held at Guantanamo Bay, Cuba"):
// then b is no speaker's name.
func placeAndCountry(a, b string) bool {
	if wordCount(b) != 1 || !nameLike(b) || nameLike(a) {
		return false
	}
	ws := strings.Fields(a)
	r := len(ws)
	for r > 0 && isCapitalized(ws[r-1]) {
		r--
	}
	// The place must read as one ("Guantanamo Bay", "Ost Island"): a
	// person known by one name may follow a description ending in a
	// place ("the spokesman of the army in Vell, Zabihullah,").
	last := lowerASCII(ws[len(ws)-1])
	return r < len(ws) && placeBefore(ws, r) && (inSet(placeWords, last) || inSet(placeEnds, last))
}

// placeEnds end the names of places (besides placeWords).
var placeEnds = setOf("bay", "city", "strip", "coast", "peninsula", "bank", "gulf")

// genericOutlets name a kind of outlet, not one outlet ("state TV", "local
// Radio").
var genericOutlets = setOf("tv", "radio", "television", "media", "press",
	"angaben", "medien", "kreise") // German: "russischen Angaben", "ukrainische Medien", "Regierungskreise"

// circumstanceParticiple reports whether a phrase after "he said," is a
// participle clause of circumstance ("referring to the time the quake
// hit", "pointing to the map"): it opens with an -ing word that reports
// nothing, and holds no "that" nor reporting verb that would open a claim.
func circumstanceParticiple(ws []string) bool {
	if len(ws) < 2 || len(ws) > 16 || !strings.HasSuffix(ws[0], "ing") || len(ws[0]) < 6 {
		return false
	}
	if _, rep := reportingVerbs[ws[0]]; rep {
		return false
	}
	return plainTail(ws)
}

// thatClause reports whether a phrase after an inverted verb opens with
// "that": "Eyewitnesses, however, claimed that the toll …" has its speaker
// before the verb and its claim after it.
func thatClause(p string) bool { return strings.EqualFold(firstWord(p), "that") }

// isOwnTally reports whether a claimant is a news agency's own count ("an
// AFP tally based on official reports", "a Reuters count"): the newsroom's
// compilation, not a party's claim.
func isOwnTally(claimant string) bool {
	if indexLower(claimant, "tally") < 0 && indexLower(claimant, "count") < 0 {
		return false
	}
	var buf [24]string
	tally := false
	for _, w := range appendFields(buf[:0], claimant) {
		if strings.EqualFold(w, "tally") || strings.EqualFold(w, "count") {
			tally = true
		}
	}
	return tally && isOutlet(claimant)
}

// isCount reports whether a word is a number ("900", "1,300"), after which
// an -ed form describes what is counted ("900 confirmed cases").
func isCount(w string) bool {
	if w == "" || !isDigit(w[0]) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) && w[i] != ',' && w[i] != '.' {
			return false
		}
	}
	return true
}

// objectOnly reports whether a claim is only the object of its verb
// ("warned of a possible attack", "she said of the high number"): it states
// nothing that could be checked. ("About 30 people …" is a count.)
func objectOnly(claim string) bool {
	// "said of the dead: "They were volunteers."" quotes a claim.
	return strings.HasPrefix(claim, "of ") && !strings.ContainsAny(claim, ":\"“") && wordCount(claim) <= 15
}

// agencyHeads are descriptions of a news outlet ("the agency", "the
// broadcaster"), which refer back to the outlet that reported last.
var agencyHeads = setOf("agency", "broadcaster", "newspaper", "outlet", "channel", "daily", "paper")

// lastOutlet returns the mention of the outlet that spoke last before pos
// ("The Harbour Press also reported clashes, …. …, the agency said."), or
// -1.
func (ix *entityIndex) lastOutlet(pos int) int {
	return ix.nearestBeforeOK(ix.orgs, pos, func(m mention) bool { return m.speaker && isOutlet(m.name) })
}

// beforeDashAside returns where a speaker phrase ends when a description set
// off by dashes stands between it and the verb ("The Coast Observatory - a
// group based abroad which relies on activists - said"): before the first
// dash. It returns end unchanged otherwise.
func beforeDashAside(s string, lo, end int) int {
	p := s[lo:end]
	for _, d := range []string{" - ", " – ", " — "} {
		closing := strings.TrimRight(d, " ")
		if !strings.HasSuffix(p, closing) {
			continue
		}
		inner := p[:len(p)-len(closing)]
		if k := strings.LastIndex(inner, d); k > 0 && wordCount(inner[k:]) >= 2 {
			return lo + len(strings.TrimRight(inner[:k], " "))
		}
	}
	return end
}
