package liveblog

import (
	"strings"
	"unicode/utf8"
)

// leadingFrames turns reporting verbs whose claim follows them into frames:
// "S said (that) C", "S told O C", "According to S, C", "S accused O of C",
// "S denied C", "S put the toll at N", with "…, adding that C2" and
// "… and said C2" continuing the same speaker.
func leadingFrames(s string, qs []span, lo, hi int, trigs []trigger, sc *sentenceScan) []rawFrame {
	var out []rawFrame
	relay := "" // an outlet whose report the next frame's speaker is quoted in
	dropped := make([]bool, len(trigs))
	coord := make([]bool, len(trigs))
	for k := 0; k < len(trigs); k++ {
		t := trigs[k]
		if dropped[k] || t.vs < lo || t.ve > hi {
			continue
		}
		f := rawFrame{verb: t.info.display, pos: t.vs}
		var cs int
		var hadThat bool
		introChannel, splitHead := "", ""
		alleger := "" // the party whose claim a denial names (allegedby.go)
		relative := false
		switch {
		case t.info.kind == vAccording:
			subj, after, ok := accordingSubject(s, qs, t.ve, hi)
			if !ok {
				continue
			}
			subj = countOwner(accordingSourceOnly(subj))
			if !isAccordingSource(subj) {
				continue // "According to plan, …"
			}
			f.subject, cs, f.rule = subj, after, ruleAccordingBefore
			if analyzeSubject(subj).name == "" {
				f.channel = "according to " + subj
			}
		case coord[k]:
			f.coord, f.rule = true, ruleCoordinated
		case t.owner.e > t.owner.s:
			f.subject, f.rule = s[t.owner.s:t.owner.e], rulePossessive
			cs, hadThat = t.ve, true
		case !t.quoted && t.quotedName.e > t.quotedName.s:
			f.subject, f.rule = s[t.quotedName.s:t.quotedName.e], ruleParticiple
		case t.quoted && t.quotedName.e > t.quotedName.s:
			f.subject = s[t.quotedName.s:t.quotedName.e]
			f.verb, f.rule = "quoted as saying", ruleQuotedAsSaying
			if agent := strings.Trim(strings.TrimSpace(s[lo:t.agentEnd]), ","); agent != "" && wordCount(agent) <= maxSubjectWords {
				f.via = agent + " quoted"
			}
		case t.quoted:
			if subj, agent, ok := quotedByAgent(s[lo:t.vs]); ok {
				f.subject, f.via = subj, agent+" quoted"
				f.verb, f.rule = "quoted as saying", ruleQuotedAsSaying
				break
			}
			pre := strings.TrimRight(s[lo:t.vs], " ")
			pre = strings.TrimSuffix(strings.TrimSuffix(pre, "as"), " ")
			pre = strings.TrimSuffix(pre, "quoted")
			pre = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(pre, " "), "was"), "is")
			f.subject = strings.TrimSpace(pre)
			f.verb, f.rule = "quoted as saying", ruleQuotedAsSaying
			if f.subject == "" {
				continue
			}
		case t.info.part:
			f.coord, f.rule = true, ruleParticiple
			if len(out) == 0 {
				// "The service has issued a warning, saying …": the
				// sentence's subject speaks.
				f.subject = initialNounPhrase(sc, lo, t.vs)
				f.coord = f.subject == ""
			}
		default:
			ss, se, _, ok := sc.at(lo, t.vs)
			if !ok {
				continue
			}
			f.subject, f.rule = s[ss:se], ruleSpeakerVerbClaim
			if hasPrefixFold(f.subject, "who ") && ss > lo {
				// "Monica Robb, who lives nearby tells the BBC …": the
				// aside's closing comma is missing; the name before it
				// speaks.
				segs := topLevelSplit(s, qs, lo, ss)
				for k := len(segs) - 1; k >= 0; k-- {
					if prev := strings.TrimSpace(s[segs[k].s:segs[k].e]); prev != "" {
						if wordCount(prev) <= maxSubjectWords {
							f.subject = prev
						}
						break
					}
				}
			}
			if strings.EqualFold(f.subject, "who") || strings.EqualFold(f.subject, "which") {
				// "The mayor, who said last week that …, resigned": the
				// speaker is the noun before the relative pronoun, and the
				// claim ends with the relative clause.
				segs := topLevelSplit(s, qs, 0, ss)
				prev := ""
				for k := len(segs) - 1; k >= 0 && prev == ""; k-- {
					prev = strings.TrimSpace(s[segs[k].s:segs[k].e])
				}
				if prev = relativeAntecedent(prev); prev == "" {
					continue
				}
				f.subject, f.rule = prev, ruleRelativeClause
				relative = true
			}
			// "In a statement, the company said …": the introduction
			// may name the channel.
			if intro := strings.TrimRight(strings.TrimSpace(s[lo:ss]), ", "); intro != "" && isIntroLike(intro) {
				introChannel = channelPhrase(intro)
			}
			splitHead = parentheticalHead(s, lo, ss, t.ve)
			if w := lastWord(f.subject); strings.EqualFold(w, "and") || strings.EqualFold(w, "but") {
				// "The ministry summoned the ambassador and accused …";
				// "X described it as “…” and warned …": the subject of
				// the clause, before any quotation.
				f.subject = initialNounPhrase(sc, ss, t.vs)
				if f.subject == "" && ss > lo {
					f.subject = initialNounPhrase(sc, lo, t.vs)
				}
				if f.subject == "" {
					continue
				}
			}
		}
		if t.info.kind != vAccording && t.owner.e == 0 {
			var ch string
			cs, ch, hadThat = afterVerb(sc, t, hi)
			f.channel = strings.TrimSpace(introChannel + " " + ch)
		}
		if k+1 < len(trigs) && f.subject != "" && (t.info.display == "reported" || t.info.display == "reports" || t.info.display == "said" || t.info.kind == vAccording) &&
			isOutlet(f.subject) && relaysSpeaker(sc, cs, trigs[k+1]) {
			// "Xinhua reported that the director, Zhang Wei, said C":
			// Zhang Wei speaks; Xinhua relays.
			relay = strings.TrimSpace(f.subject + " " + t.info.display)
			if t.info.kind == vAccording {
				relay = "according to " + f.subject
			}
			lo = cs
			continue
		}
		if relay != "" && f.via == "" && !f.coord {
			f.via, relay = relay, ""
		}
		// Where the claim ends: at a coordinated or independent next verb.
		ce, next := hi, hi
		for m := k + 1; m < len(trigs); m++ {
			u := trigs[m]
			if u.vs < cs {
				dropped[m] = true
				continue
			}
			gap := s[cs:u.vs]
			if cut, ok := coordination(gap, u); ok {
				ce, next = cs+cut, u.vs
				coord[m] = true
				break
			}
			if b0, ok := withClause(s, cs, u); ok {
				ce, next = b0, u.vs // "…, with one saying C2": a second speaker
				break
			}
			if b0, b1, ok := clauseBoundary(s, qs, cs, u.vs); ok {
				ce, next = b0, b1
				break
			}
			dropped[m] = true
		}
		lo = next
		if relative && cs < ce {
			if segs := topLevelSplit(s, qs, cs, ce); len(segs) > 1 {
				ce = segs[0].e
			}
		}
		if cs >= ce {
			if f.subject != "" && endsAsLeadIn(s[t.ve:hi]) {
				// "PA Media says:" at the end: what it says follows in
				// the next paragraph; keep the speaker for it.
				f.generic = true
				out = append(out, f)
			}
			continue
		}
		text := cutTails(s[cs:ce])
		if t.info.part && t.info.display == "called" {
			text = callingClaim(text) // "…, calling it an attempt to …"
		}
		switch t.info.kind {
		case vPut:
			f.rule = ruleFigure
			text = tollOnly(text) // "a toll of 128 effectively pushed …": the toll
		case vAccuse:
			f.rule = ruleAccusation
			if isBlameVerb(t.info.display) {
				text = blameClaim(t.info.display, text)
			} else if of := indexWord(text, "of", 10); of > 0 {
				text = strings.TrimSpace(text[:of]) + " " + strings.TrimSpace(text[of+2:])
			}
		case vDeny:
			f.deny, f.rule = true, ruleDenial
			if !hadThat {
				// "rejected claims that C": C is what is denied.
				if k := indexWord(text, "that", 3); k > 0 && isGenericDenial(text[:k]) {
					text, hadThat = text[k+4:], true
				} else if who, at, ok := claimsMadeBy(text); ok {
					text, hadThat, alleger = text[at:], true, who // "rejected the claims made by X that C"
				}
			}
			if !hadThat && isGenericDenial(text) {
				f.generic = true
				out = append(out, f)
				continue
			}
		}
		if t.info.kind == vSay && !hadThat {
			// "repeated charges that C", "reiterated its claim that C".
			if rest, ok := afterClaimNoun(text); ok {
				text, hadThat = rest, true
			}
		}
		if !hadThat && (t.info.kind == vSay || t.info.kind == vTell) && isAppeal(text) && !startsQuoteOrColon(s, t.ve, cs) {
			// "warned residents to stay indoors": an appeal, not a
			// claim; the speaker may still make one in "and said".
			f.generic = true
			out = append(out, f)
			continue
		}
		if t.info.needsTo && !hadThat && !startsQuoteOrColon(s, t.ve, cs) && !startsClause(text) && !characterises(t.info.display, text) && !announcesCount(t.info.display, text) &&
			!nounClause(text) {
			// "declared force majeure": an act, not a claim, but its
			// subject still speaks in a following "and said".
			f.generic = true
			out = append(out, f)
			continue
		}
		if t.info.kind == vSay && isBareResponsibility(text) {
			// "X, a breakaway faction, claimed responsibility.": the
			// claim reads "X was responsible".
			f.responsibility, f.rule = true, ruleResponsibility
			out = append(out, f)
			continue
		}
		if t.info.kind == vSay && hasPrefixFold(strings.TrimSpace(text), "responsibility ") {
			f.responsibility, f.rule = true, ruleResponsibility
			text = strings.TrimSpace(text)[len("responsibility "):]
		}
		if splitHead != "" && !hadThat {
			text = splitHead + " " + strings.TrimLeft(text, ", ") // "The gunmen, police said, belonged …"
		}
		text, f.channel = moveTrailingChannel(text, f.channel)
		f.claim, f.direct = cleanClaim(text)
		if !f.direct && (isEmptyClaim(f.claim) || isNoClaim(f.claim)) {
			f.claim = "" // "said little about its losses", "confirmed the figure"
		}
		if f.deny && hadThat && f.claim != "" {
			if c, who, ok := allegedTail(f.claim); ok {
				f.claim, alleger = c, who // "denied that C, as alleged by X"
			}
			if alleger != "" {
				out = append(out, allegedFrame(alleger, f))
			}
			f.claim = negate(f.claim)
		}
		if f.claim == "" {
			if f.subject != "" {
				f.generic = true // keeps the speaker for a following "and said"
				out = append(out, f)
			}
			continue
		}
		out = append(out, f)
	}
	return out
}

// isAppeal reports whether the object of a verb is someone and what they
// should do ("residents to stay indoors", "people not to travel").
func isAppeal(text string) bool {
	if inSet(clauseOpeners, firstWord(strings.TrimSpace(text))) {
		return false // "it ranks the towns according to size": a clause
	}
	ws := wordsN(text, 8)
	for k := 1; k < len(ws) && k < 6; k++ {
		w := ws[k].lower
		if w == "to" && k+1 < len(ws) && (determiners[ws[k+1].lower] || possessives[ws[k+1].lower]) {
			continue // "routes leading to the harbour": a place
		}
		if w == "to" && ws[k-1].lower != "according" {
			return k+1 < len(ws) && !isDigit(ws[k+1].lower[0]) && !numberWords[ws[k+1].lower]
		}
		if auxiliaries[w] || w == "that" || (len(w) > 4 && strings.HasSuffix(w, "ed")) || verbish[w] {
			return false
		}
	}
	return false
}

// relaysSpeaker reports whether only a speaker stands between the start of
// a report's claim at cs and the next reporting verb u ("that the
// director, Zhang Wei, said"), so the report relays that speaker.
func relaysSpeaker(sc *sentenceScan, cs int, u trigger) bool {
	if u.vs <= cs || u.info.part || u.info.kind == vAccording || !(u.info.kind == vSay || u.info.kind == vTell) {
		return false
	}
	_, _, sep, ok := sc.at(cs, u.vs)
	return ok && sep < 0
}

// startsClause reports whether the object of a verb opens with a subject
// pronoun ("announced it believed …"): a clause without "that", not a
// thing announced.
func startsClause(text string) bool {
	switch lowerASCII(firstWord(strings.TrimSpace(text))) {
	case "it", "he", "she", "they", "we", "i", "there":
		return true
	}
	return false
}

// claimNouns name a statement whose content follows in a "that" clause.
var claimNouns = setOf("charge", "charges", "claim", "claims", "accusation", "accusations", "allegation",
	"allegations", "assertion", "assertions", "warning", "warnings", "assurance", "assurances", "view", "position",
	"reports", "report", "news", "announcement", "decision", "fact", "confirmation", "concern", "concerns",
	"fear", "fears", "hope", "belief", "doubts", "confidence", "suspicion", "suspicions", "optimism")

// afterClaimNoun returns what follows "(its) charges that" at the start of
// text.
func afterClaimNoun(text string) (string, bool) {
	ws := wordsN(text, 5)
	k := 0
	for k < len(ws) && k < 2 && (determiners[ws[k].lower] || ws[k].lower == "earlier" || ws[k].lower == "previous") {
		k++
	}
	if k+1 < len(ws) && claimNouns[ws[k].lower] && ws[k+1].lower == "that" {
		return text[ws[k+1].e:], true
	}
	return text, false
}

// initialNounPhrase returns the noun phrase that opens the sentence's bytes
// from:to, up to the first word that looks like a verb, or "".
func initialNounPhrase(sc *sentenceScan, from, to int) string {
	s := sc.s
	from = afterOpeningLinker(s, from, to)
	ws := sc.wordsN(from, to, 11)
	end := -1
	for k, w := range ws {
		if k > 8 {
			return ""
		}
		_, rep := reportingVerbs[w.lower]
		if k > 0 && !isCapitalized(w.text) && (auxiliaries[w.lower] || rep || (len(w.lower) > 4 && strings.HasSuffix(w.lower, "ed")) || verbish[w.lower]) {
			break
		}
		end = k
		if k+1 < len(ws) && k > 0 && strings.Contains(s[from+w.e:from+ws[k+1].s], ",") {
			break // "Rodrigo Mundaca, the governor of …, voiced …": the name
		}
	}
	if end < 0 || end == len(ws)-1 {
		return ""
	}
	return strings.TrimSpace(s[from+ws[0].s : from+ws[end].e])
}

// verbish are common irregular past forms that end a sentence's opening
// noun phrase.
var verbish = setOf("took", "made", "gave", "sent", "held", "met", "began", "put", "set", "hit", "led",
	"kept", "left", "brought", "struck", "sought", "won", "lost", "ran", "saw", "went", "came", "drew",
	"began", "chose", "rose", "fell", "broke", "spoke", "wrote", "bought", "paid", "built", "found")

// accordingSubject reads "According to S, C": the speaker up to the comma
// (an appositive name after it included) and where the claim starts.
func accordingSubject(s string, qs []span, from, hi int) (string, int, bool) {
	segs := topLevelSplit(s, qs, from, hi)
	if k := accordingClaimStart(s[segs[0].s:segs[0].e]); k > 0 {
		// "According to police at least 12 people were killed"
		return strings.TrimSpace(s[segs[0].s : segs[0].s+k]), segs[0].s + k, true
	}
	if len(segs) < 2 {
		return "", 0, false
	}
	m := 0
	if len(segs) > 2 && nameLike(strings.TrimSpace(s[segs[1].s:segs[1].e])) {
		m = 1
	}
	subj := strings.TrimSpace(s[segs[0].s:segs[m].e])
	if subj == "" || wordCount(subj) > maxSubjectWords {
		return "", 0, false
	}
	return subj, segs[m].e + 1, true
}

// afterVerb skips what stands between a verb and its claim — the object of
// "told", channels and times, "that", a colon — and reports the channel and
// whether "that" was there.
func afterVerb(sc *sentenceScan, t trigger, hi int) (int, string, bool) {
	s, qs := sc.s, sc.qs
	j := t.ve
	var chans []string
	if t.info.kind == vTell {
		obj, k := tellObject(sc, j, hi)
		if obj != "" {
			chans = append(chans, "told "+obj)
			j = k
		}
	}
	if j > hi {
		return hi, strings.Join(chans, " "), false
	}
	// "announced this Saturday from the main hall of the palace that …":
	// "that" may stand a dozen words after the verb.
	ws := sc.wordsN(j, hi, 16)
	for k := 0; k < len(ws) && k < 16; k++ {
		abs := j + ws[k].s
		if inSpans(qs, abs) {
			break
		}
		if ws[k].lower == "that" {
			between := strings.TrimSpace(s[j:abs])
			fw := lowerASCII(firstWord(between))
			if between == "" || ((phraseStarters[fw] || timeWords[fw]) && !strings.ContainsAny(between, "\"“")) {
				if ch := channelPhrase(between); ch != "" {
					chans = append(chans, ch)
				}
				return abs + 4, strings.Join(chans, " "), true
			}
			break
		}
	}
	for {
		k := skipSpaces(s, j)
		if k < hi && (s[k] == ':' || s[k] == ',') {
			return k + 1, strings.Join(chans, " "), false
		}
		ws := sc.wordsN(j, hi, 5)
		if len(ws) == 0 || !phraseStarters[ws[0].lower] || inSpans(qs, j+ws[0].s) {
			break
		}
		found := -1
		for m := 0; m < len(ws) && m < 5; m++ {
			if channelWords[ws[m].lower] || timeWords[ws[m].lower] {
				found = m
			}
		}
		if found < 0 {
			break
		}
		phrase := s[j : j+ws[found].e]
		if ch := channelPhrase(phrase); ch != "" {
			chans = append(chans, ch)
		}
		j += ws[found].e
	}
	return j, strings.Join(chans, " "), false
}

// startsQuoteOrColon reports whether the claim after a verb is introduced by
// a colon or a quotation.
func startsQuoteOrColon(s string, from, cs int) bool {
	between := strings.TrimSpace(s[from:cs])
	if strings.HasSuffix(between, ":") {
		return true
	}
	rest := strings.TrimLeft(s[cs:], " ,:")
	return strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "‘") || strings.HasPrefix(rest, "''")
}

// moveTrailingChannel moves a channel phrase at the end of a claim ("… in a
// statement posted on Telegram") to the channel.
func moveTrailingChannel(text, channel string) (string, string) {
	// Only the last hundred bytes can hold such a phrase.
	from := max(0, len(text)-100)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	if strings.IndexByte(text[from:], ' ') < 0 {
		return text, channel
	}
	k, ch := trailingChannelAt(text[from:], channel)
	return text[:from+k], ch
}

// trailingChannels are the channel phrases trailingChannelAt looks for, in
// the order it tries them.
var trailingChannels = newLowerPhrases(" in a statement", " in a post", " in a video", " on telegram", " on social media", " in an interview", " at a news conference", " at a press conference", " in a televised",
	" in a message", " in a whatsapp message", " in a telegram message", " in a letter", " in an email")

// trailingChannelAt finds a channel phrase at the end of text, in any case,
// and returns where the claim ends and the channel.
func trailingChannelAt(text, channel string) (int, string) {
	var buf [24]int
	ks := trailingChannels.lastIndexes(text, buf[:0])
	for i := range trailingChannels.phrases {
		k := ks[i]
		if k < 0 || strings.ContainsAny(text[k:], "\"“,") || wordCount(text[k:]) > 8 {
			continue
		}
		ch := strings.TrimSpace(strings.TrimRight(text[k:], ". "))
		if channel != "" {
			ch = channel + " " + ch
		}
		return k, ch
	}
	return len(text), channel
}

// coordination reports whether a next verb shares the speaker of the frame
// before ("… and accused", "…, adding") and where the first claim ends.
func coordination(gap string, u trigger) (int, bool) {
	g := strings.TrimRight(gap, " ")
	low := lowerASCII(g)
	if u.info.part {
		if strings.HasSuffix(low, ",") {
			return len(strings.TrimRight(g, ", ")), true
		}
		w := lowerASCII(lastWord(g))
		if participleLead[w] {
			return len(strings.TrimRight(g[:len(g)-len(w)], ", ")), true
		}
		return 0, false
	}
	for _, suf := range []string{" and also", " and later", " and then", " but also", " and", " but"} {
		if strings.HasSuffix(low, suf) {
			return len(strings.TrimRight(g[:len(g)-len(suf)], ", ")), true
		}
	}
	return 0, false
}

// clauseBoundary finds the last ", and" / ", but" / ";" / ", while" between
// from and to after which only a speaker stands, so the verb at to starts a
// new attribution.
func clauseBoundary(s string, qs []span, from, to int) (int, int, bool) {
	seg := s[from:to]
	low := lowerASCII(seg)
	best, bestEnd := -1, -1
	for _, b := range []string{", and ", ", but ", "; ", ", while ", ", whereas ", " while ", " whereas ", ", as ", " but ", ", although ", ", though "} {
		if k := strings.LastIndex(low, b); k > best && !inSpans(qs, from+k) {
			best, bestEnd = k, k+len(b)
		}
	}
	if best < 0 && frontedSubordinate(s) {
		// "While an official confirmed that C1, the Star reports that
		// C2": the comma closes the fronted clause.
		if k := strings.LastIndex(low, ", "); k >= 0 && !inSpans(qs, from+k) {
			best, bestEnd = k, k+2
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	n := wordCount(seg[bestEnd:])
	if n == 0 || n > maxSubjectWords {
		return 0, 0, false
	}
	return from + best, from + bestEnd, true
}
