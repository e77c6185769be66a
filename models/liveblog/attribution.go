package liveblog

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
}

// findTriggers returns the reporting verbs of a sentence outside quotations.
func findTriggers(s string, ws []word, qs []span) []trigger {
	var out []trigger
	for i, w := range ws {
		if len(out) == maxTriggers {
			break
		}
		if inSpans(qs, w.s) {
			continue
		}
		if w.lower == "according" && i+1 < len(ws) && ws[i+1].lower == "to" {
			out = append(out, trigger{vs: w.s, ve: ws[i+1].e, info: verbInfo{kind: vAccording, display: "according to"}})
			continue
		}
		if t, ok := possessiveStatement(s, ws, i); ok {
			out = append(out, t)
			continue
		}
		if (w.lower == "showed" || w.lower == "shows" || w.lower == "show") && dataSubject(ws, i) {
			out = append(out, trigger{vs: w.s, ve: w.e, info: verbInfo{kind: vSay, display: w.lower}})
			continue
		}
		info, ok := reportingVerbs[w.lower]
		if !ok || (i == 0 && info.base) {
			continue
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
		if adjacent && (prev == "the" || prev == "a" || prev == "an" || prev == "this" || prev == "its") && !info.noun {
			continue // "the alleged attack": an adjective
		}
		if (w.lower == "reported" || w.lower == "confirmed") && reportedStates[next] {
			continue // "a child reported dead": a state, not a report
		}
		if (w.lower == "claimed" || w.lower == "claims") && (next == "lives" || (next == "the" && i+2 < len(ws) && ws[i+2].lower == "lives")) {
			continue // "the fires claimed the lives of …"
		}
		if info.part && articleBefore(ws, i) {
			continue // "issued a somber warning about …": a noun
		}
		if agentlessPassive(ws, i) {
			continue // "Tanks are also said to have been used": nobody speaks
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
		if info.base && !(adjacent && (pluralSubjects[prev] || isCapitalized(ws[i-1].text) ||
			(strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, "'s") && !strings.HasSuffix(prev, "’s")))) &&
			!pluralBeforePlace(s, ws, i) {
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
		if info.kind == vPut && !putsFigure(ws[i+1:min(len(ws), i+16)]) {
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
	"numbers", "documents", "estimates", "survey", "poll", "census", "tallies")

// dataSubject reports whether the subject before the verb at ws[i] is such
// a record, within a few words and the same clause.
func dataSubject(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		if dataNouns[ws[k].lower] {
			return true
		}
		if _, rep := reportingVerbs[ws[k].lower]; rep || auxiliaries[ws[k].lower] {
			return false
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
			n := ws[k+1].lower
			if n == "least" || n == "more" || n == "about" || n == "around" {
				if k+2 < len(ws) {
					n = ws[k+2].lower
				}
			}
			return isDigit(n[0]) || numberWords[n]
		}
	}
	return false
}

var numberWords = setOf("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
	"thousands", "dozens", "a", "over", "roughly", "nearly", "almost", "up", "less", "fewer")

// sentenceFrames finds the attributions of one sentence. from is where the
// sentence proper starts (after a wire dateline).
func sentenceFrames(s string, from int, qs []span, ws []word) []rawFrame {
	trigs := findTriggers(s, ws, qs)
	if len(trigs) == 0 {
		return nil
	}
	var out []rawFrame
	lo := from
	i := 0
	for i < len(trigs) {
		if trigs[i].vs < lo {
			i++
			continue
		}
		jB := -1
		var bf rawFrame
		var attrEnd, claimEnd int
		for j := i; j < len(trigs); j++ {
			hi := len(s)
			if j+1 < len(trigs) {
				hi = trigs[j+1].vs
			}
			if f, ce, ae, ok := trailingFrame(s, qs, lo, hi, trigs[j]); ok {
				jB, bf, claimEnd, attrEnd = j, f, ce, ae
				break
			}
		}
		if jB < 0 {
			out = append(out, leadingFrames(s, qs, lo, len(s), trigs[i:])...)
			break
		}
		if jB > i && (bf.verb == "reported" || bf.verb == "reports" || (bf.verb == "according to" && isOutlet(bf.subject))) {
			inner := leadingFrames(s, qs, lo, claimEnd, trigs[i:jB])
			if len(inner) > 0 {
				for k := range inner {
					inner[k].via = strings.TrimSpace(bf.subject + " " + bf.verb)
					if bf.verb == "according to" {
						inner[k].via = "according to " + bf.subject
					}
				}
				out = append(out, inner...)
			} else {
				out = append(out, bf)
			}
		} else {
			if bf.citing != "" && isOutlet(bf.subject) {
				bf.via = bf.subject + " " + bf.verb
				bf.subject = bf.citing
			}
			out = append(out, bf)
		}
		lo = attrEnd
		i = jB + 1
	}
	return out
}

// trailingFrame recognises an attribution that follows its claim:
// "C, S said", "C, said S", "C, according to S", `"Q," S told O`,
// `"Q1," she added, "Q2."`. It returns the frame, where the claim ends and
// where the attribution ends.
func trailingFrame(s string, qs []span, lo, hi int, t trigger) (rawFrame, int, int, bool) {
	if t.info.kind == vAccuse || t.info.kind == vDeny || t.info.kind == vPut || t.info.part {
		return rawFrame{}, 0, 0, false
	}
	f := rawFrame{verb: t.info.display, pos: t.vs}
	pre := strings.TrimRight(s[lo:t.vs], " ")
	if t.info.kind == vAccording {
		if isIntroLike(pre) {
			return rawFrame{}, 0, 0, false
		}
		claimEnd := lo + len(strings.TrimRight(pre, " ,;:–—-"))
		subj, ae := phraseUntilEnd(s, qs, t.ve, hi)
		if subj == "" {
			return rawFrame{}, 0, 0, false
		}
		f.subject, f.rule = subj, ruleAccordingAfter
		if analyzeSubject(subj).name == "" {
			f.channel = "according to " + subj
		}
		f.claim, f.direct = cleanClaim(s[lo:claimEnd])
		return f, claimEnd, ae, f.claim != ""
	}
	// Inversion: `"Q," said Smith` / "C, says the minister".
	if endsWithCommaOrQuote(pre, qs, lo) && t.info.kind == vSay && !t.info.needsTo {
		subj, ae := phraseUntilEnd(s, qs, t.ve, hi)
		subj = withoutAnonymity(subj) // "said a doctor who asked not to be named because …"
		if subj != "" && startsNounPhrase(subj) && wordCount(subj) <= 10 && !hasAuxiliary(subj) && !isInsertion(lastSegment(pre)) {
			claimEnd := lo + len(strings.TrimRight(pre, " ,"))
			f.subject, f.rule = subj, ruleClaimVerbSpeaker
			f.claim, f.direct = cleanClaim(s[lo:claimEnd])
			return f, claimEnd, ae, f.claim != ""
		}
	}
	ss, se, sep, ok := subjectSpan(s, qs, lo, t.vs)
	if !ok || sep < 0 {
		return rawFrame{}, 0, 0, false
	}
	region := strings.TrimSpace(s[lo:sep])
	if region == "" || isIntroLike(strings.TrimRight(region, ",")) {
		return rawFrame{}, 0, 0, false
	}
	tail, ok := consumeTail(s, qs, t, hi)
	if !ok {
		return rawFrame{}, 0, 0, false
	}
	f.subject, f.rule = s[ss:se], ruleClaimSpeakerVerb
	f.channel, f.citing = tail.channel, tail.citing
	claimEnd := sep
	f.claim, f.direct = cleanClaim(s[lo:claimEnd])
	if tail.second != "" {
		if strings.HasSuffix(strings.TrimRight(strings.TrimRight(s[lo:claimEnd], " \"”"), " "), ",") {
			f.claim += ","
		}
		f.claim = f.claim + " " + tail.second
		f.direct = f.direct && tail.secondDirect
	}
	return f, claimEnd, tail.end, f.claim != ""
}

// endsWithCommaOrQuote reports whether pre ends with a comma or with a
// quotation that ends in a comma, question or exclamation mark.
func endsWithCommaOrQuote(pre string, qs []span, lo int) bool {
	if strings.HasSuffix(pre, ",") {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(pre)
	if r != '"' && r != '”' {
		return false
	}
	inner := strings.TrimRight(pre[:len(pre)-size], " ")
	return strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!")
}

// hasAuxiliary reports whether a phrase contains an auxiliary verb, which
// makes it a clause rather than a speaker.
func hasAuxiliary(p string) bool {
	for _, w := range words(p) {
		if auxiliaries[w.lower] {
			return true
		}
	}
	return false
}

// lastSegment returns what follows the last comma of s, ignoring a comma at
// its very end.
func lastSegment(s string) string {
	s = strings.TrimRight(s, " ,")
	if k := strings.LastIndexByte(s, ','); k >= 0 {
		return strings.TrimSpace(s[k+1:])
	}
	return strings.TrimSpace(s)
}

// startsNounPhrase reports whether s opens like a speaker: a capitalised
// word or an article.
func startsNounPhrase(s string) bool {
	w := lowerASCII(firstWord(s))
	if isCapitalized(s) || nounPhraseOpeners[w] {
		return true
	}
	// "said demonstrator Jade Wong", "said resident Ana Borg": a role
	// word before a name.
	ws := strings.Fields(s)
	if len(ws) >= 2 && len(ws) <= 5 && isCapitalized(ws[1]) {
		return personRoles[w] || titles[w] || commonSubjects[w] || strings.HasSuffix(w, "er") ||
			strings.HasSuffix(w, "or") || strings.HasSuffix(w, "ist") || strings.HasSuffix(w, "ant") || strings.HasSuffix(w, "ent")
	}
	return false
}

// phraseUntilEnd returns the phrase from start up to the end of the clause
// (hi, the end of the sentence, or a comma that is not followed by an
// appositive name), without final punctuation.
func phraseUntilEnd(s string, qs []span, start, hi int) (string, int) {
	end := hi
	for i := start; i < hi; i++ {
		if s[i] == ',' && !inSpans(qs, i) {
			rest := strings.TrimSpace(s[i+1 : hi])
			seg := rest
			if k := strings.IndexByte(rest, ','); k >= 0 {
				seg = rest[:k]
			}
			seg = strings.TrimRight(seg, ".!? ")
			if nameLike(seg) || isRoleAppositive(seg) {
				continue
			}
			end = i
			break
		}
	}
	p := strings.TrimSpace(s[start:end])
	p = strings.TrimRight(p, ".!?;: ")
	return p, end
}

// isIntroLike reports whether a phrase before the subject is an
// introduction ("On Wednesday", "Speaking to reporters") rather than a claim.
func isIntroLike(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return true
	}
	if wordCount(text) > 8 || hasAuxiliary(text) {
		return false // "At least 12 people were killed" is a claim
	}
	low := lowerASCII(text)
	for _, q := range []string{"at least", "at most", "more than", "up to", "as many as", "as few as", "about ", "around "} {
		if strings.HasPrefix(low, q) {
			return false
		}
	}
	return inSet(introStarters, firstWord(text))
}

// tailInfo is what follows a trailing attribution's verb.
type tailInfo struct {
	channel      string
	citing       string
	second       string // the second half of a split quotation
	secondDirect bool
	end          int
}

// consumeTail checks that what follows a verb is only attribution — an
// object of "told", channels, times, "asking not to be named", "citing X" —
// or the second half of a split quotation.
func consumeTail(s string, qs []span, t trigger, hi int) (tailInfo, bool) {
	var ti tailInfo
	j := t.ve
	var channels []string
	if t.info.kind == vTell {
		obj, k := tellObject(s, qs, j, hi)
		if obj == "" {
			return ti, false
		}
		channels = append(channels, "told "+obj)
		j = k
	}
	// Split quotation: `, "Q2."` running to the end of the clause.
	k := skipSpaces(s, j)
	if k < hi && s[k] == ',' {
		q := skipSpaces(s, k+1)
		for _, sp := range qs {
			if sp.s == q && strings.TrimRight(strings.TrimSpace(s[sp.e:hi]), ".!?") == "" {
				ti.second, ti.secondDirect = cleanClaim(s[sp.s:sp.e])
				ti.end = hi
				ti.channel = strings.Join(channels, " ")
				return ti, ti.second != ""
			}
		}
	}
	for _, c := range topLevelSplit(s, qs, j, hi) {
		seg := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s[c.s:c.e]), ".!?;"))
		if seg == "" {
			continue
		}
		low := lowerASCII(seg)
		if isAnonymity(low) {
			continue
		}
		if strings.HasPrefix(low, "citing ") {
			ti.citing = strings.TrimSpace(seg[len("citing "):])
			continue
		}
		ws := strings.Fields(low)
		if continuationWords[ws[0]] && len(ws) > 2 {
			// "Nobody was hurt, he said, but two tanks caught fire."
			ti.second, _ = cleanClaim(s[c.s:hi])
			ti.second = strings.TrimSpace(ti.second)
			ti.channel = strings.Join(channels, " ")
			ti.end = hi
			return ti, ti.second != ""
		}
		if subordinators[ws[0]] || ws[0] == "as" {
			// "told Reuters as the group published its report": a time
			// clause, the end of the attribution.
			if len(ws) > 24 || !plainTail(ws) {
				return ti, false
			}
			ti.end = hi
			ti.channel = strings.Join(channels, " ")
			return ti, true
		}
		if !(phraseStarters[ws[0]] || timeWords[ws[0]]) || len(ws) > 16 || (len(ws) > 8 && !plainTail(ws)) {
			return ti, false
		}
		if ch := channelPhrase(seg); ch != "" {
			channels = append(channels, ch)
		}
	}
	ti.channel = strings.Join(channels, " ")
	ti.end = hi
	return ti, true
}

// plainTail reports whether a long phrase after a verb is only
// circumstance ("in an interview with Fox News after the claim surfaced"):
// no "that" and no reporting verb that would open a claim.
func plainTail(ws []string) bool {
	for _, w := range ws {
		if info, rep := reportingVerbs[w]; (rep && !info.noun) || w == "that" {
			return false
		}
	}
	return true
}

// continuationWords open the rest of a claim that an attribution
// interrupted ("…, he said, but …").
var continuationWords = setOf("but", "although", "though", "because", "and", "while", "since", "as", "so")

// withoutAnonymity cuts a speaker phrase before an aside that only says the
// speaker was not named.
func withoutAnonymity(subj string) string {
	low := lowerASCII(subj)
	for _, p := range []string{" who asked not to be", " who spoke on condition", " who declined to be", " speaking on condition",
		" on condition of anonymity", " who requested anonymity", " asking not to be", " who did not want to be"} {
		if k := strings.Index(low, p); k > 0 {
			return strings.TrimRight(subj[:k], " ,")
		}
	}
	return subj
}

// isAnonymity reports whether a phrase only says the speaker was not named.
func isAnonymity(low string) bool {
	for _, p := range []string{"asking not to be", "who asked not to be", "speaking on condition", "on condition of anonymity", "who declined to be", "declining to be", "requesting anonymity", "who requested anonymity", "because they were not authori", "because he was not authori", "because she was not authori"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// topLevelSplit splits s[from:to] at commas outside quotations and brackets.
func topLevelSplit(s string, qs []span, from, to int) []span {
	out := make([]span, 0, 4)
	start := from
	depth := 0
	for i := from; i < to; i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',', ';':
			if s[i] == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				continue // "3,000"
			}
			if depth == 0 && !inSpans(qs, i) {
				out = append(out, span{start, i})
				start = i + 1
			}
		}
	}
	return append(out, span{start, to})
}

// tellObject returns who was told ("reporters", "the news agency NPA", "our
// reporter") and where it ends.
func tellObject(s string, qs []span, j, hi int) (string, int) {
	ws := wordsN(s[j:hi], 10)
	if len(ws) == 0 || inSpans(qs, j+ws[0].s) {
		return "", j
	}
	at := func(k int) int { return j + ws[k].s }
	end := func(k int) int { return j + ws[k].e }
	// "told X that …"
	for k := 1; k < len(ws) && k < 8; k++ {
		if inSpans(qs, at(k)) || strings.ContainsAny(s[j:at(k)], ",:\"“") {
			break
		}
		if ws[k].lower == "that" {
			return strings.TrimSpace(s[j:at(k)]), at(k)
		}
	}
	k := 0
	if nounPhraseOpeners[ws[0].lower] {
		for m := 1; m < len(ws) && m <= 3; m++ {
			if strings.TrimSpace(s[end(m-1):at(m)]) != "" || phraseStarters[ws[m].lower] || nounPhraseOpeners[ws[m].lower] {
				break
			}
			k = m
			if isCapitalized(ws[m].text) {
				break
			}
		}
	}
	if isCapitalized(ws[k].text) {
		for k+1 < len(ws) && isCapitalized(ws[k+1].text) && strings.TrimSpace(s[end(k):at(k+1)]) == "" {
			k++
		}
	}
	return strings.TrimSpace(s[j:end(k)]), end(k)
}

// channelPhrase returns the parts of a phrase that name a channel ("in a
// statement", "on Telegram", "at a news conference"), dropping times and
// places.
func channelPhrase(seg string) string {
	ws := strings.Fields(seg)
	var out []string
	var cur []string
	flush := func() {
		for _, w := range cur {
			if inSet(channelWords, strings.Trim(w, ".,;:")) {
				out = append(out, strings.Join(cur, " "))
				break
			}
		}
		cur = nil
	}
	for _, w := range ws {
		lw := lowerASCII(w)
		if (lw == "in" || lw == "on" || lw == "at" || lw == "via" || lw == "during" || lw == "through") && len(cur) > 0 {
			last := lowerASCII(cur[len(cur)-1])
			if last != "in" && last != "on" {
				flush()
			}
		}
		cur = append(cur, w)
	}
	flush()
	return strings.Join(out, " ")
}

// subjectSpan finds the speaker that ends right before a verb at vs. It
// returns the speaker's range and sep, the end of the claim before it (-1
// when nothing but an introduction stands before the speaker).
func subjectSpan(s string, qs []span, lo, vs int) (ss, se, sep int, ok bool) {
	end := lo + len(strings.TrimRight(s[lo:vs], " "))
	// Adverbs between subject and verb: "later told", "has said".
	for {
		w := lastWord(s[lo:end])
		if w == "" || !inSet(subjectAdverbs, w) || end-len(w) <= lo {
			break
		}
		end = lo + len(strings.TrimRight(s[lo:end-len(w)], " "))
	}
	if end <= lo {
		return 0, 0, 0, false
	}
	trailing := s[end-1] == ','
	last := end
	if trailing {
		last = end - 1
	}
	segs := topLevelSplit(s, qs, lo, last)
	n := len(segs)
	// "The union, however, asserted …": an adverb set off by commas is not
	// the speaker; the phrase before it is.
	for trailing && n >= 2 && isCommaAdverb(s[segs[n-1].s:segs[n-1].e]) {
		n--
		segs = segs[:n]
	}
	first := n - 1
	if trailing && n >= 2 {
		P := strings.TrimSpace(afterQuote(s, qs, segs[n-2]))
		L := strings.TrimSpace(s[segs[n-1].s:segs[n-1].e])
		if isInsertion(L) || (nameLike(L) && roleLike(P)) || (nameLike(P) && isRoleAppositive(L)) || isAge(L) {
			first = n - 2
			// "Michel Blanc, 43, who owns three houses, told": asides
			// one after another all belong to the name before them.
			for first > 0 {
				seg := strings.TrimSpace(afterQuote(s, qs, segs[first]))
				if !(isAge(seg) || isInsertion(seg) || isRoleAppositive(seg)) {
					break
				}
				first--
			}
		}
	}
	ss = segs[first].s
	se = segs[n-1].e
	sep = -1
	if first > 0 {
		sep = segs[first].s - 1
	}
	// A quotation inside the subject segment ends the claim.
	for _, q := range qs {
		if q.e > ss && q.e <= se {
			ss = q.e
			sep = q.e
		}
	}
	for ss < se && (s[ss] == ' ' || s[ss] == ',') {
		ss++
	}
	for se > ss && (s[se-1] == ' ' || s[se-1] == ',') {
		se--
	}
	// Leading conjunction: ", and the union said".
	if w := firstWord(s[ss:se]); inSet(leadingConjunctions, w) && len(w) < se-ss {
		ss = skipSpaces(s, ss+len(w))
		for ss < se && s[ss] == ',' {
			ss = skipSpaces(s, ss+1)
		}
	}
	// "… on Wednesday when he said": the speaker follows the conjunction.
	if k := lastSubordinator(s[ss:se]); k > 0 && !strings.ContainsAny(s[ss:se], ",;") && wordCount(s[ss+k:se]) <= 6 &&
		!hasRelative(s[ss:ss+k]) {
		ss += k
	}
	n = wordCount(s[ss:se])
	if n > maxSubjectWords && first < len(segs)-1 {
		// "Marta Kellner, who has led the authority since …, said":
		// a long aside does not make the speaker long.
		n = wordCount(s[ss:segs[first].e])
	}
	if n == 0 || n > maxSubjectWords {
		return 0, 0, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[ss:se]); !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
		return 0, 0, 0, false
	}
	return ss, se, sep, true
}

// lastSubordinator returns where the words after the last subordinating
// conjunction of a speaker phrase start ("Wednesday when he" → "he"), or 0.
func lastSubordinator(p string) int {
	// Scanned by hand: this runs for every speaker phrase.
	at, first := 0, true
	for i := 0; i < len(p); {
		for i < len(p) && p[i] == ' ' {
			i++
		}
		j := i
		for j < len(p) && p[j] != ' ' {
			j++
		}
		if j > i && !first && inSet(subordinators, p[i:j]) {
			if k := skipSpaces(p, j); k < len(p) {
				at = k
			}
		}
		first = first && j == i
		i = j
	}
	return at
}

// withSubject returns the index of "with" when the participle at ws[i]
// follows "with" and a capitalised name ("with President Ana Diaz
// saying"), else -1.
func withSubject(ws []word, i int) int {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if ws[k].lower == "with" {
			if k == i-1 {
				return -1
			}
			return k
		}
		if !isCapitalized(ws[k].text) && !titles[ws[k].lower] {
			return -1
		}
	}
	return -1
}

// hasRelative reports whether a phrase holds a relative pronoun ("a
// worker who was rescued after …"), whose clause the conjunction belongs to.
func hasRelative(p string) bool {
	for _, w := range strings.Fields(p) {
		if inSet(relatives, w) {
			return true
		}
	}
	return false
}

var relatives = setOf("who", "which", "whose", "whom")

var subordinators = setOf("when", "after", "before", "because", "since", "although", "though", "while",
	"until", "once", "whereas")

// isCommaAdverb reports whether a comma-delimited phrase is a sentence
// adverb ("however", "for its part", "in turn").
func isCommaAdverb(seg string) bool {
	return inSet(commaAdverbs, strings.TrimSpace(seg))
}

var commaAdverbs = setOf("however", "meanwhile", "though", "too", "also", "in turn", "for its part", "for their part",
	"for his part", "for her part", "in response", "instead", "moreover", "furthermore", "nevertheless",
	"nonetheless", "separately", "likewise", "similarly", "again", "later", "in contrast",
	"by contrast", "on the other hand", "for example", "for instance", "therefore", "thus", "yet", "still")

// afterQuote returns the part of a segment after its last quotation.
func afterQuote(s string, qs []span, seg span) string {
	from := seg.s
	for _, q := range qs {
		if q.e > from && q.e <= seg.e {
			from = q.e
		}
	}
	return s[from:seg.e]
}

// isInsertion reports whether a comma-delimited phrase after a subject is an
// aside about it ("who leads the union", "quoted by state radio").
func isInsertion(seg string) bool {
	w := lowerASCII(firstWord(seg))
	switch w {
	case "who", "whose", "which", "quoted", "speaking", "asking", "citing", "writing", "aged", "himself", "reporting", "talking",
		"herself", "itself", "in", "on", "at", "via", "through", "during", "responding", "appearing", "interviewed":
		return true
	}
	return isAnonymity(lowerASCII(seg))
}

// isAge reports whether seg is an age ("45").
func isAge(seg string) bool {
	seg = strings.TrimSpace(seg)
	if seg == "" || len(seg) > 3 {
		return false
	}
	for i := 0; i < len(seg); i++ {
		if !isDigit(seg[i]) {
			return false
		}
	}
	return true
}

// nameLike reports whether seg is a proper name: capitalised words, with
// connectors such as "of" between them.
func nameLike(seg string) bool {
	ws := appendFields(make([]string, 0, 8), seg)
	if len(ws) == 0 || len(ws) > 6 || !isCapitalized(ws[0]) {
		return false
	}
	for _, w := range ws {
		if !isCapitalized(w) && !inSet(nameConnectors, w) {
			return false
		}
	}
	return true
}

// roleLike reports whether seg reads as a description of a speaker that a
// name may follow ("The port operator", "Its commander").
func roleLike(seg string) bool {
	ws := strings.Fields(seg)
	return len(ws) > 0 && len(ws) <= 10 && !nameLike(seg)
}

// isRoleAppositive reports whether seg is a description placed after a name
// ("the head of the authority", "a spokeswoman for X").
func isRoleAppositive(seg string) bool {
	ws := strings.Fields(seg)
	if len(ws) < 2 || (len(ws) > 10 && !hasRelative(seg)) {
		return false // a long phrase is a clause, unless a relative clause makes it long
	}
	switch w := lowerASCII(ws[0]); {
	case w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their" || w == "who":
		return true
	case (titles[w] || personRoles[w]) && len(ws) > 2 && (strings.EqualFold(ws[1], "of") || strings.EqualFold(ws[1], "for") || strings.EqualFold(ws[1], "at")):
		// "Commissioner for the Rural Fire Service", "Director of …"
		return true
	case (titles[w] || personRoles[w] || w == "senior" || w == "former") && !isCapitalized(ws[0]):
		// "deputy assistant to the president", "senior adviser to …"
		return true
	case !isCapitalized(ws[0]) && len(ws) > 2 && (strings.EqualFold(ws[1], "of") || strings.EqualFold(ws[1], "for") || strings.EqualFold(ws[1], "at")):
		// "principal of Uttara Medical College", "one of the protesters who …"
		return true
	case (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && len(ws) <= 5:
		// "Amnesty's Kenya director": a possessor and a title.
		last := lowerASCII(ws[len(ws)-1])
		return titles[last] || personRoles[last]
	}
	return false
}

// cleanClaim trims a claim, and strips the quotation marks of a claim that is
// one quotation (a direct quote).
func cleanClaim(c string) (string, bool) {
	c = strings.TrimSpace(c)
	c = strings.TrimLeft(c, ",;:–—- ")
	c = strings.TrimSpace(c)
	if len(c) > 5 && strings.EqualFold(c[:5], "that ") {
		c = strings.TrimSpace(c[5:])
	}
	c = strings.TrimRight(c, ",;:–—- ")
	direct := false
	qs := quoteSpans(c)
	if len(qs) == 1 && qs[0].s == 0 {
		rest := strings.TrimSpace(c[qs[0].e:])
		if strings.Trim(rest, ".,!?;") == "" {
			inner := c[qs[0].s:qs[0].e]
			_, fs := utf8.DecodeRuneInString(inner)
			_, ls := utf8.DecodeLastRuneInString(inner)
			if len(inner) > fs+ls {
				inner = inner[fs : len(inner)-ls]
			}
			c = strings.TrimSpace(inner)
			direct = true
		}
	}
	c = strings.TrimRight(c, ",;: ")
	c = strings.TrimSuffix(c, ".")
	c = strings.TrimSpace(c)
	if wordCount(c) < 2 {
		return "", false
	}
	return collapseSpaces(c), direct
}
