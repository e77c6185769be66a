package liveblog

import (
	"strings"
	"unicode/utf8"
)

// sentenceFrames finds the attributions of one sentence. from is where the
// sentence proper starts (after a wire dateline).
func sentenceFrames(s, low string, from int, qs []span, ws []word) []rawFrame {
	if isGermanSentence(ws) {
		return germanFrames(s, qs, ws, from)
	}
	trigs := findTriggers(s, ws, qs)
	if len(trigs) == 0 {
		if f := documentRelay(s, low, qs, from, ws); f != nil {
			return f // "A report cited this statement from X: …"
		}
		return append(statementIssuer(s, low, qs, from, ws), characterisations(s, low, from, qs, ws, nil)...)
	}
	var out []rawFrame
	sc := &sentenceScan{s: s, low: low, qs: qs}
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
			if f, ce, ae, ok := trailingFrame(s, qs, lo, hi, trigs[j], sc); ok {
				jB, bf, claimEnd, attrEnd = j, f, ce, ae
				break
			}
		}
		if jB < 0 {
			out = append(out, leadingFrames(s, qs, lo, len(s), trigs[i:], sc)...)
			break
		}
		if jB > i && (bf.verb == "reported" || bf.verb == "reports" || (bf.verb == "according to" && isOutlet(bf.subject))) {
			inner := leadingFrames(s, qs, lo, claimEnd, trigs[i:jB], sc)
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
			relayCiting(&bf)
			out = append(out, bf)
		}
		lo = attrEnd
		i = jB + 1
	}
	out = relayedSpeakers(out)       // "…, say reports citing officials", "claimed to have downed"
	mainSubjectSpeaks(sc, from, out) // "Police killed him after they say …"
	out = append(out, nestedClaims(out)...)
	return append(out, characterisations(s, low, from, qs, ws, out)...)
}

// trailingFrame recognises an attribution that follows its claim:
// "C, S said", "C, said S", "C, according to S", `"Q," S told O`,
// `"Q1," she added, "Q2."`. It returns the frame, where the claim ends and
// where the attribution ends.
func trailingFrame(s string, qs []span, lo, hi int, t trigger, sc *sentenceScan) (rawFrame, int, int, bool) {
	if t.quoted && t.quotedName.e <= t.quotedName.s {
		return trailingQuotedAs(s, qs, lo, hi, t)
	}
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
		subj = countOwner(accordingSourceOnly(subj))
		if subj == "" || !isAccordingSource(subj) {
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
		subj = withoutAnonymity(subj)     // "said a doctor who asked not to be named because …"
		subj = withoutGermanAdjunct(subj) // "sagte Spahn am Abend"
		if subj != "" && (startsNounPhrase(subj) || t.info.base && startsPlural(subj)) && invertedSpeakerLength(subj) && !hasAuxiliary(subj) && !isInsertion(lastSegment(pre)) &&
			!thatClause(subj) && !isCommaAdverb(lastSegment(pre)) && !coordinatedAfter(subj) && !relativeAsideBefore(pre) {
			claimEnd := lo + len(strings.TrimRight(pre, " ,"))
			f.subject, f.rule = subj, ruleClaimVerbSpeaker
			f.claim, f.direct = cleanClaim(s[lo:claimEnd])
			return f, claimEnd, ae, f.claim != ""
		}
	}
	ss, se, sep, ok := sc.at(lo, t.vs)
	if !ok || sep < 0 {
		return rawFrame{}, 0, 0, false
	}
	region := strings.TrimSpace(s[lo:sep])
	if region == "" || isIntroLike(strings.TrimRight(region, ",")) {
		return rawFrame{}, 0, 0, false
	}
	tail, ok := consumeTail(sc, t, hi)
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
	if r == '\'' && strings.HasSuffix(pre, "''") {
		size = 2
	} else if r != '"' && r != '”' && r != '’' {
		return false
	}
	inner := strings.TrimRight(pre[:len(pre)-size], " ")
	return strings.HasSuffix(inner, ",") || strings.HasSuffix(inner, "?") || strings.HasSuffix(inner, "!")
}

// hasAuxiliary reports whether a phrase contains an auxiliary verb, which
// makes it a clause rather than a speaker.
func hasAuxiliary(p string) bool {
	var buf [16]word // a phrase has few words: no allocation
	for _, w := range appendWords(buf[:0], p, p, -1) {
		if inSet(auxiliaries, w.text) {
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
			if (nameLike(seg) || isRoleAppositive(seg)) && !inSet(relatives, firstWord(seg)) {
				// ", who is known as Jokowi" closes the speaker instead.
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
	if hasWords(text, 9) || hasAuxiliary(text) {
		return false // "At least 12 people were killed" is a claim
	}
	for _, q := range []string{"at least", "at most", "more than", "up to", "as many as", "as few as", "about ", "around "} {
		if hasPrefixLower(text, q) {
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
func consumeTail(sc *sentenceScan, t trigger, hi int) (tailInfo, bool) {
	s, qs := sc.s, sc.qs
	var ti tailInfo
	j := t.ve
	var channels []string
	if t.info.kind == vTell {
		obj, k := tellObject(sc, j, hi)
		switch {
		case obj != "":
			channels = append(channels, "told "+obj)
			j = k
		case !objectlessTell(t.info.display, s[j:hi]):
			return ti, false
		}
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
		if circumstanceParticiple(ws) && !isCapitalized(seg) || ws[0] == "of" && len(ws) <= 8 && plainTail(ws) {
			continue // "…," he said, referring to the time the quake hit; "…," she told AFP of the attack.
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
	for _, p := range []string{" who asked not to be", " who spoke on condition", " who declined to be", " speaking on condition",
		" on condition of anonymity", " who requested anonymity", " asking not to be", " who did not want to be"} {
		if k := indexLower(subj, p); k > 0 {
			return strings.TrimRight(subj[:k], " ,")
		}
	}
	return subj
}

// isAnonymity reports whether a phrase, in any case, only says the speaker
// was not named.
func isAnonymity(phrase string) bool {
	for _, p := range []string{"asking not to be", "who asked not to be", "speaking on condition", "on condition of anonymity", "who declined to be", "declining to be", "requesting anonymity", "who requested anonymity", "because they were not authori", "because he was not authori", "because she was not authori"} {
		if hasPrefixLower(phrase, p) {
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
func tellObject(sc *sentenceScan, j, hi int) (string, int) {
	s, qs := sc.s, sc.qs
	ws := sc.wordsN(j, hi, 10)
	if len(ws) == 0 || inSpans(qs, j+ws[0].s) || ws[0].lower == "that" {
		return "", j // "informed that …": no one is told
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

// cleanClaim trims a claim, and strips the quotation marks of a claim that is
// one quotation (a direct quote).
func cleanClaim(c string) (string, bool) {
	c = withoutTrailingLinks(strings.TrimSpace(c))
	c = strings.TrimLeft(c, ",;:–—-•▪· ")
	c = strings.TrimSpace(c)
	if len(c) > 5 && strings.EqualFold(c[:5], "that ") {
		c = strings.TrimSpace(c[5:])
	}
	c = withoutGermanParticle(c)
	c = strings.TrimRight(c, ",;:–—- ")
	direct := false
	qs := quoteSpans(c)
	if len(qs) == 1 && qs[0].s == 0 {
		rest := strings.TrimSpace(c[qs[0].e:])
		if strings.Trim(rest, ".,!?;") == "" {
			inner := c[qs[0].s:qs[0].e]
			fs, ls := quoteMarkLen(inner, false), quoteMarkLen(inner, true)
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
	if !hasWords(c, 2) {
		return "", false
	}
	return collapseSpaces(c), direct
}
