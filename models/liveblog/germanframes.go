package liveblog

import "strings"

// German tickers put the speaker where English rarely does: after its verb
// ("…, teilte die Behörde am Freitag mit"; "Weitere Erfolge meldete der
// Generalstab"), after "laut" or "nach Angaben", before "zufolge", after
// "so" at the end, or in the sentence after ("Das teilte X mit."). A German
// sentence is read by germanFrames alone: the English rules take "teilte"
// for a verb whose subject stands before it.

// germanFunctionWords and englishFunctionWords tell the language of a
// sentence: a German sentence has several of the first and few of the
// second, whatever names it holds ("Ursula von der Leyen said …").
var (
	germanFunctionWords = setOf("der", "die", "das", "und", "ist", "sind", "nicht", "sich", "mit", "den", "dem", "des",
		"ein", "eine", "einer", "eines", "einem", "auf", "für", "von", "zu", "im", "wurde", "wurden", "hat", "haben", "sei",
		"seien", "nach", "bei", "wie", "auch", "zur", "zum", "vom", "werde", "habe", "wird", "werden", "noch", "über", "aus",
		"es", "sie", "er", "wir", "dass", "laut", "zufolge", "soll", "sollen", "teilte", "sagte", "einen", "nur", "aber",
		"seit", "bis", "gegen", "durch", "unter", "ihre", "ihren", "seine", "seinen", "dieser", "diese", "bereits",
		"worden", "hatte", "hatten", "keine", "sowie", "oder", "zwischen", "wegen", "gibt", "man", "am",
		"dieses", "diesem", "ihm", "ihn", "uns", "kein", "kann", "können", "muss", "müssen", "müssten", "würde", "würden",
		"wäre", "schon", "sehr", "mehr", "immer", "jetzt", "dann", "doch", "wenn", "jedoch", "weiter", "weitere", "viele",
		"vielen", "alle", "allen", "mehrere", "als")
	englishFunctionWords = setOf("the", "and", "of", "to", "is", "was", "were", "said", "that", "on", "for", "with", "has",
		"have", "it", "by", "from", "a", "are", "says", "will", "would", "he", "she", "they", "been")
)

// isGermanSentence reports whether the words are a German sentence.
func isGermanSentence(ws []word) bool {
	g, e := 0, 0
	for k, w := range ws {
		if k == 12 && g == 0 {
			return false // a German sentence has a function word by now
		}
		if len(w.lower) > 9 {
			continue // no function word is that long
		}
		if lang := functionWordLang(w.lower); lang == languageGerman {
			g++
		} else if lang == languageEnglish {
			e++
			if e >= 4 && g <= 1 {
				return false // plainly English: most sentences end here
			}
		}
	}
	return (g >= 3 && g > 2*e) || (g >= 2 && e == 0)
}

// germanVerb describes a German reporting verb: its kind, the form shown
// to the user and the particle a separable verb ends its clause with.
type germanVerb struct {
	kind     verbKind
	display  string
	particle string
}

// germanVerbs are the finite reporting verbs of German news.
var germanVerbs = map[string]germanVerb{
	"sagte": {vSay, "sagte", ""}, "sagt": {vSay, "sagt", ""}, "sagten": {vSay, "sagten", ""},
	"erklärte": {vSay, "erklärte", ""}, "erklärt": {vSay, "erklärt", ""}, "erklärten": {vSay, "erklärten", ""},
	"betonte": {vSay, "betonte", ""}, "betont": {vSay, "betont", ""}, "warnte": {vSay, "warnte", ""},
	"berichtete": {vSay, "berichtete", ""}, "berichtet": {vSay, "berichtet", ""}, "berichten": {vSay, "berichten", ""},
	"meldete": {vSay, "meldete", ""}, "meldet": {vSay, "meldet", ""}, "meldeten": {vSay, "meldeten", ""},
	"schrieb": {vSay, "schrieb", ""}, "schreibt": {vSay, "schreibt", ""}, "bestätigte": {vSay, "bestätigte", ""},
	"bestätigt": {vSay, "bestätigt", ""}, "teilte": {vSay, "teilte mit", "mit"}, "teilt": {vSay, "teilt mit", "mit"},
	"teilten": {vSay, "teilten mit", "mit"}, "mitteilte": {vSay, "mitteilte", ""}, "mitteilten": {vSay, "mitteilten", ""},
	"hieß": {vSay, "hieß", ""}, "heißt": {vSay, "heißt", ""}, "kündigte": {vSay, "kündigte an", "an"},
	"räumte": {vSay, "räumte ein", "ein"}, "verkündete": {vSay, "verkündete", ""}, "verkündet": {vSay, "verkündet", ""},
	"behauptete": {vSay, "behauptete", ""}, "behauptet": {vSay, "behauptet", ""}, "bekräftigte": {vSay, "bekräftigte", ""},
	"versicherte": {vSay, "versicherte", ""}, "ergänzte": {vSay, "ergänzte", ""}, "fügte": {vSay, "fügte hinzu", "hinzu"},
	"gab": {vSay, "gab an", "an"}, "dementierte": {vDeny, "dementierte", ""}, "bestritt": {vDeny, "bestritt", ""},
	"beschuldigte": {vAccuse, "beschuldigte", ""}, "beschuldigt": {vAccuse, "beschuldigt", ""},
	"warf": {vAccuse, "warf vor", "vor"}, "wirft": {vAccuse, "wirft vor", "vor"},
	"reklamierte": {vSay, "reklamierte", ""}, "reklamiert": {vSay, "reklamiert", ""},
	"verlautbarte": {vSay, "verlautbarte", ""}, "verlautbart": {vSay, "verlautbart", ""},
	"berichteten": {vSay, "berichteten", ""}, "bestätigten": {vSay, "bestätigten", ""}, "betonten": {vSay, "betonten", ""},
	"warnten": {vSay, "warnten", ""}, "schrieben": {vSay, "schrieben", ""}, "behaupteten": {vSay, "behaupteten", ""},
	"lautet": {vSay, "lautet", ""}, "lautete": {vSay, "lautete", ""},
	"kündigt": {vSay, "kündigt an", "an"}, "kündigen": {vSay, "kündigen an", "an"}, "kündigten": {vSay, "kündigten an", "an"},
	"verlautete": {vSay, "verlautete", ""}, "verlautet": {vSay, "verlautet", ""},
	"mitteilt": {vSay, "mitteilt", ""}, "glaubt": {vSay, "glaubt", ""}, "glaubte": {vSay, "glaubte", ""},
	"meint": {vSay, "meint", ""}, "meinte": {vSay, "meinte", ""}, "kommentierte": {vSay, "kommentierte", ""},
	"kommentiert": {vSay, "kommentiert", ""}, "unterstrich": {vSay, "unterstrich", ""}, "unterstreicht": {vSay, "unterstreicht", ""},
	"erläuterte": {vSay, "erläuterte", ""}, "erläutert": {vSay, "erläutert", ""}, "bekräftigt": {vSay, "bekräftigt", ""},
	"versichert": {vSay, "versichert", ""}, "ergänzt": {vSay, "ergänzt", ""}, "fügt": {vSay, "fügt hinzu", "hinzu"},
	"schätzt": {vSay, "schätzt", ""}, "schätzte": {vSay, "schätzte", ""}, "vermutet": {vSay, "vermutet", ""},
	"vermutete": {vSay, "vermutete", ""}, "befürchtet": {vSay, "befürchtet", ""}, "befürchtete": {vSay, "befürchtete", ""},
	"räumt": {vSay, "räumt ein", "ein"}, "warnt": {vSay, "warnt", ""}, "warnen": {vSay, "warnen", ""},
	"dementiert": {vDeny, "dementiert", ""}, "bestreitet": {vDeny, "bestreitet", ""}, "bestritten": {vDeny, "bestritten", ""},
	"erklären": {vSay, "erklären", ""}, "sagen": {vSay, "sagen", ""},
}

// germanArticles open a noun phrase.
var germanArticles = setOf("der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen")

// germanSourceNouns follow "nach" to name where a claim comes from
// ("nach Angaben des Ministeriums", "nach Informationen der Polizei").
var germanSourceNouns = setOf("angaben", "informationen", "auskunft", "darstellung", "einschätzung", "schätzungen", "aussagen")

// germanSubordinators open a clause in which "laut" cites a rule, not a
// speaker ("weil dieser laut Gesetzeslage …").
var germanSubordinators = setOf("weil", "da", "dass", "ob", "wenn", "obwohl", "sodass", "damit")

// germanFrames finds the attributions of a German sentence s (words ws,
// quotations qs) whose own text starts at from.
func germanFrames(s string, qs []span, ws []word, from int) []rawFrame {
	first := 0
	for first < len(ws) && ws[first].s < from {
		first++
	}
	if fs := germanClauseFrames(s, qs, ws, first); len(fs) > 0 {
		return fs
	}
	for _, frame := range [...]func(string, []span, []word, int) (rawFrame, bool){germanQuoteThenVerb,
		germanAppositionFrame, germanVerbFrame, germanPronounClause, germanSourceFrame, germanObjectFrame} {
		if f, ok := frame(s, qs, ws, first); ok {
			f.generic = f.generic || germanImperative(f.claim) // an appeal: the speaker speaks on, with no claim
			return []rawFrame{f}
		}
	}
	return nil
}

// germanVerbFrame reads the sentence's first reporting verb outside
// quotations: "C, teilte X mit", "X sagte, C", "Wie X mitteilte, C",
// "Weitere Erfolge meldete X", "Das teilte X mit" (the claim is the
// sentence before: back).
func germanVerbFrame(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	vi := -1
	for k := first; k < len(ws); k++ {
		if _, ok := germanVerbs[ws[k].lower]; ok && !inSpans(qs, ws[k].s) && !germanAttributive(s, ws, k) {
			vi = k
			break
		}
	}
	if f, ok := germanPerfectFrame(s, qs, ws, first); ok || vi < 0 {
		return f, ok
	}
	first = germanAfterColon(s, qs, ws, first, vi)
	if vi == first && !strings.HasPrefix(ws[vi].lower, "mitteil") {
		return rawFrame{}, false
	}
	gv := germanVerbs[ws[vi].lower]
	f := rawFrame{verb: gv.display, pos: ws[vi].s}
	if gv.kind == vAccuse {
		f.rule = ruleAccusation
	}
	if gv.kind == vDeny {
		f.deny, f.rule = true, ruleDenial
	}
	pre := strings.TrimSpace(s[ws[first].s:ws[vi].s])
	after := func() (string, bool) { // the subject after the verb
		if vi+1 >= len(ws) || !joined(s, ws, vi+1) {
			return "", false // "sagte: „…“": a quotation, not a speaker
		}
		if _, ok := germanPronouns[ws[vi+1].lower]; ok {
			if ws[vi+1].lower == "sie" && strings.HasSuffix(ws[vi].lower, "en") {
				return "they", true // "sagten sie"
			}
			return ws[vi+1].lower, true // "schrieb er": see withSentenceBefore
		}
		subj, _ := germanSpeakerAfter(s, qs, ws, vi+1)
		return subj, subj != ""
	}
	lowPre := lowerASCII(pre)
	wieSubj, wieClaim, wie := germanTrailingWie(s, ws, first, vi)
	if p := ws[first].lower; vi == first+1 && (p == "er" || p == "sie") || vi > first && isGermanPronounAt(ws, vi+1) && joined(s, ws, vi+1) {
		// "Er betonte, C" / "Zugleich betonte er, C": a pronoun speaks.
		pron := ws[first].lower
		if vi != first+1 || (pron != "er" && pron != "sie") {
			pron = ws[vi+1].lower
		}
		rest := s[ws[vi].e:]
		if k := strings.IndexAny(rest, ",:"); k >= 0 && k < 40 {
			f.subject = pron
			f.claim, f.direct = cleanClaim(rest[k+1:])
			if f.rule == "" {
				f.rule = ruleSpeakerVerbClaim
			}
			return f, f.claim != ""
		}
	}
	// "Weitere Erfolge meldete der Generalstab": an object stands first
	// when the verb is followed by its subject's article.
	objectFirst := vi+1 < len(ws) && joined(s, ws, vi+1) && (ws[vi+1].lower == "der" ||
		germanArticles[ws[vi+1].lower] && !germanArticles[ws[first].lower] && germanAdjective(ws[first].lower))
	switch {
	case lowPre == "das" || lowPre == "dies":
		// "Das teilte das Parlament mit.": the sentence before is the claim.
		subj, ok := after()
		if !ok {
			return rawFrame{}, false
		}
		f.subject, f.back = subj, true
		if f.rule == "" {
			f.rule = ruleClaimVerbSpeaker
		}
		return f, true
	case ws[first].lower == "wie" && vi > first+1:
		// "Wie die Bahn mitteilte, C." / "Wie aus Ermittlerkreisen verlautete, C."
		np := first + 1
		if ws[np].lower == "aus" {
			np++
		}
		e := germanNP(s, ws, np)
		if e == np || e > vi || !strings.HasPrefix(strings.TrimLeft(s[ws[vi].e:], " "), ",") {
			return rawFrame{}, false
		}
		f.subject = withoutArticle(s[ws[np].s:ws[e-1].e])
		f.claim, f.direct = cleanClaim(s[ws[vi].e:])
		f.rule = ruleAccordingBefore
		return f, f.claim != ""
	case strings.HasSuffix(pre, ",") || endsWithCommaOrQuote(pre, qs, ws[first].s):
		// "C, teilte die Behörde am Freitag mit." / "„Q“, sagte X."
		if f2, ok := germanVerbFirstFrame(s, qs, ws, vi); ok {
			return f2, true // "…, behauptete die Ukraine, dass C"
		}
		subj, ok := after()
		if src := germanStatementSource(s, ws, vi); src != "" {
			subj, ok = src, true // "…, hieß es in einer Erklärung des Büros."
		}
		if !ok {
			return rawFrame{}, false // "…, hieß es": no one speaks
		}
		f.subject = subj
		f.claim, f.direct = cleanClaim(strings.TrimRight(pre, " ,"))
		if f.rule == "" {
			f.rule = ruleClaimVerbSpeaker
		}
		return f, f.claim != ""
	case vi == first+1 && germanOpeningAdverbs[ws[first].lower]:
		// "Zugleich erklärte Selenskyj, dass C": the speaker follows the verb.
		subj, ok := after()
		rest := strings.TrimLeft(s[ws[vi].e:], " ")
		k := strings.IndexAny(rest, ",:")
		if !ok || k < 0 || inSpans(quoteSpans(rest), k) {
			return rawFrame{}, false
		}
		rest = strings.TrimLeft(rest[k+1:], " ")
		if hasPrefixFold(rest, "dass ") {
			rest = rest[len("dass "):]
		}
		f.subject = subj
		f.claim, f.direct = cleanClaim(rest)
		if f.rule == "" {
			f.rule = ruleSpeakerVerbClaim
		}
		return f, f.claim != ""
	case germanSubjectAt(s, ws, first, vi) > first && !objectFirst:
		// "Die Polizei teilte mit, dass C." / "Der Präsident beschuldigt Russland, …"
		f.subject = withoutArticle(s[ws[first].s:ws[germanSubjectAt(s, ws, first, vi)-1].e])
		rest := strings.TrimLeft(s[ws[vi].e:], " ")
		if gv.particle != "" && strings.HasPrefix(rest, gv.particle) {
			rest = strings.TrimLeft(rest[len(gv.particle):], " ")
		}
		if gv.kind == vSay {
			if k := strings.IndexAny(rest, ",:"); k >= 0 && k < 60 && !inSpans(quoteSpans(rest), k) {
				rest = rest[k+1:]
			}
		}
		rest = strings.TrimLeft(rest, " ")
		if hasPrefixFold(rest, "dass ") {
			rest = rest[len("dass "):]
		}
		f.claim, f.direct = cleanClaim(rest)
		if f.rule == "" {
			f.rule = ruleSpeakerVerbClaim
		}
		return f, f.claim != ""
	case vi > first+1 && ws[vi-1].lower == "und" && germanNP(s, ws, first) > first:
		// "X wandte sich an Y und sagte: „C“": the sentence's subject speaks.
		f.subject = withoutArticle(s[ws[first].s:ws[germanNP(s, ws, first)-1].e])
		rest := strings.TrimLeft(s[ws[vi].e:], " ")
		if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, ",") {
			return rawFrame{}, false
		}
		f.claim, f.direct = cleanClaim(rest[1:])
		if f.rule == "" {
			f.rule = ruleCoordinated
		}
		return f, f.claim != ""
	case wie:
		// "C, wie Lokalbehörden mitteilten."
		f.subject, f.claim = wieSubj, wieClaim
		if f.rule == "" {
			f.rule = ruleClaimVerbSpeaker
		}
		return f, true
	case vi-first >= 2:
		// "Weitere Teilerfolge meldete der Generalstab aus Robotyne.": the
		// object stands first, the speaker after the verb.
		subj, ok := after()
		if !ok {
			return rawFrame{}, false
		}
		f.subject = subj
		f.claim, f.direct = cleanClaim(s[ws[first].s:])
		if f.rule == "" {
			f.rule = ruleClaimVerbSpeaker
		}
		return f, f.claim != ""
	}
	return rawFrame{}, false
}

// germanSourceFrame reads a source named by a preposition: "laut X",
// "nach Angaben (des|von|aus) X", "nach eigenen Angaben", "nach
// Polizeiangaben", "X zufolge", "…, so X."
func germanSourceFrame(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	if first >= len(ws) {
		return rawFrame{}, false
	}
	for k := first; k < len(ws); k++ {
		w := ws[k]
		if inSpans(qs, w.s) {
			continue
		}
		ps, pe := w.s, 0 // the source phrase, cut from the claim
		subj, verb := "", ""
		switch {
		case w.lower == "laut" && !inGermanSubordinate(s, ws, first, k):
			if e := germanNP(s, ws, k+1); e > k+1 {
				subj, pe, verb = s[ws[k+1].s:ws[e-1].e], ws[e-1].e, "laut"
			}
		case w.lower == "nach" && k+1 < len(ws):
			subj, pe = germanAngaben(s, ws, first, k)
			verb = "nach Angaben"
		case w.lower == "zufolge" && k > first:
			b := k - 1
			for b > first && (isCapitalized(ws[b-1].text) || germanArticles[ws[b-1].lower] || germanAdjective(ws[b-1].lower)) &&
				!strings.ContainsAny(s[ws[b-1].e:ws[b].s], ",;:(") && !germanArticles[ws[b].lower] {
				b--
			}
			if isCapitalized(ws[k-1].text) {
				subj, ps, pe, verb = s[ws[b].s:ws[k-1].e], ws[b].s, w.e, "zufolge"
			}
			if germanSourceNouns[ws[k-1].lower] {
				// "eigenen Angaben zufolge": the sentence's subject speaks
				subj = partyAngaben(s, ws, first, k)
				if e := germanNP(s, ws, first); k >= 2 && ws[k-2].lower == "eigenen" && e > first && e <= k-2 {
					subj, ps = s[ws[first].s:ws[e-1].e], ws[k-2].s
				}
			}
		case w.lower == "so" && k > first && k+1 < len(ws) && strings.HasSuffix(strings.TrimRight(s[:w.s], " "), ","):
			if e := germanNP(s, ws, k+1); e == len(ws) {
				subj, pe, verb = s[ws[k+1].s:ws[e-1].e], len(s), "so"
				ps = strings.LastIndex(s[:w.s], ",")
			}
		}
		if subj == "" {
			continue
		}
		f := rawFrame{subject: withoutArticle(subj), verb: verb, pos: w.s, rule: ruleAccordingAfter}
		if ps <= ws[first].s {
			f.rule = ruleAccordingBefore
		}
		f.claim, f.direct = cleanClaim(s[ws[first].s:ps] + " " + strings.TrimLeft(s[pe:], " ,"))
		return f, f.claim != ""
	}
	return rawFrame{}, false
}

// germanAngaben reads "nach Angaben des Ministeriums", "nach Angaben aus
// Kiew", "nach eigenen Angaben" (the sentence's subject) and "nach
// Polizeiangaben" from the "nach" at k, and returns the source and where
// its phrase ends.
func germanAngaben(s string, ws []word, first, k int) (string, int) {
	if k+2 < len(ws) && germanArticles[ws[k+1].lower] && germanSourceNouns[ws[k+2].lower] {
		k++ // "nach der Darstellung der Hamas"
	}
	n := ws[k+1]
	switch {
	case strings.HasSuffix(n.lower, "angaben") && len(n.lower) > len("angaben"):
		return n.text[:len(n.text)-len("angaben")], n.e // "Polizeiangaben"
	case isCapitalized(n.text) && strings.HasSuffix(n.text, "s") && len(n.text) > 3 && k+2 < len(ws) &&
		germanSourceNouns[ws[k+2].lower] && joined(s, ws, k+2):
		return n.text[:len(n.text)-1], ws[k+2].e // "nach Moskaus Darstellung"
	case germanSourceAdjective(n.lower) && k+2 < len(ws) && ws[k+2].lower == "angaben" &&
		(k+3 == len(ws) || !joined(s, ws, k+3) || !germanArticles[ws[k+3].lower] && ws[k+3].lower != "aus" && ws[k+3].lower != "von"):
		return s[n.s:ws[k+2].e], ws[k+2].e // "nach offiziellen Angaben"
	case n.lower == "eigenen" && k+2 < len(ws) && germanSourceNouns[ws[k+2].lower]:
		if e := germanNP(s, ws, first); e > first && e <= k {
			return s[ws[first].s:ws[e-1].e], ws[k+2].e
		}
		return "", 0
	case !germanSourceNouns[n.lower]:
		return "", 0
	}
	j := k + 2
	if j < len(ws) && (ws[j].lower == "aus" || ws[j].lower == "von") {
		j++
	}
	if e := germanNP(s, ws, j); e > j && !strings.ContainsAny(s[n.e:ws[j].s], ",;:") {
		return s[ws[j].s:ws[e-1].e], ws[e-1].e
	}
	return "", 0
}

// inGermanSubordinate reports whether word k stands in a clause opened by
// a subordinating conjunction ("…, weil dieser laut Gesetz …").
func inGermanSubordinate(s string, ws []word, first, k int) bool {
	for b := k - 1; b >= first; b-- {
		if germanSubordinators[ws[b].lower] {
			return true
		}
		if strings.ContainsAny(s[ws[b].e:ws[b+1].s], ",;") {
			return false
		}
	}
	return false
}

// germanParticiples are reporting verbs in the perfect tense, at the end
// of their clause ("Die Regierung hat die Berichte bestätigt"). An
// announcement ("hat ein Hilfspaket angekündigt") is an act, not a claim,
// as "announced" is in English.
var germanParticiples = setOf("bestätigt", "mitgeteilt", "erklärt", "berichtet", "gemeldet", "reklamiert",
	"dementiert", "eingeräumt", "behauptet")

// germanPerfectFrame reads "X hat C bestätigt": a noun phrase, "hat" or
// "haben", and a reporting participle closing the sentence; the sentence
// is the claim.
func germanPerfectFrame(s string, qs []span, ws []word, first int) (rawFrame, bool) {
	a := germanNP(s, ws, first)
	if a == first || a+2 >= len(ws) || (ws[a].lower != "hat" && ws[a].lower != "haben") {
		return germanPerfectThat(s, qs, ws, first)
	}
	p := len(ws) - 1
	if !germanParticiples[ws[p].lower] || inSpans(qs, ws[p].s) || strings.ContainsAny(s[ws[p].e:], ",;:") {
		return germanPerfectThat(s, qs, ws, first)
	}
	f := rawFrame{subject: withoutArticle(s[ws[first].s:ws[a-1].e]), verb: "hat " + ws[p].text, pos: ws[a].s, rule: ruleSpeakerVerbClaim}
	f.claim, f.direct = cleanClaim(s[ws[first].s:])
	return f, f.claim != ""
}
