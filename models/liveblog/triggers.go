package liveblog

import (
	"strings"
)

// maxTriggers bounds the reporting verbs looked at in one sentence, which
// keeps the pairing of verbs linear in the input.
const maxTriggers = 12

// maxSubjectWords is the longest speaker phrase accepted ("the head of the
// regional civil protection authority, Marta Kellner").
const maxSubjectWords = 14

// trigger is a reporting verb found in a sentence.
type trigger struct {
	vs, ve int // byte range of the verb ("according to" counts as one)
	info   verbInfo
	quoted bool // "quoted as saying"
	// quotedName is the speaker's range in "PTI quotes X as saying" (the
	// active form), and agentEnd where the quoting agent's phrase ends.
	quotedName span
	agentEnd   int
	// owner is the author's range in "X's statement that C".
	owner span
}

// rawFrame is one attribution found in a sentence, before its speaker is
// resolved to a name.
type rawFrame struct {
	subject string // speaker as printed; "" continues the previous speaker
	claim   string
	verb    string
	direct  bool
	channel string
	via     string
	citing  string // "…, Reuters reported, citing witnesses": the real speaker
	deny    bool
	generic bool // a denial of "the accusation": no claim of its own
	coord   bool // coordinated with the frame before ("… and said …")
	// responsibility marks "claimed responsibility for X": the claim reads
	// "<claimant> was responsible for X".
	responsibility bool
	pos            int    // position of the verb in the sentence
	rule           string // which pattern found it: see rules.go

	// back marks "Das teilte X mit.": the claim is the sentence before.
	back bool
}

// findTriggers returns the reporting verbs of a sentence outside quotations.
func findTriggers(s string, ws []word, qs []span) []trigger {
	var out []trigger
	for i, w := range ws {
		if len(out) == maxTriggers {
			break
		}
		if w.lower == "by" {
			if t, ok := byCount(ws, i); ok && !inSpans(qs, w.s) {
				out = append(out, t)
			}
			continue
		}
		if w.lower == "as" && !inSpans(qs, w.s) {
			if t, ok := asPerTrigger(ws, i); ok {
				out = append(out, t)
				continue
			}
		}
		if len(w.lower) < 3 || inSpans(qs, w.s) {
			continue // every reporting verb and noun has three letters or more
		}
		if w.lower == "according" && i+1 < len(ws) && ws[i+1].lower == "to" {
			out = append(out, trigger{vs: w.s, ve: ws[i+1].e, info: verbInfo{kind: vAccording, display: "according to"}})
			continue
		}
		if t, ok := callingTrigger(ws, i); ok {
			out = append(out, t)
			continue
		}
		if t, ok := possessiveStatement(s, ws, i); ok {
			out = append(out, t)
			continue
		}
		if isDataVerb(w.lower) && (dataSubject(ws, i) || mediaByAgent(ws, i) > 0) || reportsSuggest(ws, i) {
			out = append(out, trigger{vs: w.s, ve: w.e, info: verbInfo{kind: vSay, display: w.lower}})
			continue
		}
		info, ok := reportingVerb(w.lower)
		if !ok || (i == 0 && info.base) {
			continue
		}
		if notReportingHere(s, ws, i, info) || namingParticiple(ws, i) {
			continue // "However, reports cannot …", "never publicly claims", "a group called X said"
		}
		prev, prev2, next := "", "", ""
		adjacent := false
		if i > 0 {
			prev = ws[i-1].lower
			adjacent = strings.TrimSpace(s[ws[i-1].e:w.s]) == ""
		}
		if i > 1 {
			prev2 = ws[i-2].lower
		}
		if i+1 < len(ws) {
			next = ws[i+1].lower
		}
		quoted := info.part && prev == "as" && prev2 == "quoted"
		if info.part && adjacent && progressiveAuxiliaries[prev] {
			// "Local media are reporting that …": a finite verb whose
			// subject stands before the auxiliary.
			info.part = false
			out = append(out, trigger{vs: ws[i-1].s, ve: w.e, info: info})
			continue
		}
		if info.part && i > 1 && progressiveAdverbs[prev] && progressiveAuxiliaries[prev2] {
			// "The BBC is now reporting that …": the same, with an adverb.
			info.part = false
			out = append(out, trigger{vs: ws[i-2].s, ve: w.e, info: info})
			continue
		}
		if info.part && i > 1 {
			// "…, with President Ana Diaz saying …": the name speaks.
			if k := withSubject(ws, i); k >= 0 {
				out = append(out, trigger{vs: w.s, ve: w.e, info: info, quotedName: span{ws[k+1].s, ws[i-1].e}})
				continue
			}
		}
		if info.part && !quoted {
			// "PTI quotes X as saying …", "quoted a crisis centre
			// saying …": X speaks, PTI relays.
			if t, ok := activeQuote(ws, i, info); ok {
				out = append(out, t)
				continue
			}
		}
		if adjacent && blockingBefore[prev] {
			continue
		}
		if adjacent && info.part && info.kind == vAccuse && subordinators[prev] {
			continue // "After blaming the rebels, the council said …": the main clause speaks
		}
		if adjacent && (prev == "the" || prev == "a" || prev == "an" || prev == "this" || prev == "its") && !info.noun {
			continue // "the alleged attack": an adjective
		}
		if strings.HasPrefix(w.lower, "disput") && (!adjacent || placePrepositions[prev] || prev == "over" || !determiners[next] && !possessives[next] && next != "claims" && next != "reports" && next != "it") {
			continue // "over disputed elections", "the disputed area": an adjective
		}
		if adjacent && isCount(prev) && strings.HasSuffix(w.lower, "ed") && !info.part {
			continue // "more than 900 confirmed and suspected cases": an adjective
		}
		if (w.lower == "reported" || w.lower == "confirmed") && reportedStates[next] {
			continue // "a child reported dead": a state, not a report
		}
		if (w.lower == "claimed" || w.lower == "claims") && (next == "lives" || (next == "the" && i+2 < len(ws) && ws[i+2].lower == "lives")) {
			continue // "the fires claimed the lives of …"
		}
		if info.part && articleBefore(ws, i) && !documentBefore(ws, i) {
			continue // "issued a somber warning about …": a noun
		}
		if agentlessPassive(ws, i) {
			continue // "Tanks are also said to have been used": nobody speaks
		}
		if !info.part && next == "to" && i+2 < len(ws) && (ws[i+2].lower == "have" || ws[i+2].lower == "be" || ws[i+2].lower == "had") &&
			!claimsToHave(ws, i) {
			continue // "with three people reported to have been hurt": a passive
		}
		if !info.part && (next == "by" && !byMeans(ws, i+1) || next == "online" && i+2 < len(ws) && ws[i+2].lower == "by") && info.kind == vSay {
			continue // "Photos confirmed by the port authority": a participle
		}
		if i > 2 && adjacent && (mediaNouns[prev] || documentNouns[prev]) && !isCapitalized(ws[i-1].text) &&
			(prev2 == "a" || prev2 == "an" || prev2 == "the") && (nounPrepositions[ws[i-3].lower] || ws[i-3].lower == "in") {
			continue // "in a video posted on …": a participle
		}
		if info.noun && i > 1 && adjacent && nounPrepositions[prev2] && !isCapitalized(ws[i-1].text) {
			continue // "mix footage with propaganda claims": a noun
		}
		if negatedSubject(ws, i) {
			continue // "No group has claimed the bombing": nobody speaks
		}
		if info.noun {
			if (adjacent && determiners[prev] && !(i > 1 && isCapitalized(ws[i-1].text) && isCapitalized(ws[i-2].text))) ||
				nounFollowers[next] || prev != "" && isDigit(prev[0]) || nounContext[prev] {
				continue
			}
			if _, v := reportingVerbs[next]; v {
				continue
			}
		}
		if info.base && i > 1 && isCommaAdverb(prev) {
			// "Officials, however, say": the subject stands before the adverb.
			prev, adjacent = ws[i-2].lower, true
		}
		pw := i - 1 // the word the bare form's subject ends with
		if info.base && i > 1 && adjacent && baseAdverbs[prev] {
			// "Police now say", "Officials also say": the subject stands before the adverb.
			pw = i - 2
			prev = ws[pw].lower
		}
		if info.base && !(adjacent && (pluralSubjects[prev] || pw >= 0 && isCapitalized(ws[pw].text) ||
			(strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s")))) &&
			!pluralBeforePlace(s, ws, i) && !invertedOrCitedBase(s, ws, i) {
			continue
		}
		if info.part && (w.lower == "reporting" || w.lower == "telling") && (placePrepositions[next] || next == "live") {
			continue // "Sherine Tadros, reporting from Cairo, said": an aside
		}
		if info.part && !quoted {
			gap := s[0:w.s]
			if i > 0 {
				gap = s[ws[i-1].e:w.s]
			}
			if !strings.Contains(gap, ",") && !participleLead[prev] && !afterCommunication(ws, i) {
				continue
			}
		}
		if info.kind == vPut && !(info.display != "gave" && info.display != "gives" && putsFigure(ws[i+1:min(len(ws), i+16)]) ||
			givesToll(ws[i+1:min(len(ws), i+16)])) {
			continue
		}
		if w.lower == "read" && !documentReads(ws, i) {
			continue
		}
		if w.text != w.lower && i > 0 && (info.kind != vSay || isCapitalized(ws[i-1].text)) {
			continue // a capitalised verb mid-sentence is a name or a title
		}
		out = append(out, trigger{vs: w.s, ve: w.e, info: info, quoted: quoted})
	}
	return out
}

// pluralBeforePlace reports whether a bare verb form at ws[i] follows a
// plural noun and a prepositional phrase ("Correspondents in the capital
// report", "Residents of the town say").
func pluralBeforePlace(s string, ws []word, i int) bool {
	for k := i - 2; k >= 0 && k >= i-6; k-- {
		if strings.ContainsAny(s[ws[k].e:ws[k+1].s], ",;:") {
			return false
		}
		w := ws[k].lower
		plural := pluralSubjects[w] || commonSubjects[w] ||
			(len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s"))
		if plural && placePrepositions[ws[k+1].lower] {
			return true
		}
		if info, rep := reportingVerbs[w]; (rep && !info.noun) || auxiliaries[w] {
			return false
		}
		if w == "and" && k > 0 {
			return true // "The municipality and the council say"
		}
	}
	return false
}

// statementNouns name what someone said, before "that" and its content.
var statementNouns = setOf("statement", "claim", "claims", "assertion", "announcement", "allegation",
	"allegations", "warning", "insistence", "contention", "remark", "remarks", "comments", "comment")

// possessiveStatement recognises "Alex Badeh's statement that C" at ws[i]:
// the author is the capitalised name before "'s".
func possessiveStatement(s string, ws []word, i int) (trigger, bool) {
	if i == 0 || i+1 >= len(ws) || ws[i+1].lower != "that" || !statementNouns[ws[i].lower] {
		return trigger{}, false
	}
	k := i - 1
	if ws[k].lower == "earlier" || ws[k].lower == "latest" || ws[k].lower == "repeated" {
		k--
	}
	if k < 0 {
		return trigger{}, false
	}
	owner := ws[k].text
	name := strings.TrimSuffix(strings.TrimSuffix(owner, "'s"), "’s")
	if name == owner || !isCapitalized(name) {
		return trigger{}, false
	}
	first := k
	for first > 0 && first > k-4 && isCapitalized(ws[first-1].text) && strings.TrimSpace(s[ws[first-1].e:ws[first].s]) == "" {
		first--
	}
	return trigger{vs: ws[i].s, ve: ws[i+1].e, info: verbInfo{kind: vSay, display: ws[i].lower},
		owner: span{ws[first].s, ws[k].s + len(name)}}, true
}

// dataNouns are records whose "showed" reports what someone counted
// ("ministry figures showed the quake killed 632 people").
var dataNouns = setOf("figures", "figure", "data", "statistics", "records", "results", "count", "tally",
	"numbers", "documents", "estimates", "survey", "poll", "census", "tallies", "information", "evidence", "findings")

// dataSubject reports whether the subject before the verb at ws[i] is such
// a record, within a few words and the same clause.
func dataSubject(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if dataNouns[ws[k].lower] {
			return true
		}
		if _, rep := reportingVerbs[ws[k].lower]; rep && !(k+1 < i && ws[k+1].lower == "by") || auxiliaries[ws[k].lower] {
			return false // "Figures released by the ministry show": a participle
		}
	}
	return false
}

// articleBefore reports whether an article stands right before ws[i], or
// "a" two words before ("a stark warning"), which makes an -ing form a noun.
func articleBefore(ws []word, i int) bool {
	if i > 0 && (ws[i-1].lower == "a" || ws[i-1].lower == "an" || ws[i-1].lower == "the") {
		return true
	}
	return i > 1 && (ws[i-2].lower == "a" || ws[i-2].lower == "an") // "a stark warning"
}

// reportedStates follow "reported" when it describes someone ("reported
// dead", "reported missing").
var reportedStates = setOf("dead", "missing", "killed", "injured", "wounded", "alive", "safe", "captured",
	"arrested", "kidnapped", "abducted", "detained", "hurt", "sick", "ill", "infected", "stranded", "trapped")

// progressiveAuxiliaries make "-ing" forms finite ("is telling", "are
// saying").
var progressiveAuxiliaries = setOf("is", "are", "was", "were")

// activeQuote recognises "A quotes/quoted/cited X as saying" around the
// participle at ws[i] (ws[i-1] is "as").
func activeQuote(ws []word, i int, info verbInfo) (trigger, bool) {
	if i < 2 {
		return trigger{}, false
	}
	last := i - 1 // the quoted speaker ends before "as", or before the participle
	if ws[i-1].lower == "as" {
		last = i - 2
	}
	for q := last - 1; q >= 0 && q >= i-10; q-- {
		switch ws[q].lower {
		case "quoted", "quotes", "quoting", "cited", "cites", "citing":
			if passiveQuote(ws, q) {
				// "X was quoted by ANI as saying": X, before the verb, speaks.
				return trigger{vs: ws[i].s, ve: ws[i].e, info: info, quoted: true}, true
			}
			return trigger{vs: ws[i].s, ve: ws[i].e, info: info, quoted: true,
				quotedName: span{ws[q+1].s, ws[last].e}, agentEnd: ws[q].s}, true
		case "said", "says", "told", "that":
			return trigger{}, false
		}
	}
	return trigger{}, false
}

// communicationVerbs are acts of communicating that a participle of saying
// may follow without a comma ("has written to the president saying …").
var communicationVerbs = setOf("written", "wrote", "writes", "sent", "issued", "posted", "released",
	"published", "tweeted", "called", "phoned", "appealed", "appeared", "spoke", "wrote", "sends", "issues",
	"posts", "releases", "publishes", "appeals", "speaks")

// afterCommunication reports whether a communication verb stands shortly
// before the participle at ws[i] in the same clause.
func afterCommunication(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		if communicationVerbs[ws[k].lower] {
			return true
		}
		if _, rep := reportingVerbs[ws[k].lower]; rep {
			return false
		}
	}
	return false
}

// agentlessPassive reports whether the verb at ws[i] is a participle after
// a form of "be" with only adverbs between ("are also said", "was
// reportedly claimed"): a passive without a speaker.
func agentlessPassive(ws []word, i int) bool {
	k := i - 1
	for k >= 0 && (passiveAdverbs[ws[k].lower] || (len(ws[k].lower) > 4 && strings.HasSuffix(ws[k].lower, "ly"))) {
		k--
	}
	return k >= 0 && k < i-1 && passiveAuxiliaries[ws[k].lower]
}

var passiveAdverbs = setOf("also", "reportedly", "allegedly", "widely", "now", "still", "already", "previously",
	"repeatedly", "often", "variously", "being", "even", "officially", "initially", "first", "apparently")

var passiveAuxiliaries = setOf("is", "are", "was", "were", "be", "been", "being", "am")

// nounContext are words after which "claims", "reports" or "estimates" is a
// noun ("investigate claims that …", "amid reports that …").
var nounContext = setOf("investigate", "investigating", "investigated", "probe", "probing", "examine",
	"examining", "verify", "verifying", "check", "checking", "amid", "over", "about", "despite", "following",
	"against", "deny", "denied", "denies", "denying", "reject", "rejected", "rejects", "dismiss", "dismissed",
	"dismisses", "refute", "refuted", "refutes", "contradict", "contradicted", "repeated", "repeat", "made",
	"make", "making", "heard", "received", "spread", "spreading", "dispute", "disputed", "disputes", "backed",
	"support", "supported", "supports", "confirm", "confirmed", "rejecting", "dismissing", "citing", "cited",
	"echoed", "fuelled", "fueled", "prompted", "sparked", "rebuffed", "amplified", "welcomed", "welcome", "welcomes",
	"welcoming", "urged", "after")

// putsFigure reports whether "put" is followed by "… at <number>" ("put the
// death toll at nine").
func putsFigure(ws []word) bool {
	for k := 0; k < len(ws) && k < 12; k++ {
		if ws[k].lower == "at" && k+1 < len(ws) {
			// "at more than 9,000", "at least 40", "at close to 300"
			j := k + 1
			for j+1 < len(ws) && j < k+4 && figureQualifiers[ws[j].lower] {
				j++
			}
			n := ws[j].lower
			return isDigit(n[0]) || numberWords[n]
		}
	}
	return false
}

// figureQualifiers stand between "at" and the figure a speaker puts a
// toll at.
var figureQualifiers = setOf("least", "more", "than", "about", "around", "close", "to", "nearly", "almost",
	"some", "roughly", "well", "over", "just", "under", "fewer", "less")

var numberWords = setOf("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
	"thousands", "dozens", "a", "over", "roughly", "nearly", "almost", "up", "less", "fewer")

// negatedSubject reports whether the verb at i has a subject that denies
// there is a speaker ("No one has claimed …", "No group has claimed …",
// "Nobody has said …").
func negatedSubject(ws []word, i int) bool {
	k := i - 1
	for k >= 0 && (auxiliaries[ws[k].lower] || ws[k].lower == "yet" || ws[k].lower == "immediately" || ws[k].lower == "so" || ws[k].lower == "far") {
		k--
	}
	if k < 0 {
		return false
	}
	switch {
	case ws[k].lower == "nobody" || ws[k].lower == "none":
		return true
	case k > 0 && ws[k-1].lower == "no", k > 1 && ws[k-2].lower == "no":
		return true // "no one", "no group", "no official source"
	}
	return false
}

// mediaParticiples say who provided a picture ("released by", "confirmed
// by").
var mediaParticiples = setOf("released", "confirmed", "taken", "published", "provided", "shared", "issued",
	"distributed", "obtained", "posted", "supplied", "handed")

// mediaByAgent returns the index of the word after "by" when the subject of
// the verb at i is a picture credited to someone ("Aerial photographs
// released by the disaster agency showed …"), else 0: the picture is that
// party's claim, as a handout photo is its provider's.
func mediaByAgent(ws []word, i int) int {
	for k := i - 1; k >= 2 && k >= i-10; k-- {
		if ws[k].lower == "by" && mediaParticiples[ws[k-1].lower] && mediaNouns[ws[k-2].lower] {
			return k + 1
		}
	}
	return 0
}

// mediaAgent returns the party in a subject such as "Photos confirmed by
// the port authority", or the subject itself when it credits no picture.
func mediaAgent(subj string) string {
	if !strings.Contains(subj, " by ") {
		return subj
	}
	ws := words(subj)
	if k := mediaByAgent(ws, len(ws)); k > 0 && k < len(ws) {
		return subj[ws[k].s:]
	}
	return subj
}

// nounPrepositions before a modifier and a verb form make it a noun ("with
// propaganda claims", "amid media reports").
var nounPrepositions = setOf("with", "of", "for", "about", "against", "amid", "despite", "over", "by", "on", "to", "from", "into")
